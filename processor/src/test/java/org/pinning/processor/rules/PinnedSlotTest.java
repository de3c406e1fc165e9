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
 * Replacing is not moving (DESIGN.md §4.2): {@code pin:replace} is retired, a {@code @Pinned}
 * field need not be final, and a {@code @Pinned} local or parameter may be given another value.
 * Each value a slot is given is pinned.
 */
class PinnedSlotTest {

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

  @Test
  void nonFinalPinnedFieldIsAccepted() {
    assertThat(
            compile(
                task(),
                source(
                    "demo.Cursor",
                    """
                    package demo;
                    import org.pinning.Pinned;
                    public final class Cursor {
                      @Pinned Task current;
                      void advance() {
                        current = new Task();
                      }
                    }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void pinnedLocalAssignedTwiceIsAccepted() {
    assertThat(
            compile(
                task(),
                source(
                    "demo.Runner",
                    """
                    package demo;
                    import org.pinning.Pinned;
                    public final class Runner {
                      static Task first() { return new Task(); }
                      static Task second() { return new Task(); }
                      void run() {
                        @Pinned Task t = first();
                        t = second();
                        t.poll();
                      }
                    }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void pinnedParameterAssignedIsAccepted() {
    assertThat(
            compile(
                task(),
                source(
                    "demo.Runner",
                    """
                    package demo;
                    import org.pinning.Pinned;
                    public final class Runner {
                      void run(@Pinned Task task) {
                        task = new Task();
                        task.poll();
                      }
                    }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void compoundAssignmentAndIncrementOfPinnedLocalsAreAccepted() {
    assertThat(
            compile(
                source(
                    "demo.Runner",
                    """
                    package demo;
                    import org.pinning.Pinned;
                    public final class Runner {
                      @SuppressWarnings("pin:useless")
                      Object run(@Pinned Object label) {
                        label += "!";
                        @Pinned Integer count = 0;
                        count++;
                        return count;
                      }
                    }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void eachValueAPinnedLocalIsGivenIsPinned() {
    JavaFileObject runner =
        source(
            "demo.Runner",
            """
            package demo;
            import org.pinning.Pinned;
            public final class Runner {
              Task last;
              void run(Task a, Task b) {
                @Pinned Task t = a;
                t = b;
                last = b;
              }
            }
            """);
    Compilation compilation = compile(task(), runner);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[pin:after-pin] 'b' moves into unpinned field 'last', but it was"
            + " pinned at line 7")
        .inFile(runner)
        .onLineContaining("last = b;");
  }

  @Test
  void theRetiredCodeIsNeverReported() {
    Compilation compilation =
        compile(
            task(),
            source(
                "demo.Holder",
                """
                package demo;
                import org.pinning.Pinned;
                @Pinned
                public final class Holder {
                  @Pinned Task task = new Task();
                  @Pinned static Task shared;
                }
                """));
    for (Diagnostic<? extends JavaFileObject> diagnostic : compilation.diagnostics()) {
      assertWithMessage("%s", diagnostic)
          .that(diagnostic.getMessage(Locale.ROOT))
          .doesNotContain("pin:replace");
    }
  }
}
