package org.pinning.processor.compat;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pinning.processor.PinCompiler.source;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.io.File;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.pinning.processor.PinProcessor;

/**
 * Code javac rejects (DESIGN.md §8): the checker adds nothing to javac's own errors — no cascade,
 * no {@code [pin:internal]} — and nothing throws out of the compilation. A class whose attributed
 * tree holds an erroneous tree or an error type gets no body rules; other classes still do.
 * Each case runs in the default setup (processor and plugin) and with {@code -proc:none} (the
 * plugin alone: javac then attributes bodies even after errors in signatures).
 */
class ErroneousInputTest {

  private static final JavaFileObject BUFFER =
      source(
          "demo.Buffer",
          """
          package demo;
          @org.pinning.Pinned
          public final class Buffer {}
          """);

  private static final JavaFileObject UNRESOLVABLE_TYPES =
      source(
          "demo.Task",
          """
          package demo;
          import java.util.List;
          import java.util.function.Supplier;
          import org.pinning.Pinned;
          @Pinned
          public final class Task extends Base<Missing> implements Cloneable2 {
            @Pinned final Buffer buffer = new Buffer();
            final Missing missing = null;
            Object last;
            Missing make() { return missing; }
            void take(Missing m, List<Missing> ms, Supplier<Missing> s) { Object o = m; ms.add(m); }
            void stash() { last = buffer; last = missing; Unknown.call(buffer); }
          }
          class Base<T> {}
          """);

  private static final JavaFileObject UNRESOLVABLE_IN_BODIES =
      source(
          "demo.Task",
          """
          package demo;
          import java.util.function.Supplier;
          import org.pinning.Pinned;
          @Pinned
          public final class Task {
            @Pinned final Buffer buffer = new Buffer();
            Object last;
            Supplier<Buffer> supplier = () -> nothing.get(buffer);
            void loop() { for (Missing x : missingList) { x.poll(); } }
            Object pick(Object o) { return o instanceof Missing m ? m : buffer; }
            void stash() { last = buffer; Unknown.call(buffer); }
          }
          """);

  private static final JavaFileObject SYNTAX_ERROR =
      source(
          "demo.Task",
          """
          package demo;
          import org.pinning.Pinned;
          @Pinned
          public final class Task implements Cloneable {
            @Pinned final Buffer buffer = new Buffer();
            Object last;
            void stash( { last = buffer; }
          }
          """);

  private static final JavaFileObject EXTENDS_UNRESOLVABLE =
      source(
          "demo.Task",
          """
          package demo;
          import org.pinning.Pinned;
          @Pinned
          public class Task extends Missing {
            @Pinned final Buffer buffer = new Buffer();
            Object last;
            void stash() { last = buffer; }
          }
          """);

  // unresolvable types

  @Test
  void unresolvableTypesGetJavacErrorsOnly() {
    Compilation compilation = compileWithProcessor(UNRESOLVABLE_TYPES, BUFFER);
    assertJavacErrorsOnly(compilation, "cannot find symbol");
  }

  @Test
  void unresolvableTypesGetJavacErrorsOnlyWithoutAnnotationProcessing() {
    Compilation compilation = compileWithPluginOnly(UNRESOLVABLE_TYPES, BUFFER);
    assertJavacErrorsOnly(compilation, "cannot find symbol");
  }

  @Test
  void unresolvableNamesInBodiesGetJavacErrorsOnly() {
    Compilation compilation = compileWithProcessor(UNRESOLVABLE_IN_BODIES, BUFFER);
    // 'last = buffer' moves, but the class has erroneous trees: no body rules there
    assertJavacErrorsOnly(compilation, "cannot find symbol");
  }

  @Test
  void unresolvableNamesInBodiesGetJavacErrorsOnlyWithoutAnnotationProcessing() {
    Compilation compilation = compileWithPluginOnly(UNRESOLVABLE_IN_BODIES, BUFFER);
    assertJavacErrorsOnly(compilation, "cannot find symbol");
  }

  @Test
  void pinnedPlacesOfUnresolvableTypesAreNotCalledUseless() {
    JavaFileObject holder =
        source(
            "demo.Holder",
            """
            package demo;
            import java.util.List;
            import org.pinning.Pinned;
            public final class Holder {
              @Pinned final Missing missing = null;
              @Pinned Missing make() { return missing; }
              void take(@Pinned Missing m, List<@Pinned Missing> ms) {
                @Pinned Missing local = m;
                local.poll();
              }
            }
            """);
    // DESIGN.md §2: an unresolvable type is none of the known-Unpin kinds, so pin:useless
    // ("type 'Missing' is Unpin") would be a cascade of javac's error
    assertJavacErrorsOnly(compileWithProcessor(holder), "cannot find symbol");
    assertJavacErrorsOnly(compileWithPluginOnly(holder), "cannot find symbol");
  }

  @Test
  void javacErrorInOneClassLeavesTheOtherClassesChecked() {
    JavaFileObject files =
        source(
            "demo.Task",
            """
            package demo;
            import org.pinning.Pinned;
            @Pinned
            public final class Task {
              @Pinned final Buffer buffer = new Buffer();
              void broken() { Unknown.call(buffer); }
            }
            final class Monitor {
              Object last;
              void stash(@Pinned Buffer buffer) { last = buffer; }
            }
            """);
    Compilation compilation = assertDoesNotThrow(() -> compileWithProcessor(files, BUFFER));
    assertNothingFailedInside(compilation);
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation)
        .hadErrorContaining("cannot find symbol")
        .inFile(files)
        .onLineContaining("Unknown.call(buffer);");
    assertThat(compilation)
        .hadErrorContaining("[pin:move] pinned value 'buffer' moves into unpinned field 'last'")
        .inFile(files)
        .onLineContaining("last = buffer;");
  }

  // syntax errors

  @Test
  void syntaxErrorGetsJavacErrorsOnly() {
    assertJavacErrorsOnly(compileWithProcessor(SYNTAX_ERROR, BUFFER), "illegal start of type");
  }

  @Test
  void syntaxErrorGetsJavacErrorsOnlyWithoutAnnotationProcessing() {
    assertJavacErrorsOnly(compileWithPluginOnly(SYNTAX_ERROR, BUFFER), "illegal start of type");
  }

  // the annotations are not on the class path

  @Test
  void missingAnnotationsGetJavacErrorsOnly() {
    JavaFileObject task =
        source(
            "demo.Task",
            """
            package demo;
            import org.pinning.Pinned;
            @Pinned
            public final class Task implements Cloneable {
              @org.pinning.Pinned final Object buffer = new Object();
              Object last;
              void stash() { last = buffer; }
            }
            """);
    List<File> withoutAnnotations =
        TestClassPath.entriesWithout(
            entry -> {
              String path = entry.getPath().replace('\\', '/');
              return path.contains("pinning-annotations")
                  || path.contains("annotations/target/classes");
            });
    Compilation withProcessor =
        assertDoesNotThrow(
            () ->
                Compiler.javac()
                    .withProcessors(new PinProcessor())
                    .withClasspath(withoutAnnotations)
                    .compile(task));
    assertJavacErrorsOnly(withProcessor, "package org.pinning does not exist");
    Compilation pluginOnly =
        assertDoesNotThrow(
            () ->
                Compiler.javac()
                    .withOptions("-proc:none")
                    .withClasspath(withoutAnnotations)
                    .compile(task));
    assertJavacErrorsOnly(pluginOnly, "package org.pinning does not exist");
  }

  // a pinned class with an unresolvable supertype

  @Test
  void pinnedClassExtendingAnUnresolvableTypeGetsJavacErrorsOnly() {
    assertJavacErrorsOnly(
        compileWithProcessor(EXTENDS_UNRESOLVABLE, BUFFER), "cannot find symbol");
  }

  @Test
  void pinnedClassExtendingAnUnresolvableTypeGetsJavacErrorsOnlyWithoutAnnotationProcessing() {
    assertJavacErrorsOnly(
        compileWithPluginOnly(EXTENDS_UNRESOLVABLE, BUFFER), "cannot find symbol");
  }

  @Test
  void pinnedInterfaceExtendingAnUnresolvableTypeGetsJavacErrorsOnly() {
    JavaFileObject files =
        source(
            "demo.Job",
            """
            package demo;
            import org.pinning.Pinned;
            @Pinned
            public interface Job extends Missing, Runnable {
              @Pinned Buffer buffer();
              default Object leak() { return buffer(); }
            }
            """);
    assertJavacErrorsOnly(compileWithProcessor(files, BUFFER), "cannot find symbol");
    assertJavacErrorsOnly(compileWithPluginOnly(files, BUFFER), "cannot find symbol");
  }

  // compilations and assertions

  private static Compilation compileWithProcessor(JavaFileObject... files) {
    return assertDoesNotThrow(
        () -> Compiler.javac().withProcessors(new PinProcessor()).compile(files));
  }

  private static Compilation compileWithPluginOnly(JavaFileObject... files) {
    return assertDoesNotThrow(() -> Compiler.javac().withOptions("-proc:none").compile(files));
  }

  /** The compilation failed with javac's {@code expected} error, and the checker said nothing. */
  private static void assertJavacErrorsOnly(Compilation compilation, String expected) {
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining(expected);
    assertNothingFailedInside(compilation);
    List<String> pinDiagnostics =
        compilation.diagnostics().stream()
            .filter(d -> d.getKind() != Diagnostic.Kind.NOTE)
            .map(d -> d.getLineNumber() + ": " + d.getMessage(Locale.ROOT))
            .filter(m -> m.contains("[pin:"))
            .toList();
    assertTrue(pinDiagnostics.isEmpty(), () -> "cascaded pin diagnostics: " + pinDiagnostics);
  }

  private static void assertNothingFailedInside(Compilation compilation) {
    assertFalse(
        compilation.diagnostics().stream()
            .anyMatch(d -> d.getMessage(Locale.ROOT).contains("[pin:internal]")),
        () -> "the checker failed: " + compilation.diagnostics());
  }
}
