package org.pinning.processor.compat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.pinning.processor.PinCompiler;

/**
 * Two clean builds produce byte-identical generated sources and the same diagnostics (DESIGN.md
 * §5), and so does a build given its files in the opposite order: javac reads and processes files
 * in the order it is given them, and nothing the processor emits may depend on that order (nor on
 * hash order, identity hash codes or the time).
 *
 * <p>{@code ProjectionGenerationTest} checks this for a few hand-made types; here the inputs are
 * whole: every sample program ({@code samples/src/main/java}, three packages, a clean build that
 * generates their projections) in one compilation, and every rejected example ({@code
 * samples/src/rejected/java}, one per diagnostic code) in another. Each build is a fresh compiler
 * with a fresh processor.
 */
class DeterminismTest {
  /** Relative to the processor module, surefire's working directory. */
  private static final Path SAMPLES = Path.of("../samples/src/main/java");

  private static final Path REJECTED = Path.of("../samples/src/rejected/java");

  @Test
  void samplesBuildIdenticallyTwiceAndInReverseOrder() {
    List<JavaFileObject> sources = sources(SAMPLES);
    Build first = Build.of(sources);
    assertTrue(first.generated().size() >= 3, "too few projections: " + first.generated().keySet());
    assertSameOutputInSameOrder(first, Build.of(sources));
    assertSameOutput(first, Build.of(reversed(sources)));
  }

  @Test
  void rejectedExamplesBuildIdenticallyTwiceAndInReverseOrder() {
    List<JavaFileObject> sources = sources(REJECTED);
    Build first = Build.of(sources);
    // one example per code but pin:internal, which no program produces
    int codes = org.pinning.processor.report.Code.values().length - 1;
    assertTrue(
        first.diagnostics().size() >= codes, "too few diagnostics: " + first.diagnostics());
    assertSameOutputInSameOrder(first, Build.of(sources));
    assertSameOutput(first, Build.of(reversed(sources)));
  }

  /** The same generated sources, byte for byte, and the same diagnostics in the same order. */
  private static void assertSameOutputInSameOrder(Build expected, Build actual) {
    assertSameOutput(expected, actual);
    assertEquals(expected.diagnostics(), actual.diagnostics());
  }

  /**
   * The same generated sources, byte for byte, and the same diagnostics. javac reports file by file
   * in input order, so the order of diagnostics may differ when the input order does.
   */
  private static void assertSameOutput(Build expected, Build actual) {
    assertEquals(expected.generated().keySet(), actual.generated().keySet());
    for (Map.Entry<String, byte[]> file : expected.generated().entrySet()) {
      byte[] other = actual.generated().get(file.getKey());
      // The text first, for a readable difference; then the bytes, which are what must match.
      assertEquals(
          new String(file.getValue(), StandardCharsets.UTF_8),
          new String(other, StandardCharsets.UTF_8),
          file.getKey());
      assertArrayEquals(file.getValue(), other, file.getKey());
    }
    assertEquals(sorted(expected.diagnostics()), sorted(actual.diagnostics()));
  }

  private static List<String> sorted(List<String> diagnostics) {
    List<String> sorted = new ArrayList<>(diagnostics);
    Collections.sort(sorted);
    return sorted;
  }

  private static List<JavaFileObject> reversed(List<JavaFileObject> sources) {
    List<JavaFileObject> reversed = new ArrayList<>(sources);
    Collections.reverse(reversed);
    return reversed;
  }

  /**
   * What one build emits: generated sources by path (none when it failed: compile-testing keeps
   * them from a failed compilation), and diagnostics in the order reported.
   */
  private record Build(Map<String, byte[]> generated, List<String> diagnostics) {
    static Build of(List<JavaFileObject> sources) {
      Compilation compilation = PinCompiler.compile(sources.toArray(new JavaFileObject[0]));
      Map<String, byte[]> generated = new TreeMap<>();
      if (compilation.status() == Compilation.Status.SUCCESS) {
        for (JavaFileObject file : compilation.generatedSourceFiles()) {
          generated.put(file.toUri().getPath(), bytes(file));
        }
      }
      List<String> diagnostics = new ArrayList<>();
      for (Diagnostic<? extends JavaFileObject> d : compilation.diagnostics()) {
        diagnostics.add(describe(d));
      }
      return new Build(generated, diagnostics);
    }

    private static String describe(Diagnostic<? extends JavaFileObject> d) {
      String file = d.getSource() == null ? "-" : d.getSource().toUri().getPath();
      return file
          + ":"
          + d.getLineNumber()
          + ":"
          + d.getColumnNumber()
          + ": "
          + d.getKind()
          + ": "
          + d.getMessage(Locale.ROOT);
    }

    private static byte[] bytes(JavaFileObject file) {
      try (InputStream in = file.openInputStream()) {
        return in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Every source file under {@code root}, in path order. */
  private static List<JavaFileObject> sources(Path root) {
    List<JavaFileObject> sources = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        String relative = root.relativize(file).toString().replace('\\', '/');
        String name = relative.substring(0, relative.length() - ".java".length()).replace('/', '.');
        sources.add(
            JavaFileObjects.forSourceString(name, Files.readString(file, StandardCharsets.UTF_8)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertFalse(sources.isEmpty(), "no sources under " + root.toAbsolutePath());
    return sources;
  }
}
