package org.pinning.processor.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.pinning.processor.PinCompiler;
import org.pinning.processor.report.Code;

/**
 * The rejected-examples gallery ({@code samples/src/rejected}): each {@code .java} under
 * {@code java/} is one realistic mistake, compiled alone with the processor; its errors and
 * warnings (notes are skipped), formatted as
 *
 * <pre>
 * FileName.java:LINE: error|warning: [pin:code] first message line
 *   help: ...
 * </pre>
 *
 * must equal the file of the same relative path under {@code expected/}, with {@code .txt}
 * instead of {@code .java}.
 *
 * <p>To regenerate every expected file from the actual compiler output (then review the diff
 * by eye), run from the repository root:
 *
 * <pre>
 * mvn -B -pl processor test -Dtest=RejectedExamplesTest -Dpinning.updateGoldens=true
 * </pre>
 */
class RejectedExamplesTest {
  /** Relative to the processor module, surefire's working directory. */
  private static final Path ROOT = Path.of("../samples/src/rejected");

  private static final Path SOURCES = ROOT.resolve("java");
  private static final Path EXPECTED = ROOT.resolve("expected");

  /** Every code the gallery must show: all of them but pin:internal, which no program produces. */
  private static final List<String> CODES =
      Arrays.stream(Code.values()).filter(code -> code != Code.INTERNAL).map(Code::id).toList();

  private static final boolean UPDATE = Boolean.getBoolean("pinning.updateGoldens");

  @TestFactory
  Stream<DynamicTest> eachExampleGivesItsExpectedDiagnostics() {
    List<Path> examples = examples();
    assertFalse(examples.isEmpty(), "no examples under " + SOURCES.toAbsolutePath());
    return examples.stream()
        .map(
            example ->
                DynamicTest.dynamicTest(
                    SOURCES.relativize(example).toString(),
                    example.toUri(),
                    () -> check(example)));
  }

  @Test
  void everyCodeHasAnExample() throws IOException {
    TreeSet<String> missing = new TreeSet<>(CODES);
    for (Path example : examples()) {
      Path expected = expectedFor(example);
      String text =
          UPDATE || !Files.exists(expected) ? diagnostics(example) : Files.readString(expected);
      missing.removeIf(code -> text.contains("[" + code + "]"));
    }
    assertTrue(missing.isEmpty(), "codes without a rejected example: " + missing);
  }

  private static void check(Path example) throws IOException {
    String actual = diagnostics(example);
    Path expected = expectedFor(example);
    if (UPDATE) {
      Files.createDirectories(expected.getParent());
      Files.writeString(expected, actual, StandardCharsets.UTF_8);
      return;
    }
    assertTrue(
        Files.exists(expected),
        "missing " + expected + "; run with -Dpinning.updateGoldens=true to create it");
    assertEquals(Files.readString(expected, StandardCharsets.UTF_8), actual, example.toString());
  }

  /** The errors and warnings of compiling {@code example} alone, one per two-line entry. */
  private static String diagnostics(Path example) throws IOException {
    String text = Files.readString(example, StandardCharsets.UTF_8);
    String relative = SOURCES.relativize(example).toString().replace('\\', '/');
    String qualifiedName =
        relative.substring(0, relative.length() - ".java".length()).replace('/', '.');
    Compilation compilation =
        PinCompiler.compile(JavaFileObjects.forSourceString(qualifiedName, text));
    StringBuilder out = new StringBuilder();
    for (Diagnostic<? extends JavaFileObject> d : compilation.diagnostics()) {
      if (d.getKind() != Diagnostic.Kind.ERROR
          && d.getKind() != Diagnostic.Kind.WARNING
          && d.getKind() != Diagnostic.Kind.MANDATORY_WARNING) {
        continue;
      }
      String kind = d.getKind().toString().toLowerCase(Locale.ROOT);
      kind = kind.equals("mandatory_warning") ? "warning" : kind;
      out.append(example.getFileName())
          .append(':')
          .append(d.getLineNumber())
          .append(": ")
          .append(kind)
          .append(": ")
          .append(d.getMessage(Locale.ROOT))
          .append('\n');
    }
    return out.toString();
  }

  private static Path expectedFor(Path example) {
    String relative = SOURCES.relativize(example).toString();
    return EXPECTED.resolve(relative.substring(0, relative.length() - ".java".length()) + ".txt");
  }

  private static List<Path> examples() {
    try (Stream<Path> files = Files.walk(SOURCES)) {
      List<Path> list = new ArrayList<>();
      files.filter(p -> p.toString().endsWith(".java")).sorted().forEach(list::add);
      return list;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
