package org.pinning.processor.compat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;

/**
 * A library compiled first, as a class directory and as a jar, for tests that compile a client
 * against it: the pin contracts must cross compilations through class files.
 */
final class LibraryClassFiles {
  private LibraryClassFiles() {}

  /** Writes the class files {@code compilation} produced under {@code root}; returns it. */
  static Path write(Compilation compilation, Path root) throws IOException {
    for (JavaFileObject file : compilation.generatedFiles()) {
      if (file.getKind() != JavaFileObject.Kind.CLASS) {
        continue;
      }
      // compile-testing names outputs mem:///CLASS_OUTPUT/lib/Task.class
      String path = file.toUri().getPath();
      String relative = path.substring(path.indexOf("/CLASS_OUTPUT/") + "/CLASS_OUTPUT/".length());
      Path target = root.resolve(relative);
      Files.createDirectories(target.getParent());
      try (InputStream in = file.openInputStream()) {
        Files.copy(in, target);
      }
    }
    return root;
  }

  /** The class files under {@code classes}, packed into {@code jarFile}; returns it. */
  static Path jar(Path classes, Path jarFile) throws IOException {
    try (OutputStream out = Files.newOutputStream(jarFile);
        JarOutputStream jar = new JarOutputStream(out);
        Stream<Path> files = Files.walk(classes)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        jar.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
        Files.copy(file, jar);
        jar.closeEntry();
      }
    }
    return jarFile;
  }
}
