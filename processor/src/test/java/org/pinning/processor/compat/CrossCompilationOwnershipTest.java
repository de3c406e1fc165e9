package org.pinning.processor.compat;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.pinning.processor.PinCompiler.compile;
import static org.pinning.processor.PinCompiler.source;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
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
 * A library's pinned-from-birth constructor and pinned receiver, used from another compilation
 * (DESIGN.md §4.10): the constructor's {@code @Pinned} is a declaration annotation, read from
 * class files on every JDK; the receiver's is a type annotation, which javac reads from class
 * files only from JDK 22 on (JDK-8225377), and the checks read themselves before.
 */
class CrossCompilationOwnershipTest {

  private static final JavaFileObject WORKER =
      source(
          "lib.Worker",
          """
          package lib;
          import org.pinning.Pinned;
          @Pinned
          public class Worker {
            @Pinned public Worker() {}
            public Worker(int unused) {}
            public void resume(@Pinned Worker this) {}
          }
          """);

  @TempDir static Path classes;

  @BeforeAll
  static void compileTheLibrary() throws IOException {
    Compilation library = compile(WORKER);
    assertThat(library).succeededWithoutWarnings();
    for (JavaFileObject file : library.generatedFiles()) {
      if (file.getKind() != JavaFileObject.Kind.CLASS) {
        continue;
      }
      String path = file.toUri().getPath();
      Path target =
          classes.resolve(path.substring(path.indexOf("/CLASS_OUTPUT/") + "/CLASS_OUTPUT/".length()));
      Files.createDirectories(target.getParent());
      try (InputStream in = file.openInputStream()) {
        Files.copy(in, target);
      }
    }
  }

  private static Compilation compileAgainstTheLibrary(JavaFileObject client) {
    return Compiler.javac()
        .withProcessors(new PinProcessor())
        .withClasspath(TestClassPath.entriesAfter(classes.toFile()))
        .compile(client);
  }

  @Test
  void newThroughALibrarysPinnedConstructorIsPinned() {
    JavaFileObject client =
        source(
            "app.Starter",
            """
            package app;
            import lib.Worker;
            final class Starter {
              Worker last;
              void start() {
                Worker w = new Worker();
                last = w;
                last = new Worker(1);
              }
            }
            """);
    Compilation compilation = compileAgainstTheLibrary(client);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[pin:move] pinned value 'w' (from 'new Worker(…)', line 6)")
        .inFile(client)
        .onLineContaining("last = w;");
  }

  @Test
  void callingALibrarysPinnedReceiverMethodPinsTheLocal() {
    JavaFileObject client =
        source(
            "app.Resumer",
            """
            package app;
            import lib.Worker;
            final class Resumer {
              Worker last;
              void resume(Worker given) {
                Worker w = new Worker(1);
                w.resume();
                last = w;
                given.resume();
              }
            }
            """);
    Compilation compilation = compileAgainstTheLibrary(client);
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation)
        .hadErrorContaining("[pin:after-pin] 'w' moves into unpinned field 'last', but it was"
            + " pinned at line 7")
        .inFile(client)
        .onLineContaining("last = w;");
    assertThat(compilation)
        .hadErrorContaining("[pin:unowned] 'given' is pinned here, but it is a parameter")
        .inFile(client)
        .onLineContaining("given.resume();");
  }
}
