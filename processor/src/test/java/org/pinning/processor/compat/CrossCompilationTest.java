package org.pinning.processor.compat;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.pinning.processor.PinCompiler.compile;
import static org.pinning.processor.PinCompiler.source;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pinning.processor.PinProcessor;

/**
 * The pin contract crosses compilations (DESIGN.md §3, §4.7): {@code @Pinned} is retained in
 * class files, so a client compiled against a library's classes — a class directory or a jar —
 * gets the same errors as if both were compiled together.
 */
class CrossCompilationTest {

  private static final List<JavaFileObject> LIBRARY =
      List.of(
          source(
              "lib.Task",
              """
              package lib;
              @org.pinning.Pinned
              public class Task {
                public void poll() {}
              }
              """),
          source(
              "lib.Registry",
              """
              package lib;
              import org.pinning.Pinned;
              public final class Registry {
                public void track(@Pinned Task t) {}
              }
              """),
          source(
              "lib.Holder",
              """
              package lib;
              import org.pinning.Pinned;
              public final class Holder {
                @Pinned private final Task task = new Task();
                @Pinned public final Task shared = new Task();
                public @Pinned Task task() {
                  return task;
                }
              }
              """),
          source(
              "lib.Sink",
              """
              package lib;
              import org.pinning.Pinned;
              public interface Sink {
                void accept(@Pinned Task t);
              }
              """),
          source(
              "lib.Queue",
              """
              package lib;
              import java.util.ArrayDeque;
              import org.pinning.Pinned;
              public class Queue<T> extends ArrayDeque<@Pinned T> {}
              """),
          source(
              "lib.Wrapper",
              """
              package lib;
              import org.pinning.Pinned;
              public class Wrapper {
                @Pinned private final Task task = new Task();
              }
              """));

  private static final JavaFileObject HOLDER_CLIENT =
      source(
          "app.HolderClient",
          """
          package app;
          import lib.Holder;
          import lib.Task;
          public final class HolderClient {
            Task last;
            void keep(Holder holder) {
              last = holder.task();
            }
            void keepField(Holder holder) {
              last = holder.shared;
            }
          }
          """);

  private static final JavaFileObject REGISTRY_CLIENT =
      source(
          "app.RegistryClient",
          """
          package app;
          import lib.Registry;
          import lib.Task;
          public final class RegistryClient {
            Task last;
            void track(Registry registry) {
              Task t = new Task();
              registry.track(t);
              last = t;
            }
          }
          """);

  private static final JavaFileObject PRINTER =
      source(
          "app.Printer",
          """
          package app;
          import lib.Sink;
          import lib.Task;
          public final class Printer implements Sink {
            @Override
            public void accept(Task t) {}
          }
          """);

  private static final JavaFileObject JOB =
      source(
          "app.Job",
          """
          package app;
          public final class Job extends lib.Task
              implements Cloneable {}
          """);

  private static final JavaFileObject COPY =
      source(
          "app.Copy",
          """
          package app;
          public final class Copy extends lib.Wrapper
              implements Cloneable {}
          """);

  private static final List<JavaFileObject> CLIENT =
      List.of(HOLDER_CLIENT, REGISTRY_CLIENT, PRINTER, JOB, COPY);

  @TempDir static Path libraryRoot;
  private static File classDirectory;
  private static File jar;

  @BeforeAll
  static void compileTheLibrary() throws IOException {
    Compilation library = compile(LIBRARY.toArray(new JavaFileObject[0]));
    assertThat(library).succeededWithoutWarnings();
    Path classes = libraryRoot.resolve("classes");
    LibraryClassFiles.write(library, classes);
    classDirectory = classes.toFile();
    jar = LibraryClassFiles.jar(classes, libraryRoot.resolve("lib.jar")).toFile();
  }

  @Test
  void movingAPinnedReturnFromTheLibraryIsRejected() {
    Compilation compilation = compileAgainst(classDirectory, HOLDER_CLIENT);
    assertThat(compilation)
        .hadErrorContaining("[pin:move] pinned value 'task()' moves into unpinned field 'last'")
        .inFile(HOLDER_CLIENT)
        .onLineContaining("last = holder.task();");
    assertThat(compilation)
        .hadErrorContaining(
            "help: declare 'last' @Pinned (a pinned slot may be reassigned), or keep the pinned"
                + " value in a local")
        .inFile(HOLDER_CLIENT)
        .onLineContaining("last = holder.task();");
  }

  @Test
  void movingAPinnedFieldOfTheLibraryIsRejected() {
    Compilation compilation = compileAgainst(classDirectory, HOLDER_CLIENT);
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation)
        .hadErrorContaining("[pin:move] pinned value 'shared' moves into unpinned field 'last'")
        .inFile(HOLDER_CLIENT)
        .onLineContaining("last = holder.shared;");
    assertThat(compilation)
        .hadErrorContaining(
            "help: declare 'last' @Pinned (a pinned slot may be reassigned), or keep the pinned"
                + " value in a local")
        .inFile(HOLDER_CLIENT)
        .onLineContaining("last = holder.shared;");
  }

  @Test
  void passingToAPinnedLibraryParameterPinsTheLocal() {
    Compilation compilation = compileAgainst(classDirectory, REGISTRY_CLIENT);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[pin:after-pin] 't' moves into unpinned field 'last', but it was"
            + " pinned at line 8")
        .inFile(REGISTRY_CLIENT)
        .onLineContaining("last = t;");
  }

  @Test
  void overrideDroppingAPinnedLibraryParameterIsRejected() {
    Compilation compilation = compileAgainst(classDirectory, PRINTER);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[pin:override] 'accept(Task)' drops @Pinned from parameter 't' of"
            + " overridden 'Sink.accept(Task)'")
        .inFile(PRINTER)
        .onLineContaining("public void accept(Task t)");
  }

  /**
   * A library's generic container that pins its elements in its supertype clause ({@code Queue<T>
   * extends ArrayDeque<@Pinned T>}): javac before JDK 22 drops that annotation from class files,
   * and the checks read it there themselves.
   */
  @Test
  void elementsOfALibraryContainerPinnedByAParameterInItsClauseArePinned() {
    JavaFileObject first =
        source(
            "app.First",
            """
            package app;
            final class First {
              Object first(lib.Queue<Runnable> q) {
                return q.peek();
              }
            }
            """);
    Compilation compilation = compileAgainst(jar, first);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:move] pinned value 'q.peek()' moves into the return value of"
                + " 'first(Queue<Runnable>)', which is not @Pinned")
        .inFile(first)
        .onLineContaining("return q.peek();");
  }

  @Test
  void cloneableSubclassOfAPinnedLibraryTypeIsRejected() {
    Compilation compilation = compileAgainst(classDirectory, JOB);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[pin:copy] pinned type 'Job' is Cloneable: clone() would copy it")
        .inFile(JOB)
        .onLineContaining("implements Cloneable");
  }

  @Test
  void libraryTypePinnedByItsPinnedFieldIsPinnedInTheClientToo() {
    Compilation compilation = compileAgainst(classDirectory, COPY);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[pin:copy] pinned type 'Copy' is Cloneable: clone() would copy it")
        .inFile(COPY)
        .onLineContaining("implements Cloneable");
  }

  @Test
  void oneCompilationOfLibraryAndClientReportsSixErrorsInTheClient() {
    List<String> reported = reported(inOneCompilation());
    assertEquals(6, reported.size(), () -> "in one compilation: " + reported);
  }

  @Test
  void clientAgainstTheClassDirectoryGetsTheErrorsOfOneCompilation() {
    assertEquals(
        reported(inOneCompilation()),
        reported(compileAgainst(classDirectory, CLIENT.toArray(new JavaFileObject[0]))));
  }

  @Test
  void clientAgainstAJarGetsTheErrorsOfOneCompilation() {
    assertEquals(
        reported(inOneCompilation()),
        reported(compileAgainst(jar, CLIENT.toArray(new JavaFileObject[0]))));
  }

  @Test
  void movingAPinnedReturnFromAJarIsRejected() {
    Compilation compilation = compileAgainst(jar, HOLDER_CLIENT);
    assertThat(compilation)
        .hadErrorContaining("[pin:move] pinned value 'task()' moves into unpinned field 'last'")
        .inFile(HOLDER_CLIENT)
        .onLineContaining("last = holder.task();");
    assertThat(compilation)
        .hadErrorContaining(
            "help: declare 'last' @Pinned (a pinned slot may be reassigned), or keep the pinned"
                + " value in a local")
        .inFile(HOLDER_CLIENT)
        .onLineContaining("last = holder.task();");
  }

  @Test
  void correctClientCompilesCleanAgainstTheLibrary() {
    JavaFileObject client =
        source(
            "app.Client",
            """
            package app;
            import lib.Holder;
            import lib.Registry;
            import lib.Task;
            import org.pinning.Pinned;
            public final class Client {
              @Pinned final Task task = new Task();
              void run(Holder holder, Registry registry) {
                holder.task().poll();
                registry.track(holder.task());
                registry.track(task);
                Task fresh = new Task();
                fresh.poll();
              }
            }
            """);
    assertThat(compileAgainst(classDirectory, client)).succeededWithoutWarnings();
    assertThat(compileAgainst(jar, client)).succeededWithoutWarnings();
  }

  // the library read without pinning-annotations on the class path

  @Test
  void libraryReadWithoutTheAnnotationsGetsOneNoteSayingSo() {
    // A library's provided or optional dependency on the annotations does not reach its users:
    // javac drops the annotations of its class files without a word, and every pin with them.
    Compilation compilation = compileWithoutAnnotations(HOLDER_CLIENT, REGISTRY_CLIENT);
    assertThat(compilation).succeeded();
    List<Diagnostic<? extends JavaFileObject>> notes = annotationNotes(compilation);
    assertEquals(1, notes.size(), () -> "expected one note: " + compilation.notes());
    assertThat(compilation)
        .hadNoteContaining(
            "is annotated with org.pinning annotations that are not on this compilation's class"
                + " path, so its pins are not seen; add org.pinning:pinning-annotations as a"
                + " dependency");
    assertEquals(null, notes.get(0).getSource(), "a note about the compilation, not a file");
  }

  @Test
  void clientThatMeetsNoPinnedLibraryGetsNoNoteWithoutTheAnnotations() {
    // The checker on the processor path of a build that does not use pinning says nothing.
    JavaFileObject plain =
        source(
            "app.Plain",
            """
            package app;
            import java.util.*;
            public final class Plain {
              final List<String> names = new ArrayList<>();
              void add(String name) { names.add(name); }
            }
            """);
    Compilation compilation = compileWithoutAnnotations(plain);
    assertThat(compilation).succeededWithoutWarnings();
    assertEquals(List.of(), annotationNotes(compilation));
  }

  @Test
  void clientWithTheAnnotationsGetsNoNote() {
    Compilation compilation = compileAgainst(classDirectory, HOLDER_CLIENT, REGISTRY_CLIENT);
    assertEquals(List.of(), annotationNotes(compilation));
  }

  private static List<Diagnostic<? extends JavaFileObject>> annotationNotes(
      Compilation compilation) {
    return compilation.notes().stream()
        .filter(d -> d.getMessage(Locale.ROOT).contains("pinning-annotations"))
        .collect(java.util.stream.Collectors.toList());
  }

  /** javac with the processor, the library's classes first, and no pinning-annotations. */
  private static Compilation compileWithoutAnnotations(JavaFileObject... client) {
    List<File> path = new ArrayList<>();
    path.add(classDirectory);
    path.addAll(
        TestClassPath.entriesWithout(
            entry -> {
              String name = entry.getPath().replace('\\', '/');
              return name.contains("pinning-annotations")
                  || name.contains("annotations/target/classes");
            }));
    return Compiler.javac().withProcessors(new PinProcessor()).withClasspath(path).compile(client);
  }

  // compilations

  private static Compilation inOneCompilation() {
    List<JavaFileObject> all = new ArrayList<>(LIBRARY);
    all.addAll(CLIENT);
    return compile(all.toArray(new JavaFileObject[0]));
  }

  /** javac with the processor, the library's classes first on the class path. */
  private static Compilation compileAgainst(File library, JavaFileObject... client) {
    return Compiler.javac()
        .withProcessors(new PinProcessor())
        .withClasspath(TestClassPath.entriesAfter(library))
        .compile(client);
  }

  /** The errors and warnings in the client's files: file, line, kind and message. */
  private static List<String> reported(Compilation compilation) {
    List<String> reported = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : compilation.diagnostics()) {
      if (d.getKind() == Diagnostic.Kind.NOTE
          || d.getSource() == null
          || !isClientFile(d.getSource())) {
        continue;
      }
      reported.add(
          d.getSource().toUri() + ":" + d.getLineNumber() + ": " + d.getKind() + ": "
              + d.getMessage(Locale.ROOT));
    }
    reported.sort(null);
    return reported;
  }

  /** compile-testing names sources by relative URIs, such as {@code app/Job.java}. */
  private static boolean isClientFile(JavaFileObject file) {
    String uri = file.toUri().toString();
    return uri.startsWith("app/") || uri.contains("/app/");
  }
}
