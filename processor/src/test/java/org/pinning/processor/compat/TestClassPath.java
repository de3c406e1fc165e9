package org.pinning.processor.compat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The test JVM's class path as a list of files, for compilations that need an explicit class
 * path. Surefire may start the tests from a manifest-only jar whose {@code Class-Path} names the
 * real entries; that jar is replaced by those entries, so that they can be left out one by one
 * (javac follows {@code Class-Path} manifests, and would find a left-out entry through it).
 */
final class TestClassPath {
  private TestClassPath() {}

  /** Every entry of {@code java.class.path}, manifest-only jars replaced by what they name. */
  static List<File> entries() {
    Set<File> entries = new LinkedHashSet<>();
    Set<File> visited = new HashSet<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (!entry.isEmpty()) {
        add(new File(entry), entries, visited);
      }
    }
    return List.copyOf(entries);
  }

  /** The entries {@code excluded} does not match. */
  static List<File> entriesWithout(Predicate<File> excluded) {
    List<File> kept = new ArrayList<>();
    for (File entry : entries()) {
      if (!excluded.test(entry)) {
        kept.add(entry);
      }
    }
    return kept;
  }

  /** {@code first}, then the test JVM's class path. */
  static List<File> entriesAfter(File first) {
    List<File> path = new ArrayList<>();
    path.add(first);
    path.addAll(entries());
    return path;
  }

  private static void add(File entry, Set<File> entries, Set<File> visited) {
    if (!visited.add(entry)) {
      return;
    }
    if (!entry.isFile() || !entry.getName().endsWith(".jar")) {
      entries.add(entry);
      return;
    }
    try (JarFile jar = new JarFile(entry)) {
      List<File> referenced = manifestClassPath(entry, jar);
      if (referenced.isEmpty() || holdsClasses(jar)) {
        entries.add(entry);
      }
      for (File file : referenced) {
        add(file, entries, visited);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean holdsClasses(JarFile jar) {
    return jar.stream().anyMatch(e -> e.getName().endsWith(".class"));
  }

  private static List<File> manifestClassPath(File file, JarFile jar) throws IOException {
    Manifest manifest = jar.getManifest();
    String classPath =
        manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
    if (classPath == null || classPath.isBlank()) {
      return List.of();
    }
    List<File> referenced = new ArrayList<>();
    URI base = file.toURI();
    for (String item : classPath.trim().split("\\s+")) {
      referenced.add(new File(base.resolve(item)));
    }
    return referenced;
  }
}
