package org.pinning.processor.compat;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.pinning.processor.PinCompiler.compile;
import static org.pinning.processor.PinCompiler.source;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pinning.processor.PinProcessor;

/**
 * Pinned type arguments in signatures read from class files (DESIGN.md §4.7): javac shows them
 * from JDK 22 on. On older JDKs a library's {@code List<@Pinned Task>} parameter reads as {@code
 * List<Task>}, so handing it a pinned container is a move whose help line says why; declaration
 * annotations carry the contract on every JDK.
 */
class ClassFileContainerTest {
  private static final boolean TYPE_ARGUMENTS_IN_CLASS_FILES = Runtime.version().feature() >= 22;

  @TempDir static Path library;

  @BeforeAll
  static void compileLibrary() throws IOException {
    Compilation compilation =
        compile(
            source("lib.Task", "package lib; @org.pinning.Pinned public class Task {}"),
            source(
                "lib.Pool",
                """
                package lib;
                import java.util.List;
                import org.pinning.Pinned;
                public final class Pool {
                  public void adopt(List<@Pinned Task> tasks) {}
                  public @Pinned Task first(List<@Pinned Task> tasks) { return tasks.get(0); }
                }
                """));
    assertThat(compilation).succeededWithoutWarnings();
    for (JavaFileObject file : compilation.generatedFiles()) {
      if (file.getKind() != JavaFileObject.Kind.CLASS) {
        continue;
      }
      String path = file.toUri().getPath();
      Path target = library.resolve(path.substring(path.indexOf("/CLASS_OUTPUT/") + 14));
      Files.createDirectories(target.getParent());
      try (InputStream in = file.openInputStream()) {
        Files.copy(in, target);
      }
    }
  }

  @Test
  void pinnedContainerForALibraryParameterWithAPinnedTypeArgumentDependsOnTheJdk() {
    JavaFileObject client =
        source(
            "app.Client",
            """
            package app;
            import java.util.ArrayList;
            import java.util.List;
            import lib.Pool;
            import lib.Task;
            import org.pinning.Pinned;
            public final class Client {
              final List<@Pinned Task> tasks = new ArrayList<>();
              void give(Pool pool) {
                pool.adopt(tasks);
              }
            }
            """);
    Compilation compilation = compileAgainstLibrary(client);
    if (TYPE_ARGUMENTS_IN_CLASS_FILES) {
      assertThat(compilation).succeededWithoutWarnings();
    } else {
      assertThat(compilation)
          .hadErrorContaining("[pin:move] pinned elements of 'tasks' move into")
          .inFile(client)
          .onLineContaining("pool.adopt(tasks);");
      assertThat(compilation).hadErrorContaining("from JDK 22 on");
    }
  }

  @Test
  void pinnedReturnOfALibraryMethodIsPinnedOnEveryJdk() {
    JavaFileObject client =
        source(
            "app.Client",
            """
            package app;
            import java.util.List;
            import lib.Pool;
            import lib.Task;
            public final class Client {
              Task last;
              void keep(Pool pool, List<Task> plain) {
                last = pool.first(plain);
              }
            }
            """);
    assertThat(compileAgainstLibrary(client))
        .hadErrorContaining("[pin:move] pinned value 'first()' moves into unpinned field 'last'")
        .inFile(client)
        .onLineContaining("last = pool.first(plain);");
  }

  private static Compilation compileAgainstLibrary(JavaFileObject client) {
    File directory = library.toFile();
    return Compiler.javac()
        .withProcessors(new PinProcessor())
        .withClasspath(TestClassPath.entriesAfter(directory))
        .compile(client);
  }
}
