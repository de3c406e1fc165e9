package org.pinning.processor.flow;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.pinning.processor.PinCompiler.compile;
import static org.pinning.processor.PinCompiler.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Loops are iterated to a fixpoint (DESIGN.md §4.5): a pin that reaches an alias only after many
 * iterations is still seen. Each iteration below moves the pinned value one local further along a
 * chain, so the last local holds it only after as many iterations as the chain is long.
 */
class LoopFixpointTest {

  private static JavaFileObject task() {
    return source(
        "demo.Task",
        """
        package demo;
        @org.pinning.Pinned
        public class Task {}
        """);
  }

  /**
   * A loop whose chain of {@code length} locals takes {@code length + 1} iterations to settle; the
   * loop body ends with {@code last}, which may pin the head of the chain.
   */
  private static JavaFileObject chain(int length, String last) {
    StringBuilder declarations = new StringBuilder();
    StringBuilder shifts = new StringBuilder();
    for (int i = 0; i <= length; i++) {
      declarations.append("    Task t").append(i).append(" = new Task();\n");
    }
    for (int i = length; i > 0; i--) {
      shifts.append("      t").append(i).append(" = t").append(i - 1).append(";\n");
    }
    return source(
        "demo.Runner",
        "package demo;\n"
            + "import org.pinning.Pinned;\n"
            + "public final class Runner {\n"
            + "  Task stash;\n"
            + "  static void spawn(@Pinned Task task) {}\n"
            + "  void run(int n) {\n"
            + declarations
            + "    for (int i = 0; i < n; i++) {\n"
            + "      stash = t"
            + length
            + ";\n"
            + shifts
            + "      "
            + last
            + "\n"
            + "    }\n"
            + "  }\n"
            + "}\n");
  }

  @ParameterizedTest(name = "a pin that needs {0} iterations to reach the moved alias")
  @ValueSource(ints = {5, 7})
  void aPinThatReachesAnAliasAfterManyIterationsIsSeen(int iterations) {
    int length = iterations - 1;
    JavaFileObject runner = chain(length, "spawn(t0);");
    Compilation compilation = compile(task(), runner);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:after-pin] 't" + length + "' moves into unpinned field 'stash', but it was"
                + " pinned at line")
        .inFile(runner)
        .onLineContaining("stash = t" + length + ";");
  }

  @ParameterizedTest(name = "a chain of {0} locals that nothing pins")
  @ValueSource(ints = {4, 6})
  void theSameChainWithoutThePinIsAccepted(int length) {
    JavaFileObject runner = chain(length, "t0.hashCode();");
    assertThat(compile(task(), runner)).succeededWithoutWarnings();
  }
}
