package org.pinning.samples.jar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The processor jar as the build publishes it is self-contained (DESIGN.md §8: one jar on the
 * processor path): plain {@code javac -processorpath pinning-processor.jar}, with nothing else on
 * that path, runs the checks and generates projections. JavaPoet and ASM live inside it, relocated;
 * its published pom names neither; the annotations jar holds the annotations and nothing else.
 *
 * <p>An integration test: it needs the jar {@code package} made, and Failsafe runs it after that.
 */
class ProcessorJarIT {
  private static final Path PROCESSOR = Path.of(System.getProperty("pinning.processorJar"));
  private static final Path PROCESSOR_POM = Path.of(System.getProperty("pinning.processorPom"));
  private static final Path ANNOTATIONS = Path.of(System.getProperty("pinning.annotationsJar"));

  private static final String BUFFER =
      """
      package demo;
      @org.pinning.Pinned
      public final class Buffer {
        int used;
      }
      """;

  private static final String TASK =
      """
      package demo;
      import org.pinning.Pinned;
      @Pinned
      public final class Task {
        @Pinned final Buffer buffer = new Buffer();
        int state;
      }
      """;

  @TempDir Path temp;

  @Test
  void plainJavacWithTheProcessorJarAloneRunsTheChecks() throws Exception {
    String monitor =
        """
        package demo;
        final class Monitor {
          Buffer last;
          void watch(Task task) {
            last = TaskProjection.project(task).buffer();
          }
        }
        """;
    Result result = javac(BUFFER, TASK, monitor);
    assertEquals(1, result.exitCode, result.log);
    assertTrue(
        result.log.contains(
            "[pin:move] pinned value 'buffer()' moves into unpinned field 'last'"),
        result.log);
    assertFalse(result.log.contains("pin:internal"), result.log);
  }

  @Test
  void plainJavacWithTheProcessorJarAloneGeneratesProjections() throws Exception {
    String monitor =
        """
        package demo;
        final class Monitor {
          int watch(@org.pinning.Pinned Task task) {
            TaskProjection view = TaskProjection.project(task);
            view.setState(view.state() + 1);
            return view.buffer().used;
          }
        }
        """;
    Result result = javac(BUFFER, TASK, monitor);
    assertEquals(0, result.exitCode, result.log);
    assertTrue(Files.exists(result.classes.resolve("demo/TaskProjection.class")), result.log);
    assertTrue(Files.exists(result.classes.resolve("demo/Monitor.class")), result.log);
  }

  @Test
  void theProcessorJarCarriesItsLibrariesRelocatedAndItsServices() throws IOException {
    try (JarFile jar = new JarFile(PROCESSOR.toFile())) {
      List<String> foreign = new ArrayList<>();
      jar.stream()
          .map(ZipEntry::getName)
          .filter(name -> name.endsWith(".class"))
          .filter(name -> !name.startsWith("org/pinning/processor/"))
          .forEach(foreign::add);
      assertEquals(List.of(), foreign, "every class lives under org/pinning/processor/");
      assertTrue(has(jar, "org/pinning/processor/shaded/javapoet/JavaFile.class"));
      assertTrue(has(jar, "org/pinning/processor/shaded/asm/ClassReader.class"));
      assertEquals(
          "org.pinning.processor.PinProcessor",
          text(jar, "META-INF/services/javax.annotation.processing.Processor"));
      assertEquals(
          "org.pinning.processor.PinPlugin", text(jar, "META-INF/services/com.sun.source.util.Plugin"));
      assertEquals(
          "org.pinning.processor.PinProcessor,isolating",
          text(jar, "META-INF/gradle/incremental.annotation.processors"));
    }
  }

  @Test
  void thePublishedProcessorPomNamesNeitherRelocatedLibrary() throws IOException {
    String pom = Files.readString(PROCESSOR_POM);
    // its <build> still shows the shading configuration: only the dependencies matter
    String dependencies =
        pom.substring(pom.indexOf("<dependencies>"), pom.indexOf("</dependencies>"));
    assertTrue(dependencies.contains("<artifactId>pinning-annotations</artifactId>"), pom);
    assertFalse(dependencies.contains("javapoet"), pom);
    assertFalse(dependencies.contains("<artifactId>asm</artifactId>"), pom);
  }

  @Test
  void theAnnotationsJarHoldsTheAnnotationsAlone() throws IOException {
    try (JarFile jar = new JarFile(ANNOTATIONS.toFile())) {
      List<String> classes =
          jar.stream()
              .map(ZipEntry::getName)
              .filter(name -> name.endsWith(".class"))
              .sorted()
              .toList();
      assertEquals(List.of("org/pinning/Pinned.class", "org/pinning/Unpin.class"), classes);
    }
  }

  private static boolean has(JarFile jar, String name) {
    return jar.getEntry(name) != null;
  }

  private static String text(JarFile jar, String name) throws IOException {
    ZipEntry entry = jar.getEntry(name);
    assertTrue(entry != null, name);
    return new String(jar.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8).trim();
  }

  /** What javac printed, its exit code and where it put the classes. */
  private record Result(int exitCode, String log, Path classes) {}

  /**
   * The JDK's own javac in a process of its own, the annotations on the class path and the
   * processor jar alone on the processor path, as a user without a build tool would run it.
   */
  private Result javac(String... sources) throws IOException, InterruptedException {
    Path src = Files.createTempDirectory(temp, "src");
    Path out = Files.createTempDirectory(temp, "out");
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "javac").toString(),
                "-d",
                out.toString(),
                "-cp",
                ANNOTATIONS.toString(),
                "-processorpath",
                PROCESSOR.toString()));
    for (String source : sources) {
      String name = source.replaceAll("(?s).*?(?:class|interface) (\\w+).*", "$1");
      Path file = src.resolve("demo").resolve(name + ".java");
      Files.createDirectories(file.getParent());
      Files.writeString(file, source);
      command.add(file.toString());
    }
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Result(process.waitFor(), log, out);
  }
}
