package org.pinning.processor.compat;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pinning.processor.PinCompiler.source;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.util.Locale;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A build that wants the checks but no projections compiles with {@code -proc:none} (DESIGN.md
 * §8): no processor runs, and the plugin, started by {@code autoStart()} from the class path,
 * still runs every rule, declaration and body rules alike.
 */
class ProcNoneTest {

  private static final JavaFileObject BUFFER =
      source(
          "demo.Buffer",
          """
          package demo;
          @org.pinning.Pinned
          public final class Buffer {}
          """);

  @Test
  void declarationAndBodyRulesBothRunWithoutAnnotationProcessing() {
    JavaFileObject task =
        source(
            "demo.Task",
            """
            package demo;
            import org.pinning.Pinned;
            @Pinned
            public final class Task
                implements Cloneable {
              @Pinned final Buffer buffer = new Buffer();
              Object last;
              void stash() {
                last = buffer;
              }
            }
            """);
    Compilation compilation = procNone(task, BUFFER);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation)
        .hadErrorContaining("[pin:copy] pinned type 'Task' is Cloneable")
        .inFile(task)
        .onLineContaining("implements Cloneable");
    assertThat(compilation)
        .hadErrorContaining("[pin:move] pinned value 'buffer' moves into unpinned field 'last'")
        .inFile(task)
        .onLineContaining("last = buffer;");
  }

  @Test
  void afterPinIsReportedWithoutAnnotationProcessing() {
    JavaFileObject spawner =
        source(
            "demo.Spawner",
            """
            package demo;
            import org.pinning.Pinned;
            public final class Spawner {
              Buffer last;
              void spawn(@Pinned Buffer buffer) {}
              void run() {
                Buffer buffer = new Buffer();
                spawn(buffer);
                last = buffer;
              }
            }
            """);
    Compilation compilation = procNone(spawner, BUFFER);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[pin:after-pin] 'buffer' moves into unpinned field 'last', but it was"
            + " pinned at line 8")
        .inFile(spawner)
        .onLineContaining("last = buffer;");
  }

  @Test
  void noProjectionIsGeneratedWithoutAnnotationProcessing() {
    Compilation compilation =
        procNone(
            source(
                "demo.Task",
                """
                package demo;
                import org.pinning.Pinned;
                @Pinned
                public final class Task {
                  @Pinned final Buffer buffer = new Buffer();
                  int state;
                }
                """),
            BUFFER);
    assertThat(compilation).succeededWithoutWarnings();
    assertTrue(
        compilation.generatedSourceFiles().isEmpty(),
        () -> "no processor ran, so no projection: " + compilation.generatedSourceFiles());
  }

  @Test
  void noNoteSaysBodyRulesWereSkipped() {
    Compilation compilation =
        procNone(source("demo.Plain", "package demo;\npublic final class Plain {}\n"));
    assertThat(compilation).succeededWithoutWarnings();
    assertTrue(
        compilation.notes().stream()
            .noneMatch(d -> d.getMessage(Locale.ROOT).contains("method bodies were not")),
        () -> "the plugin checks bodies: " + compilation.notes());
  }

  @Test
  void atMostOneNoteSaysProjectionsWereNotGenerated() {
    Compilation compilation =
        procNone(
            source(
                "demo.Task",
                """
                package demo;
                @org.pinning.Pinned
                public final class Task { int state; }
                """),
            source(
                "demo.Job",
                """
                package demo;
                @org.pinning.Pinned
                public final class Job { int id; }
                """));
    assertThat(compilation).succeededWithoutWarnings();
    long notes =
        compilation.notes().stream()
            .filter(d -> d.getMessage(Locale.ROOT).contains("projections were not generated"))
            .count();
    assertTrue(notes <= 1, () -> "one note at most: " + compilation.notes());
  }

  @Test
  void suppressionStillWorksWithoutAnnotationProcessing() {
    Compilation compilation =
        procNone(
            source(
                "demo.Monitor",
                """
                package demo;
                import org.pinning.Pinned;
                public final class Monitor {
                  Object last;
                  @SuppressWarnings("pin:move")
                  void stash(@Pinned Buffer buffer) {
                    last = buffer;
                  }
                }
                """),
            BUFFER);
    assertThat(compilation).succeededWithoutWarnings();
  }

  /** javac with {@code -proc:none} and no processor passed: only the auto-started plugin runs. */
  private static Compilation procNone(JavaFileObject... files) {
    return Compiler.javac().withOptions("-proc:none").compile(files);
  }
}
