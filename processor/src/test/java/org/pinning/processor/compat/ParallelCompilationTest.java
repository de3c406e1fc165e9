package org.pinning.processor.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.File;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pinning.processor.PinCompiler;
import org.pinning.processor.PinProcessor;

/**
 * Compilations that run at the same time in one JVM, as Maven's {@code -T 4} runs the modules of a
 * build, report exactly what they report one after the other (DESIGN.md §8: no static mutable
 * state). The inputs are the rejected examples, one compilation per package as if each were a
 * module, and the samples, which pass; and a five-module build whose modules compile against the
 * class files of the modules they depend on, as in a reactor, with every diagnostic its sources
 * were written to produce marked {@code // expect pin:CODE} on its line, so that "the same" never
 * means "both empty".
 */
class ParallelCompilationTest {
  /** Relative to the processor module, surefire's working directory. */
  private static final Path REJECTED = Path.of("../samples/src/rejected/java");

  private static final Path SAMPLES = Path.of("../samples/src/main/java");

  private static final int THREADS = 4;

  /** The five-module build, one directory of sources per module. */
  private static final Path REACTOR = Path.of("src/test/resources/parallel");

  /**
   * The modules of {@link #REACTOR}, each with the modules whose classes it compiles against: core
   * is the pinned runtime; exec, io and list use it; app uses exec and core.
   */
  private static final Map<String, List<String>> REACTOR_MODULES =
      Map.of(
          "core", List.of(),
          "exec", List.of("core"),
          "io", List.of("core"),
          "list", List.of("core"),
          "app", List.of("exec", "core"));

  private static final Pattern MARK = Pattern.compile("// expect (pin:[a-z-]+)");

  /** A pin error or warning among {@link #diagnostics}: its file, line and code. */
  private static final Pattern PIN_DIAGNOSTIC =
      Pattern.compile(
          "^([^:]*):(\\d+):\\d+: (?:ERROR|WARNING|MANDATORY_WARNING): (\\[pin:[a-z-]+])");

  @TempDir Path classes;

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

  @Test
  void modulesCompiledAgainstEachOthersClassesReportTheSameInParallel() throws Exception {
    Map<String, List<JavaFileObject>> modules = new TreeMap<>();
    Map<String, List<File>> classPaths = new TreeMap<>();
    Map<String, List<String>> serial = new TreeMap<>();
    for (String module : buildOrder()) {
      modules.put(module, sources(REACTOR.resolve(module)));
      List<File> classPath = new ArrayList<>();
      for (String dependency : REACTOR_MODULES.get(module)) {
        classPath.add(classes.resolve(dependency).toFile());
      }
      classPath.addAll(TestClassPath.entries());
      classPaths.put(module, classPath);
      Compilation compilation = compileAgainst(classPath, modules.get(module));
      serial.put(module, diagnostics(compilation));
      if (compilation.status() == Compilation.Status.SUCCESS) {
        // A module with errors leaves no classes; those depended on have warnings at most.
        LibraryClassFiles.write(compilation, classes.resolve(module));
      }
    }
    assertEquals(
        marks(modules),
        pinCodes(serial),
        () -> "the marks in the sources, then what was found in: " + serial);

    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<Map<String, List<String>>>> runs = new ArrayList<>();
      for (int thread = 0; thread < THREADS; thread++) {
        List<String> order = buildOrder();
        Collections.rotate(order, thread);
        runs.add(
            pool.submit(
                () -> {
                  Map<String, List<String>> found = new TreeMap<>();
                  for (String module : order) {
                    found.put(
                        module,
                        diagnostics(compileAgainst(classPaths.get(module), modules.get(module))));
                  }
                  return found;
                }));
      }
      for (Future<Map<String, List<String>>> run : runs) {
        assertEquals(serial, run.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** The modules in an order Maven may build them: each after those it depends on. */
  private static List<String> buildOrder() {
    return new ArrayList<>(List.of("core", "exec", "io", "list", "app"));
  }

  private static Compilation compileAgainst(List<File> classPath, List<JavaFileObject> sources) {
    return Compiler.javac()
        .withProcessors(new PinProcessor())
        .withClasspath(classPath)
        .compile(sources);
  }

  /** Each {@code // expect pin:CODE} mark as {@code file:line: [pin:code]}, sorted. */
  private static List<String> marks(Map<String, List<JavaFileObject>> modules) throws IOException {
    List<String> marks = new ArrayList<>();
    for (List<JavaFileObject> sources : modules.values()) {
      for (JavaFileObject source : sources) {
        String[] lines = source.getCharContent(true).toString().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
          Matcher mark = MARK.matcher(lines[i]);
          if (mark.find()) {
            marks.add(source.toUri().getPath() + ":" + (i + 1) + ": [" + mark.group(1) + "]");
          }
        }
      }
    }
    Collections.sort(marks);
    return marks;
  }

  /** The pin errors and warnings among {@link #diagnostics} as {@code file:line: [pin:code]}. */
  private static List<String> pinCodes(Map<String, List<String>> diagnostics) {
    List<String> codes = new ArrayList<>();
    for (List<String> module : diagnostics.values()) {
      for (String diagnostic : module) {
        Matcher code = PIN_DIAGNOSTIC.matcher(diagnostic);
        if (code.find()) {
          codes.add(code.group(1) + ":" + code.group(2) + ": " + code.group(3));
        }
      }
    }
    Collections.sort(codes);
    return codes;
  }

  private static Map<String, List<String>> compileInOrder(
      Map<String, List<JavaFileObject>> modules, List<String> order) {
    Map<String, List<String>> found = new TreeMap<>();
    for (String module : order) {
      found.put(module, diagnostics(modules.get(module)));
    }
    return found;
  }

  private static List<String> diagnostics(List<JavaFileObject> sources) {
    return diagnostics(PinCompiler.compile(sources.toArray(new JavaFileObject[0])));
  }

  /** The diagnostics of one compilation, as {@code file:line:column: kind: message}, sorted. */
  private static List<String> diagnostics(Compilation compilation) {
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
      for (JavaFileObject source : sources(root)) {
        String path = source.toUri().getPath();
        String module = root + ":" + path.substring(1, path.lastIndexOf('/') + 1);
        modules.computeIfAbsent(module, k -> new ArrayList<>()).add(source);
      }
    }
    assertFalse(modules.isEmpty(), "no sources under " + REJECTED.toAbsolutePath());
    return modules;
  }

  /** The Java sources under {@code root}, each named by its path there, in path order. */
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
    return sources;
  }
}
