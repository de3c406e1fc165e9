package org.pinning.processor.rules;

import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.pinning.processor.PinCompiler.compile;
import static org.pinning.processor.PinCompiler.source;

import com.google.testing.compile.Compilation;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The body rule that is not a move: {@code pin:copy} of a {@code clone()} call (DESIGN.md §4.3),
 * and no body rules where javac has already reported an error (§8).
 */
class BodyCloneTest {

  private static JavaFileObject task() {
    return source(
        "demo.Task",
        """
        package demo;
        @org.pinning.Pinned
        public class Task {
          public void poll() {}
        }
        """);
  }

  // pin:copy of a clone() call

  /** A pinned Cloneable type; its own declaration's pin:copy is suppressed to isolate the call. */
  private static JavaFileObject sheep() {
    return source(
        "demo.Sheep",
        """
        package demo;
        @SuppressWarnings("pin:copy")
        @org.pinning.Pinned
        public class Sheep implements Cloneable {
          @Override public Sheep clone() {
            try {
              return (Sheep) super.clone();
            } catch (CloneNotSupportedException e) {
              throw new AssertionError(e);
            }
          }
        }
        """);
  }

  @Test
  void cloneCallOnAPinnedTypeIsRejectedAtTheCall() {
    JavaFileObject farm =
        source(
            "demo.Farm",
            """
            package demo;
            public final class Farm {
              Object twin(Sheep sheep) {
                return sheep.clone();
              }
            }
            """);
    Compilation compilation = compile(sheep(), farm);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[pin:copy] clone() copies a value of pinned type 'Sheep'")
        .inFile(farm)
        .onLineContaining("return sheep.clone();");
  }

  @Test
  void cloneCallOnAPinnedValueOfAPinnedTypeIsRejected() {
    JavaFileObject farm =
        source(
            "demo.Farm",
            """
            package demo;
            import org.pinning.Pinned;
            public final class Farm {
              void twin(@Pinned Sheep sheep) {
                sheep.clone();
              }
            }
            """);
    Compilation compilation = compile(sheep(), farm);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[pin:copy] clone() copies a value of pinned type 'Sheep'")
        .inFile(farm)
        .onLineContaining("sheep.clone();");
  }

  @Test
  void cloneCallOnAnUnpinnedTypeIsAccepted() {
    JavaFileObject point =
        source(
            "demo.Point",
            """
            package demo;
            public class Point implements Cloneable {
              @Override public Point clone() {
                try {
                  return (Point) super.clone();
                } catch (CloneNotSupportedException e) {
                  throw new AssertionError(e);
                }
              }
            }
            """);
    JavaFileObject farm =
        source(
            "demo.Farm",
            """
            package demo;
            public final class Farm {
              Object twin(Point point, int[] counts) {
                return point.clone() == null ? counts.clone() : null;
              }
            }
            """);
    assertThat(compile(point, farm)).succeededWithoutWarnings();
  }

  // No body rules where javac reported an error

  @Test
  void unresolvableTypeElsewhereInTheClassLeavesOnlyJavacsErrors() {
    JavaFileObject monitor =
        source(
            "demo.Monitor",
            """
            package demo;
            import org.pinning.Pinned;
            public final class Monitor {
              Object last;
              void broken() {
                Missing m = null;
              }
              void watch(@Pinned Task task) {
                last = task;
              }
            }
            """);
    Compilation compilation = compile(task(), monitor);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("cannot find symbol").inFile(monitor).onLine(6);
    assertNoPinErrors(compilation);
  }

  @Test
  void unresolvableMethodElsewhereInTheClassLeavesOnlyJavacsErrors() {
    JavaFileObject monitor =
        source(
            "demo.Monitor",
            """
            package demo;
            import org.pinning.Pinned;
            public final class Monitor {
              Object last;
              void broken() {
                undefined();
              }
              void watch(@Pinned Task task) {
                last = task;
              }
            }
            """);
    Compilation compilation = compile(task(), monitor);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("cannot find symbol").inFile(monitor).onLine(6);
    assertNoPinErrors(compilation);
  }

  @Test
  void sameMisuseWithoutTheUnrelatedErrorIsReported() {
    JavaFileObject monitor =
        source(
            "demo.Monitor",
            """
            package demo;
            import org.pinning.Pinned;
            public final class Monitor {
              Object last;
              void broken() {
                Object m = null;
              }
              void watch(@Pinned Task task) {
                last = task;
              }
            }
            """);
    Compilation compilation = compile(task(), monitor);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[pin:move] pinned value 'task' moves into unpinned field 'last'")
        .inFile(monitor)
        .onLineContaining("last = task;");
  }

  private static void assertNoPinErrors(Compilation compilation) {
    for (Diagnostic<? extends JavaFileObject> error : compilation.errors()) {
      assertWithMessage("javac's error was followed by a pin error: %s", error)
          .that(error.getMessage(Locale.ROOT))
          .doesNotContain("[pin:");
    }
  }
}
