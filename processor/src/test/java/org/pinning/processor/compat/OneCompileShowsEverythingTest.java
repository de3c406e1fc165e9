package org.pinning.processor.compat;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.pinning.processor.PinCompiler.compile;
import static org.pinning.processor.PinCompiler.source;

import com.google.testing.compile.Compilation;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Declaration rules and body rules run in one pass over the attributed trees (DESIGN.md §8), so
 * one compile shows every pin error: a declaration error does not hide body errors, nor one body
 * error the next.
 */
class OneCompileShowsEverythingTest {

  private static final JavaFileObject BUFFER =
      source(
          "demo.Buffer",
          """
          package demo;
          @org.pinning.Pinned
          public final class Buffer {}
          """);

  @Test
  void declarationErrorAndTwoBodyErrorsOfOneClassAllAppear() {
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
              Object leak() {
                return buffer;
              }
            }
            """);
    Compilation compilation = compile(task, BUFFER);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(3);
    assertThat(compilation)
        .hadErrorContaining("[pin:copy] pinned type 'Task' is Cloneable")
        .inFile(task)
        .onLine(5);
    assertThat(compilation)
        .hadErrorContaining("[pin:move] pinned value 'buffer' moves into unpinned field 'last'")
        .inFile(task)
        .onLine(9);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:move] pinned value 'buffer' moves into the return value of 'leak()'")
        .inFile(task)
        .onLine(12);
  }

  @Test
  void errorsOfSeveralClassesAndFilesAllAppear() {
    JavaFileObject job =
        source(
            "demo.Job",
            """
            package demo;
            import org.pinning.Pinned;
            @Pinned
            public final class Job implements Cloneable {
              @Pinned final Buffer buffer = new Buffer();
            }
            """);
    JavaFileObject monitor =
        source(
            "demo.Monitor",
            """
            package demo;
            import java.util.ArrayList;
            import java.util.List;
            import org.pinning.Pinned;
            public final class Monitor {
              final List<Buffer> seen = new ArrayList<>();
              void watch(@Pinned Buffer buffer) {
                seen.add(buffer);
              }
            }
            final class Stash {
              Buffer kept;
              void keep(@Pinned Buffer buffer) {
                kept = buffer;
              }
            }
            """);
    Compilation compilation = compile(job, monitor, BUFFER);
    assertThat(compilation).hadErrorCount(3);
    assertThat(compilation)
        .hadErrorContaining("[pin:copy] pinned type 'Job' is Cloneable")
        .inFile(job)
        .onLineContaining("public final class Job implements Cloneable");
    assertThat(compilation)
        .hadErrorContaining("[pin:move] pinned value 'buffer' moves into")
        .inFile(monitor)
        .onLineContaining("seen.add(buffer);");
    assertThat(compilation)
        .hadErrorContaining("[pin:move] pinned value 'buffer' moves into unpinned field 'kept'")
        .inFile(monitor)
        .onLineContaining("kept = buffer;");
  }

  @Test
  void everyErrorIsReportedOnceInSourceOrder() {
    JavaFileObject task =
        source(
            "demo.Task",
            """
            package demo;
            import org.pinning.Pinned;
            @Pinned
            public final class Task implements Cloneable {
              @Pinned final Buffer buffer = new Buffer();
              Object first;
              Object second;
              void stash() {
                first = buffer;
                second = buffer;
              }
            }
            """);
    Compilation compilation = compile(task, BUFFER);
    List<Long> lines = compilation.errors().stream().map(d -> d.getLineNumber()).toList();
    assertEquals(List.of(4L, 9L, 10L), lines, () -> "errors: " + compilation.errors());
  }

  @Test
  void warningsAndErrorsAppearTogether() {
    JavaFileObject task =
        source(
            "demo.Task",
            """
            package demo;
            import org.pinning.Pinned;
            @Pinned
            public final class Task {
              @Pinned final String name = "task";
              @Pinned final Buffer buffer = new Buffer();
              Object last;
              void stash() {
                last = buffer;
              }
            }
            """);
    Compilation compilation = compile(task, BUFFER);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[pin:move]")
        .inFile(task)
        .onLineContaining("last = buffer;");
    assertThat(compilation)
        .hadWarningContaining("[pin:useless]")
        .inFile(task)
        .onLineContaining("String name");
  }
}
