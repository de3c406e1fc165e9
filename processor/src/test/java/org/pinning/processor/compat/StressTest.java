package org.pinning.processor.compat;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.pinning.processor.PinCompiler.compile;
import static org.pinning.processor.PinCompiler.source;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/**
 * Large and deeply nested inputs compile with the checks on as they do without them: no stack
 * overflow, no {@code pin:internal}, and the pin errors still found where they are.
 */
class StressTest {
  private static final String HEADER =
      """
      package demo;
      import org.pinning.Pinned;
      @Pinned final class Task { int state; }
      """;

  @Test
  void tenThousandTermStringConcatenationCompiles() {
    StringBuilder terms = new StringBuilder("task.state");
    for (int i = 0; i < 10_000; i++) {
      terms.append(" + \"-\"");
    }
    Compilation compilation =
        compile(
            source(
                "demo.Concat",
                HEADER
                    + "public final class Concat {\n"
                    + "  String describe(@Pinned Task task) { return "
                    + terms
                    + "; }\n}\n"));
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void longNonConstantConcatenationCompiles() {
    // javac itself overflows its stack on a few thousand non-constant terms; stay below that.
    StringBuilder terms = new StringBuilder("\"\"");
    for (int i = 0; i < 500; i++) {
      terms.append(" + task.state + \"-\"");
    }
    assertThat(
            compile(
                source(
                    "demo.Concat",
                    HEADER
                        + "public final class Concat {\n"
                        + "  String describe(@Pinned Task task) { return "
                        + terms
                        + "; }\n}\n")))
        .succeededWithoutWarnings();
  }

  @Test
  void deeplyNestedLambdasStillReportTheMoveInside() {
    String body = "last = task;";
    for (int i = 0; i < 150; i++) {
      body = "Runnable r" + i + " = () -> { " + body + " };";
    }
    Compilation compilation =
        compile(
            source(
                "demo.Nested",
                HEADER
                    + "public final class Nested {\n"
                    + "  Task last;\n"
                    + "  void run(@Pinned Task task) { "
                    + body
                    + " }\n}\n"));
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[pin:move] pinned value 'task'");
  }

  @Test
  void deeplyNestedAnonymousClassesCompile() {
    String body = "task.state++;";
    for (int i = 0; i < 100; i++) {
      body = "new Runnable() { public void run() { " + body + " } }.run();";
    }
    assertThat(
            compile(
                source(
                    "demo.Anonymous",
                    HEADER
                        + "public final class Anonymous {\n"
                        + "  void run(@Pinned Task task) { "
                        + body
                        + " }\n}\n")))
        .succeededWithoutWarnings();
  }

  @Test
  void hugeSwitchAndLongMethodsCompile() {
    StringBuilder cases = new StringBuilder();
    for (int i = 0; i < 3_000; i++) {
      cases.append("      case ").append(i).append(": n += task.state; break;\n");
    }
    StringBuilder methods = new StringBuilder();
    for (int m = 0; m < 200; m++) {
      methods.append("  int m").append(m).append("(@Pinned Task task) {\n    int n = 0;\n");
      for (int i = 0; i < 50; i++) {
        methods.append("    if (n > ").append(i).append(") { n -= task.state; } else { n++; }\n");
      }
      methods.append("    return n;\n  }\n");
    }
    Compilation compilation =
        compile(
            source(
                "demo.Big",
                HEADER
                    + "public final class Big {\n"
                    + "  int pick(@Pinned Task task, int k) {\n    int n = 0;\n"
                    + "    switch (k) {\n"
                    + cases
                    + "      default: break;\n    }\n    return n;\n  }\n"
                    + methods
                    + "}\n"));
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void deeplyNestedGenericsCompile() {
    String type = "Task";
    for (int i = 0; i < 40; i++) {
      type = "java.util.List<" + type + ">";
    }
    assertThat(
            compile(
                source(
                    "demo.Generic",
                    HEADER
                        + "public final class Generic {\n"
                        + "  "
                        + type
                        + " nested;\n}\n")))
        .succeededWithoutWarnings();
  }
}
