package org.pinning.processor.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.pinning.processor.PinCompiler;

/**
 * Compilations that run at the same time in one JVM, as Maven's {@code -T 4} runs the modules of a
 * build, report exactly what they report one after the other (DESIGN.md §8: no static mutable
 * state). The inputs are the rejected examples, one compilation per package as if each were a
 * module, and the samples, which pass.
 */
class ParallelCompilationTest {
  /** Relative to the processor module, surefire's working directory. */
  private static final Path REJECTED = Path.of("../samples/src/rejected/java");

  private static final Path SAMPLES = Path.of("../samples/src/main/java");

  private static final int THREADS = 4;

  @Test
  void compilationsInParallelReportWhatTheyReportOneAfterAnother() throws Exception {
    Map<String, List<JavaFileObject>> modules = modules();
    Map<String, List<String>> serial = new TreeMap<>();
    for (Map.Entry<String, List<JavaFileObject>> module : modules.entrySet()) {
      serial.put(module.getKey(), diagnostics(module.getValue()));
    }
    assertFalse(
        serial.values().stream().allMatch(List::isEmpty), "the examples reported nothing at all");

    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<Map<String, List<String>>>> runs = new ArrayList<>();
      for (int thread = 0; thread < THREADS; thread++) {
        List<String> order = new ArrayList<>(modules.keySet());
        Collections.rotate(order, thread * order.size() / THREADS);
        runs.add(pool.submit(() -> compileInOrder(modules, order)));
      }
      for (Future<Map<String, List<String>>> run : runs) {
        assertEquals(serial, run.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static Map<String, List<String>> compileInOrder(
      Map<String, List<JavaFileObject>> modules, List<String> order) {
    Map<String, List<String>> found = new TreeMap<>();
    for (String module : order) {
      found.put(module, diagnostics(modules.get(module)));
    }
    return found;
  }

  /** The diagnostics of one compilation, as {@code file:line:column: kind: message}, sorted. */
  private static List<String> diagnostics(List<JavaFileObject> sources) {
    Compilation compilation = PinCompiler.compile(sources.toArray(new JavaFileObject[0]));
    List<String> found = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : compilation.diagnostics()) {
      String file = d.getSource() == null ? "-" : d.getSource().toUri().getPath();
      found.add(
          file
              + ":"
              + d.getLineNumber()
              + ":"
              + d.getColumnNumber()
              + ": "
              + d.getKind()
              + ": "
              + d.getMessage(Locale.ROOT));
    }
    Collections.sort(found);
    return found;
  }

  /** Each package of the rejected examples and of the samples, as one module. */
  private static Map<String, List<JavaFileObject>> modules() {
    Map<String, List<JavaFileObject>> modules = new TreeMap<>();
    for (Path root : List.of(REJECTED, SAMPLES)) {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
          String relative = root.relativize(file).toString().replace('\\', '/');
          String name =
              relative.substring(0, relative.length() - ".java".length()).replace('/', '.');
          String module = root + ":" + relative.substring(0, relative.lastIndexOf('/') + 1);
          modules
              .computeIfAbsent(module, k -> new ArrayList<>())
              .add(
                  JavaFileObjects.forSourceString(
                      name, Files.readString(file, StandardCharsets.UTF_8)));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    assertFalse(modules.isEmpty(), "no sources under " + REJECTED.toAbsolutePath());
    return modules;
  }
}
