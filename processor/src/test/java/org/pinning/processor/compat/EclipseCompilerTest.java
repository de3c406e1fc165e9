package org.pinning.processor.compat;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.eclipse.jdt.internal.compiler.tool.EclipseCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pinning.processor.PinProcessor;

/**
 * The processor under Eclipse's compiler (DESIGN.md §8): ECJ has no {@code com.sun.source} and no
 * plugins, so the processor runs the declaration rules itself, generates the projections, and
 * says once that method bodies were not checked.
 *
 * <p>ECJ's JSR-199 front end ({@link EclipseCompiler#getTask}) turns every compilation unit's URI
 * into a {@link java.io.File}, so it rejects compile-testing's in-memory sources ({@code
 * IllegalArgumentException: URI has an authority component}): the sources here are written to a
 * temporary directory and handed over with {@link JavaFileObjects#forResource}. Its output still
 * goes through compile-testing's in-memory file manager. It accepts javac's {@code --release 17}
 * (as well as {@code -17} and {@code -source 17 -target 17}) and honours it. ECJ prints its
 * problems to standard error (compile-testing gives it no writer), and, once per compilation, a
 * {@code NullPointerException} message it catches while reading compile-testing's locations
 * ({@code EclipseCompilerImpl.handleLocations}): both are noise, not failures.
 *
 * <p>compile-testing prints ECJ's diagnostics by their {@code toString()}, which names only their
 * class; {@link #describe} spells them out in this test's own failure messages.
 */
class EclipseCompilerTest {

  private static final String BODY_RULES_SKIPPED = "only declaration rules were checked";

  private static final String BUFFER =
      """
      package demo;
      @org.pinning.Pinned
      public final class Buffer {}
      """;

  @TempDir Path sourceRoot;

  @Test
  void cloneablePinnedTypeIsRejectedByTheProcessor() {
    JavaFileObject task =
        source(
            "demo.Task",
            """
            package demo;
            import org.pinning.Pinned;
            @Pinned
            public final class Task
                implements Cloneable {
            }
            """);
    Compilation compilation = compileWithEclipse(task);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    // The Messager points at the element: ECJ marks the class name, not the implements clause.
    assertThat(compilation)
        .hadErrorContaining("[pin:copy] pinned type 'Task' is Cloneable")
        .inFile(task)
        .onLineContaining("public final class Task");
  }

  @Test
  void nonFinalPinnedFieldIsAcceptedByTheProcessor() {
    JavaFileObject owner =
        source(
            "demo.Owner",
            """
            package demo;
            import org.pinning.Pinned;
            public final class Owner {
              int state;
              @Pinned Buffer buffer;
            }
            """);
    Compilation compilation = compileWithEclipse(owner, source("demo.Buffer", BUFFER));
    assertThat(compilation).hadErrorCount(0);
  }

  @Test
  void declarationErrorsInSeveralFilesAreAllReported() {
    JavaFileObject task =
        source(
            "demo.Task",
            """
            package demo;
            import org.pinning.Pinned;
            @Pinned
            public final class Task implements Cloneable {
              @Pinned Buffer buffer = new Buffer();
            }
            """);
    JavaFileObject job =
        source(
            "demo.Job",
            """
            package demo;
            @org.pinning.Pinned
            public final class Job implements java.io.Serializable {
              private static final long serialVersionUID = 1L;
            }
            """);
    Compilation compilation = compileWithEclipse(task, job, source("demo.Buffer", BUFFER));
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation)
        .hadErrorContaining("[pin:copy] pinned type 'Task' is Cloneable")
        .inFile(task)
        .onLineContaining("public final class Task");
    assertThat(compilation)
        .hadErrorContaining("[pin:copy] pinned type 'Job' is Serializable")
        .inFile(job)
        .onLineContaining("public final class Job");
  }

  @Test
  void pinnedRecordIsRejectedThoughEclipseGivesTheErrorNoPosition() {
    Compilation compilation =
        compileWithEclipse(
            source(
                "demo.Job",
                """
                package demo;
                @org.pinning.Pinned
                public record Job(int id) {}
                """));
    assertThat(compilation).hadErrorCount(1);
    // ECJ's Messager (BaseMessagerImpl) finds source positions for classes, interfaces, enums
    // and annotation types but not for records: the error carries no file and no line.
    assertThat(compilation).hadErrorContaining("[pin:copy] pinned type 'Job' is a record");
  }

  @Test
  void projectionIsGenerated() {
    Compilation compilation =
        compileWithEclipse(
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
            source("demo.Buffer", BUFFER));
    assertSucceededWithoutWarnings(compilation);
    assertThat(compilation)
        .generatedSourceFile("demo.TaskProjection")
        .contentsAsUtf8String()
        .contains("public static TaskProjection project(");
    assertThat(compilation)
        .generatedSourceFile("demo.TaskProjection")
        .contentsAsUtf8String()
        .contains("public void setState(");
  }

  @Test
  void bodyRulesAreSkippedWithExactlyOneNote() {
    JavaFileObject monitor =
        source(
            "demo.Monitor",
            """
            package demo;
            import org.pinning.Pinned;
            @Pinned
            public final class Monitor {
              @Pinned final Buffer buffer = new Buffer();
              Object last;
              void stash() {
                last = buffer;
              }
            }
            """);
    JavaFileObject other =
        source(
            "demo.Other",
            """
            package demo;
            public final class Other {
              Object kept;
              void keep(@org.pinning.Pinned Buffer buffer) {
                kept = buffer;
              }
            }
            """);
    Compilation compilation = compileWithEclipse(monitor, other, source("demo.Buffer", BUFFER));
    assertSucceededWithoutWarnings(compilation);
    assertTrue(
        messages(compilation.diagnostics()).stream().noneMatch(m -> m.contains("[pin:move]")),
        () -> "ECJ has no trees to run body rules on: " + messages(compilation.diagnostics()));
    assertEquals(
        1,
        messages(compilation.notes()).stream().filter(m -> m.contains(BODY_RULES_SKIPPED)).count(),
        () -> "one note over all files and rounds: " + messages(compilation.notes()));
    // the projection of Monitor made a second round; the note still comes once
    assertThat(compilation).generatedSourceFile("demo.MonitorProjection");
  }

  @Test
  void noteIsPrintedEvenWithoutPinnedTypes() {
    Compilation compilation =
        compileWithEclipse(source("demo.Plain", "package demo;\npublic final class Plain {}\n"));
    assertSucceededWithoutWarnings(compilation);
    assertThat(compilation).hadNoteContaining(BODY_RULES_SKIPPED);
  }

  @Test
  void processorOptionsReachTheProcessorUnderEclipse() {
    JavaFileObject task =
        source(
            "demo.Task",
            """
            package demo;
            @org.pinning.Pinned
            public final class Task implements Cloneable {}
            """);
    Compilation compilation = compileWithEclipse(List.of("-Apin.severity=warning"), task);
    assertThat(compilation).succeeded();
    assertThat(compilation)
        .hadWarningContaining("[pin:copy] pinned type 'Task' is Cloneable")
        .inFile(task)
        .onLineContaining("public final class Task");
  }

  @Test
  void generationCanBeTurnedOffUnderEclipse() {
    Compilation compilation =
        compileWithEclipse(
            List.of("-Apin.generate=false"),
            source(
                "demo.Task",
                """
                package demo;
                @org.pinning.Pinned
                public final class Task {
                  int state;
                }
                """));
    assertSucceededWithoutWarnings(compilation);
    assertTrue(
        compilation.generatedSourceFiles().isEmpty(),
        () -> "no projections: " + compilation.generatedSourceFiles());
  }

  @Test
  void nothingFailsInsideTheProcessorUnderEclipse() {
    Compilation compilation =
        compileWithEclipse(
            source(
                "demo.Pool",
                """
                package demo;
                import java.util.ArrayList;
                import java.util.List;
                import org.pinning.Pinned;
                import org.pinning.Unpin;
                @Pinned
                public class Pool<T extends Comparable<T>> {
                  @Pinned final List<@Pinned Buffer> buffers = new ArrayList<>();
                  @Unpin final Buffer spare = new Buffer();
                  T slot;
                  int[] sizes;
                  @Pinned Buffer first() { return buffers.get(0); }
                  void lend(@Pinned Buffer buffer) {}
                  class Inner { int depth; }
                  enum Mode { ON, OFF }
                  interface Listener { void changed(@Pinned Buffer buffer); }
                }
                """),
            source("demo.Buffer", BUFFER));
    assertTrue(
        messages(compilation.diagnostics()).stream().noneMatch(m -> m.contains("[pin:internal]")),
        () -> describe(compilation));
    assertSucceededWithoutWarnings(compilation);
    assertThat(compilation).generatedSourceFile("demo.PoolProjection");
  }

  @Test
  void projectionOfAClassWithAnUnpinTypeParameterCompilesUnderEclipse() {
    // javac compiles this source and its projection clean. ECJ's TypeVariable mirrors also carry
    // the declaration annotations of their type parameter, which the projection then spells in
    // type-use positions (Slot<@Unpin T>, @Unpin T value()): @Unpin is not a TYPE_USE annotation.
    Compilation compilation =
        compileWithEclipse(
            source(
                "demo.Slot",
                """
                package demo;
                import org.pinning.Pinned;
                import org.pinning.Unpin;
                @Pinned
                public final class Slot<@Unpin T> {
                  T value;
                }
                """));
    assertSucceededWithoutWarnings(compilation);
    assertThat(compilation).generatedSourceFile("demo.SlotProjection");
  }

  // receivers, constructors and slots (§4.10, §2), as far as javax.lang.model shows them

  private static final String FUTURE =
      """
      package demo;
      import org.pinning.Pinned;
      public interface Future {
        boolean poll(@Pinned Future this, int waker);
      }
      """;

  @Test
  void overrideDroppingAPinnedReceiverIsRejectedUnderEclipse() {
    JavaFileObject sleeper =
        source(
            "demo.Sleeper",
            """
            package demo;
            public class Sleeper implements Future {
              @Override
              public boolean poll(int waker) { return true; }
            }
            """);
    Compilation compilation = compileWithEclipse(source("demo.Future", FUTURE), sleeper);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[pin:override] 'poll(int)' drops the pinned receiver of overridden")
        .inFile(sleeper)
        .onLineContaining("public boolean poll(int waker)");
  }

  @Test
  void overrideKeepingAPinnedReceiverIsAcceptedUnderEclipse() {
    assertSucceededWithoutWarnings(
        compileWithEclipse(
            source("demo.Future", FUTURE),
            source(
                "demo.Sleeper",
                """
                package demo;
                import org.pinning.Pinned;
                public class Sleeper implements Future {
                  @Override
                  public boolean poll(@Pinned Sleeper this, int waker) { return true; }
                }
                """)));
  }

  @Test
  void overrideAddingPinnedToAParameterIsRejectedUnderEclipse() {
    JavaFileObject keeper =
        source(
            "demo.Keeper",
            """
            package demo;
            import org.pinning.Pinned;
            public class Keeper {
              @Override
              public boolean equals(@Pinned Object other) { return this == other; }
              @Override
              public int hashCode() { return 0; }
            }
            """);
    Compilation compilation = compileWithEclipse(keeper);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[pin:override] 'equals(Object)' adds @Pinned to parameter 'other'")
        .inFile(keeper)
        .onLineContaining("public boolean equals(@Pinned Object other)");
  }

  @Test
  void pinnedConstructorsAreJudgedUnderEclipse() {
    JavaFileObject plain =
        source(
            "demo.Plain",
            """
            package demo;
            import org.pinning.Pinned;
            public final class Plain {
              @Pinned Plain() {}
            }
            @Pinned
            final class Task {
              @Pinned Task() {}
            }
            """);
    Compilation compilation = compileWithEclipse(plain);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation)
        .hadWarningContaining(
            "[pin:useless] @Pinned has no effect on constructor 'Plain()': type 'Plain' is Unpin")
        .inFile(plain)
        .onLineContaining("@Pinned Plain() {}");
  }

  @Test
  void pinnedReceiverOfAKnownUnpinClassIsUselessUnderEclipse() {
    JavaFileObject plain =
        source(
            "demo.Plain",
            """
            package demo;
            import org.pinning.Pinned;
            public final class Plain {
              void run(@Pinned Plain this) {}
            }
            """);
    Compilation compilation = compileWithEclipse(plain);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation)
        .hadWarningContaining("[pin:useless] @Pinned has no effect on the receiver of 'run()'")
        .inFile(plain);
  }

  @Test
  void slotDoesNotPinItsOwnerUnderEclipse() {
    // A Cloneable class whose only @Pinned field is a slot is not a pinned type: no pin:copy.
    Compilation compilation =
        compileWithEclipse(
            source("demo.Buffer", BUFFER),
            source(
                "demo.Cursor",
                """
                package demo;
                import org.pinning.Pinned;
                public final class Cursor implements Cloneable {
                  @Pinned Buffer current;
                }
                """));
    assertTrue(
        messages(compilation.diagnostics()).stream().noneMatch(m -> m.contains("[pin:copy]")),
        () -> describe(compilation));
  }

  @Test
  void overrideAddingAPinnedReturnIsRejectedUnderEclipse() {
    // ECJ's asMemberOf shows the overriding method's annotations: the rule must not read them.
    JavaFileObject log =
        source(
            "demo.Log",
            """
            package demo;
            import org.pinning.Pinned;
            interface Source { Buffer get(); }
            public final class Log implements Source {
              @Override
              public @Pinned Buffer get() { return null; }
            }
            """);
    Compilation compilation = compileWithEclipse(source("demo.Buffer", BUFFER), log);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[pin:override] 'get()' returns @Pinned but overridden 'Source.get()'")
        .inFile(log)
        .onLineContaining("public @Pinned Buffer get()");
  }

  // ECJ, the processor, and sources on disk

  private Compilation compileWithEclipse(JavaFileObject... files) {
    return compileWithEclipse(List.of(), files);
  }

  private Compilation compileWithEclipse(List<String> options, JavaFileObject... files) {
    return Compiler.compiler(new EclipseCompiler())
        .withProcessors(new PinProcessor())
        .withOptions(concat(List.of("--release", "17"), options))
        .compile(files);
  }

  /** A source file on disk, as ECJ requires: {@code file:} URIs only. */
  private JavaFileObject source(String qualifiedName, String text) {
    Path file = sourceRoot.resolve(qualifiedName.replace('.', '/') + ".java");
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
      return JavaFileObjects.forResource(file.toUri().toURL());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * compile-testing prints ECJ's diagnostics with their {@code toString()}, which says nothing:
   * this asserts success with the diagnostics spelled out.
   */
  private static void assertSucceededWithoutWarnings(Compilation compilation) {
    assertTrue(
        compilation.errors().isEmpty() && compilation.warnings().isEmpty(),
        () -> "expected a clean compilation: " + describe(compilation));
  }

  private static String describe(Compilation compilation) {
    StringBuilder text = new StringBuilder();
    for (Diagnostic<? extends JavaFileObject> d : compilation.diagnostics()) {
      text.append("\n  ")
          .append(d.getKind())
          .append(' ')
          .append(d.getSource() == null ? "(no file)" : d.getSource().getName())
          .append(':')
          .append(d.getLineNumber())
          .append(": ")
          .append(d.getMessage(Locale.ROOT));
    }
    return text.toString();
  }

  private static List<String> concat(List<String> first, List<String> second) {
    return Stream.concat(first.stream(), second.stream()).toList();
  }

  private static List<String> messages(List<? extends Diagnostic<?>> diagnostics) {
    return diagnostics.stream().map(d -> d.getMessage(Locale.ROOT)).toList();
  }
}
