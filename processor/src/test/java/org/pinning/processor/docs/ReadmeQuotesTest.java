package org.pinning.processor.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.pinning.processor.PinCompiler;

/**
 * Every compiler message README.md quotes is what the compiler prints today, so the README cannot
 * drift from the checker:
 *
 * <ul>
 *   <li>each rule example ({@code ```java} block followed by a {@code Bad.java:} block) is compiled
 *       as {@code Bad.java} and gives exactly the quoted lines;
 *   <li>each list of "other forms" under a rule is the output of a program kept in {@code
 *       src/test/resources/readme/<code>.java};
 *   <li>the demo of step 1 prints exactly what step 1 says, source lines and carets included;
 *   <li>the excerpt of step 1 quotes the expected output of its rejected example;
 *   <li>the generated projection shown is the one the processor writes, Javadoc aside.
 * </ul>
 */
class ReadmeQuotesTest {
  /** Relative to the processor module, surefire's working directory. */
  private static final Path README = Path.of("../README.md");

  private static final Path REJECTED = Path.of("../samples/src/rejected");

  /** {@code pin:internal} needs a broken processor path: its quote is not reproduced here. */
  private static final String UNREPRODUCIBLE = "pin:internal";

  @TestFactory
  Stream<DynamicTest> eachRuleExampleGivesTheQuotedDiagnostics() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    List<FencedBlock> blocks = rulesSection();
    for (int i = 0; i + 1 < blocks.size(); i++) {
      FencedBlock example = blocks.get(i);
      FencedBlock output = blocks.get(i + 1);
      if (example.language().equals("java") && output.text().startsWith("Bad.java:")) {
        tests.add(
            DynamicTest.dynamicTest(
                example.heading() + " (README line " + example.line() + ")",
                () -> assertEquals(output.text(), twoLineDiagnostics("Bad.java:", example))));
      }
    }
    assertFalse(tests.isEmpty(), "no rule examples found in " + README);
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> eachListOfOtherFormsIsRealOutput() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (FencedBlock block : rulesSection()) {
      if (!isListOfOtherForms(block) || block.heading().contains(UNREPRODUCIBLE)) {
        continue;
      }
      // The code the heading names: "### `pin:useless` (warning)" is about pin:useless.
      String code = block.heading().replaceAll(".*?(pin:[a-z-]+).*", "$1");
      String resource = "readme/" + code.replace(':', '-') + ".java";
      tests.add(
          DynamicTest.dynamicTest(
              code + " (README line " + block.line() + ")",
              () -> {
                FencedBlock program =
                    new FencedBlock(block.heading(), 0, "java", resource(resource));
                assertEquals(block.text(), twoLineDiagnostics("", program), resource);
              }));
    }
    assertFalse(tests.isEmpty(), "no lists of other forms found in " + README);
    return tests.stream();
  }

  @Test
  void stepOneDemoPrintsWhatStepOneSays() throws IOException {
    List<FencedBlock> blocks = FencedBlock.all(readme());
    int demo = indexOf(blocks, b -> b.text().contains("cat > /tmp/pin-demo/Bad.java <<'EOF'"));
    String script = blocks.get(demo).text();
    int start = script.indexOf("<<'EOF'\n") + "<<'EOF'\n".length();
    String source = script.substring(start, script.indexOf("\nEOF\n", start) + 1);
    Compilation compilation = PinCompiler.compile(JavaFileObjects.forSourceString("Bad", source));

    StringBuilder printed = new StringBuilder();
    int errors = 0;
    for (Diagnostic<? extends JavaFileObject> d : reported(compilation)) {
      printed.append(JavacFormat.full("/tmp/pin-demo/Bad.java", source, d));
      errors += d.getKind() == Diagnostic.Kind.ERROR ? 1 : 0;
    }
    printed.append(errors).append(" errors\n");
    assertEquals(blocks.get(demo + 1).text(), printed.toString());
  }

  @Test
  void stepOneExcerptQuotesItsRejectedExample() throws IOException {
    String prefix = "samples/src/rejected/java/";
    FencedBlock excerpt =
        FencedBlock.all(readme()).stream()
            .filter(b -> b.text().contains("== javac " + prefix))
            .findFirst()
            .orElseThrow();
    String[] lines = excerpt.text().split("\n");
    int at = 0;
    while (!lines[at].startsWith(prefix)) {
      at++;
    }
    String file = lines[at].substring(0, lines[at].indexOf(".java:") + ".java".length());
    Path example = REJECTED.resolve("java").resolve(file.substring(prefix.length()));
    Path expectedFile =
        REJECTED
            .resolve("expected")
            .resolve(file.substring(prefix.length()).replace(".java", ".txt"));
    String expected = Files.readString(expectedFile, StandardCharsets.UTF_8);
    String quoted = lines[at].substring(file.lastIndexOf('/') + 1) + "\n" + lines[at + 3] + "\n";
    assertEquals(expected, quoted, "the diagnostic quoted in step 1 vs " + expectedFile);

    int line = Integer.parseInt(lines[at].split(":")[1]);
    String sourceLine = Files.readAllLines(example, StandardCharsets.UTF_8).get(line - 1);
    assertEquals(sourceLine, lines[at + 1], "the source line quoted in step 1");
  }

  @Test
  void projectionShownIsTheOneGenerated() throws IOException {
    List<FencedBlock> blocks = FencedBlock.all(readme());
    int shown = indexOf(blocks, b -> b.text().startsWith("// Generated by the pinning processor"));
    String task = blocks.get(shown - 1).text();
    Compilation compilation =
        PinCompiler.compile(
            JavaFileObjects.forSourceString("com.acme.Task", task),
            JavaFileObjects.forSourceString(
                "com.acme.Buffer",
                "package com.acme;\n@org.pinning.Pinned public final class Buffer {}\n"));
    JavaFileObject generated =
        compilation.generatedSourceFiles().stream()
            .filter(f -> f.getName().endsWith("/com/acme/TaskProjection.java"))
            .findFirst()
            .orElseThrow();
    String text = generated.getCharContent(false).toString();
    assertEquals(blocks.get(shown).text(), withoutJavadoc(text));
  }

  private static boolean isListOfOtherForms(FencedBlock block) {
    if (!block.language().isEmpty() || block.text().isEmpty()) {
      return false;
    }
    for (String line : block.text().split("\n")) {
      if (!line.startsWith("error: [pin:")
          && !line.startsWith("warning: [pin:")
          && !line.startsWith("  help: ")) {
        return false;
      }
    }
    return true;
  }

  /** {@code prefix + LINE: kind: message} per error or warning, as the README quotes them. */
  private static String twoLineDiagnostics(String prefix, FencedBlock program) {
    Compilation compilation =
        PinCompiler.compile(JavaFileObjects.forSourceString("Bad", program.text()));
    StringBuilder out = new StringBuilder();
    for (Diagnostic<? extends JavaFileObject> d : reported(compilation)) {
      if (!prefix.isEmpty()) {
        out.append(prefix).append(d.getLineNumber()).append(": ");
      }
      out.append(JavacFormat.kind(d)).append(": ").append(d.getMessage(Locale.ROOT)).append('\n');
    }
    return out.toString();
  }

  /** Errors and warnings in the order javac prints them; notes are not quoted. */
  private static List<Diagnostic<? extends JavaFileObject>> reported(Compilation compilation) {
    List<Diagnostic<? extends JavaFileObject>> list = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : compilation.diagnostics()) {
      if (d.getKind() != Diagnostic.Kind.NOTE && d.getKind() != Diagnostic.Kind.OTHER) {
        list.add(d);
      }
    }
    return list;
  }

  /** The README trims Javadoc from generated code; blank lines it leaves behind go too. */
  private static String withoutJavadoc(String text) {
    String stripped = text.replaceAll("(?s)[ \\t]*/\\*\\*.*?\\*/\\n", "");
    return stripped.replaceAll("\\n{3,}", "\n\n");
  }

  private static List<FencedBlock> rulesSection() throws IOException {
    List<FencedBlock> rules = new ArrayList<>();
    for (FencedBlock block : FencedBlock.all(readme())) {
      if (block.heading().startsWith("### `pin:")) {
        rules.add(block);
      }
    }
    assertFalse(rules.isEmpty(), "no '### `pin:…`' sections in " + README);
    return rules;
  }

  private static int indexOf(
      List<FencedBlock> blocks, java.util.function.Predicate<FencedBlock> p) {
    for (int i = 0; i < blocks.size(); i++) {
      if (p.test(blocks.get(i))) {
        return i;
      }
    }
    throw new AssertionError("README block not found");
  }

  private static String readme() throws IOException {
    assertTrue(Files.exists(README), "missing " + README.toAbsolutePath());
    return Files.readString(README, StandardCharsets.UTF_8);
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = ReadmeQuotesTest.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new AssertionError("missing test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
