package org.pinning.processor.rules;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.pinning.processor.PinCompiler.compile;
import static org.pinning.processor.PinCompiler.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pattern bindings of switch cases (DESIGN.md §2: {@code case T t} of a pinned expression is
 * pinned). Pattern switches are Java 21: these tests run where the JDK compiles them.
 */
class SwitchPatternTest {

  @BeforeEach
  void needsPatternSwitches() {
    assumeTrue(Runtime.version().feature() >= 21, "pattern switches need JDK 21");
  }

  @Test
  void caseBindingOfAPinnedSelectorMovedIntoAFieldIsRejected() {
    JavaFileObject file =
        source(
            "demo.Router",
            """
            package demo;
            import org.pinning.Pinned;
            @Pinned class Task {}
            public final class Router {
              Object last;
              void route(@Pinned Object message) {
                switch (message) {
                  case Task t -> last = t;
                  default -> {}
                }
              }
            }
            """);
    Compilation compilation = compile(file);
    assertThat(compilation)
        .hadErrorContaining("[pin:move] pinned value 't'")
        .inFile(file)
        .onLineContaining("case Task t -> last = t;");
  }

  @Test
  void caseBindingUsedInPlaceIsAccepted() {
    assertThat(
            compile(
                source(
                    "demo.Router",
                    """
                    package demo;
                    import org.pinning.Pinned;
                    @Pinned class Task { int state; }
                    public final class Router {
                      int route(@Pinned Object message) {
                        return switch (message) {
                          case Task t when t.state > 0 -> t.state;
                          default -> 0;
                        };
                      }
                    }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void caseBindingOfAnUnpinnedSelectorIsNotPinned() {
    assertThat(
            compile(
                source(
                    "demo.Router",
                    """
                    package demo;
                    public final class Router {
                      Object last;
                      void route(Object message) {
                        switch (message) {
                          case String s -> last = s;
                          default -> {}
                        }
                      }
                    }
                    """)))
        .succeededWithoutWarnings();
  }
}
