package org.pinning.processor.compat;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
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
 * Pinned type arguments in a library's signatures cross jars (DESIGN.md §4.7): a client compiled
 * against the library's class files gets the diagnostics of one compilation of both, on JDK 17 as
 * on JDK 25. javac shows type annotations of class-file members only from JDK 22 on (JDK-8225377);
 * before, the checks read them from the class files themselves, through the processor's {@code
 * Filer} (JDK 17) or {@code Elements.getFileObjectOf} (JDK 18+).
 *
 * <p>A {@code -proc:none} build has no {@code Filer}: from JDK 18 on it gets the same diagnostics;
 * on JDK 17 it has no public way to the class files and sees the library's signatures unpinned.
 */
class ClassFileContainerTest {
  private static final boolean GET_FILE_OBJECT_OF = Runtime.version().feature() >= 18;

  private static final List<JavaFileObject> LIBRARY =
      List.of(
          source("lib.Task", "package lib; @org.pinning.Pinned public class Task {}"),
          source(
              "lib.Pool",
              """
              package lib;
              import java.util.Collection;
              import java.util.List;
              import java.util.Map;
              import org.pinning.Pinned;
              public class Pool {
                public final List<@Pinned Task> running = new java.util.ArrayList<>();
                public List<@Pinned Task> tasks() { return running; }
                public void adopt(List<@Pinned Task> tasks) {}
                public void addAll(Collection<? extends @Pinned Task> tasks) {}
                public Map<String, List<@Pinned Task>> groups() { return null; }
                public void regroup(Map<String, List<@Pinned Task>> groups) {}
                public @Pinned Task first(List<@Pinned Task> tasks) { return tasks.get(0); }
                public List<@Pinned Runnable> runs() { return null; }
              }
              """),
          source(
              "lib.TaskMap",
              """
              package lib;
              import org.pinning.Pinned;
              public class TaskMap<K> extends java.util.HashMap<K, @Pinned Task> {}
              """),
          source(
              "lib.Fut",
              """
              package lib;
              import org.pinning.Pinned;
              public interface Fut {
                boolean poll(@Pinned Fut this, int budget);
              }
              """),
          source(
              "lib.Handler",
              """
              package lib;
              import org.pinning.Pinned;
              public abstract class Handler implements java.util.function.Consumer<@Pinned Task> {}
              """));

  /** A pinned container returned and accepted by library methods, and a bounded wildcard. */
  private static final JavaFileObject CONTAINERS =
      source(
          "app.Containers",
          """
          package app;
          import java.util.ArrayList;
          import java.util.List;
          import lib.Pool;
          import lib.Task;
          import org.pinning.Pinned;
          public final class Containers {
            Task stash;
            final List<@Pinned Task> mine = new ArrayList<>();
            void takeOut(Pool pool) {
              stash = pool.tasks().get(0);
            }
            void iterate(Pool pool) {
              for (Task t : pool.tasks()) {
                stash = t;
              }
            }
            void readField(Pool pool) {
              stash = pool.running.get(0);
            }
            void copy(Pool pool) {
              List<Task> plain = pool.tasks();
            }
            void putIn(Pool pool) {
              pool.tasks().add(mine.get(0));
            }
            void handOver(Pool pool) {
              pool.adopt(mine);
              pool.adopt(pool.tasks());
              pool.addAll(mine);
            }
            void first(Pool pool, List<Task> plain) {
              stash = pool.first(plain);
            }
          }
          """);

  /** Code that names no pinned type, only a library method's pinned type argument. */
  private static final JavaFileObject RUNNER =
      source(
          "app.Runner",
          """
          package app;
          import lib.Pool;
          public final class Runner {
            Runnable stash;
            void takeOut(Pool pool) {
              stash = pool.runs().get(0);
            }
          }
          """);

  /** A nested container, {@code Map<String, List<@Pinned Task>>}. */
  private static final JavaFileObject NESTED =
      source(
          "app.Nested",
          """
          package app;
          import java.util.ArrayList;
          import java.util.HashMap;
          import java.util.List;
          import java.util.Map;
          import lib.Pool;
          import lib.Task;
          import org.pinning.Pinned;
          public final class Nested {
            Task stash;
            final List<@Pinned Task> mine = new ArrayList<>();
            final Map<String, List<@Pinned Task>> groups = new HashMap<>();
            void takeOut(Pool pool) {
              stash = pool.groups().get("a").get(0);
            }
            void putIn(Pool pool) {
              pool.groups().get("a").add(mine.get(0));
              pool.regroup(groups);
            }
          }
          """);

  /** A generic library class with a {@code @Pinned} type argument in a supertype clause. */
  private static final JavaFileObject CLAUSES =
      source(
          "app.Clauses",
          """
          package app;
          import java.util.ArrayList;
          import java.util.List;
          import lib.Task;
          import lib.TaskMap;
          import org.pinning.Pinned;
          public final class Clauses {
            Task stash;
            final List<@Pinned Task> mine = new ArrayList<>();
            void takeOut(TaskMap<String> map) {
              stash = map.get("a");
            }
            void iterate(TaskMap<String> map) {
              for (Task t : map.values()) {
                stash = t;
              }
            }
            void putIn(TaskMap<String> map) {
              map.put("a", mine.get(0));
            }
          }
          """);

  /** Overrides of a method whose parameter a library's supertype clause pins. */
  private static final JavaFileObject LOG =
      source(
          "app.Log",
          """
          package app;
          import lib.Handler;
          import lib.Task;
          public final class Log extends Handler {
            @Override
            public void accept(Task t) {}
          }
          """);

  private static final JavaFileObject KEEPER =
      source(
          "app.Keeper",
          """
          package app;
          import lib.Handler;
          import lib.Task;
          import org.pinning.Pinned;
          public final class Keeper extends Handler {
            @Override
            public void accept(@Pinned Task t) {}
          }
          """);

  /**
   * A library interface method with a pinned receiver, called and implemented by the client. The
   * implementations are judged (§4.6); the calls pin the receiver (§4.10) on every JDK: {@code
   * stash = mine} is a {@code pin:after-pin}, and {@code given.poll(1)} pins a parameter the
   * method does not own ({@code pin:unowned}).
   */
  private static final JavaFileObject RECEIVERS =
      source(
          "app.Receivers",
          """
          package app;
          import lib.Fut;
          public final class Receivers {
            Fut stash;
            void run(Fut given) {
              Fut mine = new Job();
              mine.poll(1);
              stash = mine;
              given.poll(1);
            }
          }
          """);

  private static final JavaFileObject JOB =
      source(
          "app.Job",
          """
          package app;
          import lib.Fut;
          import org.pinning.Pinned;
          @Pinned
          final class Job implements Fut {
            @Override
            public boolean poll(@Pinned Job this, int budget) {
              return true;
            }
          }
          """);

  private static final JavaFileObject LAZY_JOB =
      source(
          "app.LazyJob",
          """
          package app;
          import lib.Fut;
          @org.pinning.Pinned
          final class LazyJob implements Fut {
            @Override
            public boolean poll(int budget) {
              return false;
            }
          }
          """);

  private static final List<JavaFileObject> CLIENT =
      List.of(CONTAINERS, RUNNER, NESTED, CLAUSES, LOG, KEEPER, RECEIVERS, JOB, LAZY_JOB);

  @TempDir static Path root;
  private static File classDirectory;
  private static File jar;

  @BeforeAll
  static void compileTheLibrary() throws IOException {
    Compilation library = compile(LIBRARY.toArray(new JavaFileObject[0]));
    assertThat(library).succeededWithoutWarnings();
    Path classes = root.resolve("classes");
    LibraryClassFiles.write(library, classes);
    classDirectory = classes.toFile();
    jar = LibraryClassFiles.jar(classes, root.resolve("lib.jar")).toFile();
  }

  @Test
  void oneCompilationReportsWhatTheLibrarysContractsSay() {
    List<String> reported = reported(inOneCompilation());
    List<String> expected =
        List.of(
            "Clauses.java:11: ERROR: [pin:move] pinned value 'map.get()' moves into unpinned"
                + " field 'stash'",
            "Clauses.java:15: ERROR: [pin:move] pinned value 't' (from an element of"
                + " 'map.values()', line 14) moves into unpinned field 'stash'",
            "Containers.java:11: ERROR: [pin:move] pinned value 'tasks().get()' moves into"
                + " unpinned field 'stash'",
            "Containers.java:15: ERROR: [pin:move] pinned value 't' (from an element of 'tasks()',"
                + " line 14) moves into unpinned field 'stash'",
            "Containers.java:19: ERROR: [pin:move] pinned value 'running.get()' moves into"
                + " unpinned field 'stash'",
            "Containers.java:22: ERROR: [pin:move] pinned elements of 'tasks()' move into local"
                + " 'plain' of type 'List<Task>'",
            "Containers.java:33: ERROR: [pin:move] pinned value 'first()' moves into unpinned"
                + " field 'stash'",
            "LazyJob.java:6: ERROR: [pin:override] 'poll(int)' drops the pinned receiver of"
                + " overridden 'Fut.poll(int)'",
            "Log.java:6: ERROR: [pin:override] 'accept(Task)' drops @Pinned from parameter 't' of"
                + " overridden 'Consumer.accept(T)'",
            "Nested.java:14: ERROR: [pin:move] pinned value 'get().get()' moves into unpinned"
                + " field 'stash'",
            "Receivers.java:8: ERROR: [pin:after-pin] 'mine' moves into unpinned field 'stash',"
                + " but it was pinned at line 7",
            "Receivers.java:9: ERROR: [pin:unowned] 'given' is pinned here, but it is a parameter:"
                + " the caller still holds it and may move it",
            "Runner.java:6: ERROR: [pin:move] pinned value 'runs().get()' moves into unpinned"
                + " field 'stash'");
    assertEquals(expected, withoutHelp(reported));
  }

  @Test
  void clientAgainstTheClassDirectoryGetsTheDiagnosticsOfOneCompilation() {
    assertEquals(reported(inOneCompilation()), reported(againstLibrary(classDirectory)));
  }

  @Test
  void clientAgainstTheJarGetsTheDiagnosticsOfOneCompilation() {
    assertEquals(reported(inOneCompilation()), reported(againstLibrary(jar)));
  }

  @Test
  void procNoneBuildGetsThemWhereThereIsAPublicWayToTheClassFiles() {
    Compilation procNone =
        Compiler.javac()
            .withOptions("-proc:none")
            .withClasspath(TestClassPath.entriesAfter(classDirectory))
            .compile(CLIENT.toArray(new JavaFileObject[0]));
    if (GET_FILE_OBJECT_OF) {
      assertEquals(reported(inOneCompilation()), reported(procNone));
    } else {
      // JDK 17 without a processor: no Filer, no getFileObjectOf; the signatures read unpinned
      assertThat(procNone)
          .hadErrorContaining("[pin:move] pinned elements of 'mine' move into")
          .inFile(CONTAINERS)
          .onLineContaining("pool.adopt(mine);");
      assertThat(procNone).hadErrorContaining("-proc:none build on JDK 17 cannot read");
    }
  }

  @Test
  void statsCountTheClassFilesReadForTheirTypeAnnotations() {
    Compilation compilation =
        Compiler.javac()
            .withProcessors(new PinProcessor())
            .withOptions("-Apin.stats=true")
            .withClasspath(TestClassPath.entriesAfter(classDirectory))
            .compile(CONTAINERS);
    String note =
        compilation.notes().stream()
            .map(d -> d.getMessage(Locale.ROOT))
            .filter(m -> m.contains("classes checked"))
            .findFirst()
            .orElseThrow();
    // javac shows them itself from JDK 22 on; before, Pool's class file is read, once
    String expected = Runtime.version().feature() >= 22 ? "; 0 class files" : "; 1 class files";
    assertTrue(note.contains(expected), note);
  }

  // compilations

  private static Compilation inOneCompilation() {
    List<JavaFileObject> all = new ArrayList<>(LIBRARY);
    all.addAll(CLIENT);
    return compile(all.toArray(new JavaFileObject[0]));
  }

  /** javac with the processor, the library's classes first on the class path. */
  private static Compilation againstLibrary(File library) {
    return Compiler.javac()
        .withProcessors(new PinProcessor())
        .withClasspath(TestClassPath.entriesAfter(library))
        .compile(CLIENT.toArray(new JavaFileObject[0]));
  }

  /** The errors and warnings in the client's files: file, line, kind and message. */
  private static List<String> reported(Compilation compilation) {
    List<String> reported = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : compilation.diagnostics()) {
      if (d.getKind() == Diagnostic.Kind.NOTE || d.getSource() == null) {
        continue;
      }
      String uri = d.getSource().toUri().toString();
      if (!uri.contains("app/")) {
        continue;
      }
      reported.add(
          uri.substring(uri.lastIndexOf('/') + 1)
              + ":"
              + d.getLineNumber()
              + ": "
              + d.getKind()
              + ": "
              + d.getMessage(Locale.ROOT));
    }
    reported.sort(null);
    return reported;
  }

  private static List<String> withoutHelp(List<String> reported) {
    return reported.stream().map(line -> line.replaceAll("\n.*", "")).toList();
  }
}
