package org.pinning.processor.rules;

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
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pinning.processor.PinProcessor;

/**
 * Warning {@code pin:supertype}: a pinned type extends or implements an unpinned type of these
 * sources whose code sees an unpinned {@code this} (DESIGN.md §4.8).
 */
class SupertypeRuleTest {

  @Test
  void superclassWithAnInstanceMethodBodyIsWarnedAtTheExtendsClause() {
    JavaFileObject base =
        source(
            "demo.Base",
            """
            package demo;
            public class Base {
              void register() { System.out.println(this); }
            }
            """);
    JavaFileObject task =
        source(
            "demo.Task",
            """
            package demo;
            @org.pinning.Pinned
            public final class Task
                extends Base {}
            """);
    Compilation compilation = compile(base, task);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation)
        .hadWarningContaining(
            "[pin:supertype] pinned type 'Task' extends 'Base', whose code sees 'this' unpinned")
        .inFile(task)
        .onLineContaining("extends Base");
  }

  @Test
  void superclassCompiledAfterThePinnedTypeIsWarnedToo() {
    JavaFileObject task =
        source(
            "demo.Task",
            """
            package demo;
            @org.pinning.Pinned
            public final class Task
                extends Base {}
            """);
    JavaFileObject base =
        source("demo.Base", "package demo; public class Base { void register() {} }");
    Compilation compilation = compile(task, base);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation)
        .hadWarningContaining("[pin:supertype] pinned type 'Task' extends 'Base'")
        .inFile(task)
        .onLineContaining("extends Base");
  }

  @Test
  void supertypeWarningHasAHelpLine() {
    JavaFileObject base =
        source("demo.Base", "package demo; public class Base { void register() {} }");
    JavaFileObject task =
        source(
            "demo.Task",
            """
            package demo;
            @org.pinning.Pinned
            public final class Task
                extends Base {}
            """);
    assertThat(compile(base, task))
        .hadWarningContaining("help: annotate 'Base' @Pinned")
        .inFile(task)
        .onLineContaining("extends Base");
  }

  @Test
  void superclassWithAnExplicitConstructorIsWarned() {
    JavaFileObject base =
        source(
            "demo.Base",
            """
            package demo;
            public class Base {
              protected Base() {}
            }
            """);
    JavaFileObject task =
        source(
            "demo.Task",
            """
            package demo;
            @org.pinning.Pinned
            public final class Task
                extends Base {}
            """);
    Compilation compilation = compile(base, task);
    assertThat(compilation).succeeded();
    assertThat(compilation)
        .hadWarningContaining("[pin:supertype] pinned type 'Task' extends 'Base'")
        .inFile(task)
        .onLineContaining("extends Base");
  }

  @Test
  void superclassWithAnInstanceInitializerIsWarned() {
    JavaFileObject base =
        source(
            "demo.Base",
            """
            package demo;
            public class Base {
              int hash;
              { hash = System.identityHashCode(this); }
            }
            """);
    JavaFileObject task =
        source(
            "demo.Task",
            """
            package demo;
            @org.pinning.Pinned
            public final class Task
                extends Base {}
            """);
    Compilation compilation = compile(base, task);
    assertThat(compilation).succeeded();
    assertThat(compilation)
        .hadWarningContaining("[pin:supertype] pinned type 'Task' extends 'Base'")
        .inFile(task)
        .onLineContaining("extends Base");
  }

  @Test
  void superclassWithOnlyFieldsAndTheDefaultConstructorIsAccepted() {
    assertThat(
            compile(
                source("demo.Base", "package demo; public class Base { int state; }"),
                source(
                    "demo.Task",
                    "package demo;\n@org.pinning.Pinned public final class Task extends Base {}")))
        .succeededWithoutWarnings();
  }

  @Test
  void pinnedSuperclassIsAccepted() {
    assertThat(
            compile(
                source(
                    "demo.Base",
                    """
                    package demo;
                    @org.pinning.Pinned
                    public class Base {
                      protected Base() {}
                      { System.identityHashCode(this); }
                      void register() {}
                    }
                    """),
                source(
                    "demo.Task",
                    "package demo;\n@org.pinning.Pinned public final class Task extends Base {}")))
        .succeededWithoutWarnings();
  }

  @Test
  void subclassOfAPinnedSuperclassIsPinnedWithoutItsOwnAnnotationAndIsAccepted() {
    assertThat(
            compile(
                source(
                    "demo.Base",
                    """
                    package demo;
                    @org.pinning.Pinned
                    public class Base {
                      void register() {}
                    }
                    """),
                source("demo.Task", "package demo;\npublic final class Task extends Base {}")))
        .succeededWithoutWarnings();
  }

  @Test
  void superclassWithOnlyAbstractMethodsIsAccepted() {
    assertThat(
            compile(
                source(
                    "demo.Base",
                    """
                    package demo;
                    public abstract class Base {
                      abstract void run();
                      protected abstract int size();
                    }
                    """),
                source(
                    "demo.Task",
                    """
                    package demo;
                    @org.pinning.Pinned
                    public final class Task extends Base {
                      @Override void run() {}
                      @Override protected int size() { return 0; }
                    }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void superclassWithOnlyStaticMethodsIsAccepted() {
    assertThat(
            compile(
                source(
                    "demo.Base",
                    """
                    package demo;
                    public class Base {
                      static int twice(int x) { return 2 * x; }
                      static { System.out.println("loaded"); }
                    }
                    """),
                source(
                    "demo.Task",
                    "package demo;\n@org.pinning.Pinned public final class Task extends Base {}")))
        .succeededWithoutWarnings();
  }

  @Test
  void interfaceWithADefaultMethodIsWarnedAtTheImplementsClause() {
    JavaFileObject greeter =
        source(
            "demo.Greeter",
            """
            package demo;
            public interface Greeter {
              default void greet() { System.out.println(this); }
            }
            """);
    JavaFileObject task =
        source(
            "demo.Task",
            """
            package demo;
            @org.pinning.Pinned
            public final class Task
                implements Greeter {}
            """);
    Compilation compilation = compile(greeter, task);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation)
        .hadWarningContaining("[pin:supertype] pinned type 'Task' extends 'Greeter'")
        .inFile(task)
        .onLineContaining("implements Greeter");
  }

  @Test
  void interfaceWithOnlyAbstractAndStaticMethodsIsAccepted() {
    assertThat(
            compile(
                source(
                    "demo.Greeter",
                    """
                    package demo;
                    public interface Greeter {
                      void greet();
                      static Greeter quiet() { return null; }
                    }
                    """),
                source(
                    "demo.Task",
                    """
                    package demo;
                    @org.pinning.Pinned
                    public final class Task implements Greeter {
                      public void greet() {}
                    }
                    """)))
        .succeededWithoutWarnings();
  }

  // §4.8 is about the code that sees 'this', wherever it sits above the pinned type: a type in
  // between that adds no code of its own does not hide it.

  private static JavaFileObject shapes(String base) {
    return source(
        "demo.Base",
        """
        package demo;
        %s
        abstract class Shape extends Base { abstract void draw(); }
        interface Greeter { default void greet() {} }
        interface Polite extends Greeter { void bow(); }
        """
            .formatted(base));
  }

  @Test
  void codeAboveABodylessAbstractClassIsWarnedAtTheClauseNamingIt() {
    JavaFileObject task =
        source(
            "demo.Task",
            """
            package demo;
            @org.pinning.Pinned
            public final class Task
                extends Shape {
              void draw() {}
            }
            """);
    Compilation compilation =
        compile(shapes("public class Base { void register() {} }"), task);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation)
        .hadWarningContaining(
            "[pin:supertype] pinned type 'Task' extends 'Base' (through 'Shape'), whose code sees"
                + " 'this' unpinned")
        .inFile(task)
        .onLineContaining("extends Shape");
    assertThat(compilation).hadWarningContaining("help: annotate 'Base' @Pinned");
  }

  @Test
  void codeAboveASubInterfaceIsWarnedAtTheClauseNamingIt() {
    JavaFileObject task =
        source(
            "demo.Task",
            """
            package demo;
            @org.pinning.Pinned
            public final class Task
                implements Polite {
              public void bow() {}
            }
            """);
    Compilation compilation = compile(shapes("public class Base {}"), task);
    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation)
        .hadWarningContaining(
            "[pin:supertype] pinned type 'Task' extends 'Greeter' (through 'Polite')")
        .inFile(task)
        .onLineContaining("implements Polite");
  }

  @Test
  void pinningTheTypeWithCodeAboveABodylessAbstractClassIsAccepted() {
    JavaFileObject task =
        source(
            "demo.Task",
            """
            package demo;
            @org.pinning.Pinned
            public final class Task extends Shape {
              void draw() {}
            }
            """);
    assertThat(compile(shapes("@org.pinning.Pinned public class Base { void register() {} }"), task))
        .succeededWithoutWarnings();
  }

  // A fluent API: pinning it would make every 'return this' a move.

  private static JavaFileObject fluentBase() {
    return source(
        "demo.Request",
        """
        package demo;
        public class Request<B extends Request<B>> {
          String url;
          @SuppressWarnings("unchecked")
          public B url(String url) { this.url = url; return (B) this; }
          public Request<B> log() { System.out.println(url); return this; }
        }
        """);
  }

  @Test
  void fluentSupertypeHelpSaysWhenSuppressionIsTheBetterFix() {
    JavaFileObject task =
        source(
            "demo.Call",
            """
            package demo;
            @org.pinning.Pinned
            public final class Call extends Request<Call> {}
            """);
    Compilation compilation = compile(fluentBase(), task);
    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation)
        .hadWarningContaining(
            "help: if the code of 'Request' never keeps 'this', suppress pin:supertype on 'Call':"
                + " annotating it @Pinned would make each fluent 'return this' a move")
        .inFile(task)
        .onLineContaining("extends Request<Call>");
  }

  @Test
  void fluentSupertypeSuppressedOnThePinnedTypeIsAccepted() {
    JavaFileObject task =
        source(
            "demo.Call",
            """
            package demo;
            @org.pinning.Pinned
            @SuppressWarnings("pin:supertype") // Request only returns 'this', never keeps it
            public final class Call extends Request<Call> {}
            """);
    assertThat(compile(fluentBase(), task)).succeededWithoutWarnings();
  }

  @Test
  void eachOffendingSupertypeIsWarnedAtItsOwnClause() {
    JavaFileObject supertypes =
        source(
            "demo.Base",
            """
            package demo;
            public class Base { void register() {} }
            interface Greeter { default void greet() {} }
            """);
    JavaFileObject task =
        source(
            "demo.Task",
            """
            package demo;
            @org.pinning.Pinned
            public final class Task
                extends Base
                implements Greeter {}
            """);
    Compilation compilation = compile(supertypes, task);
    assertThat(compilation).hadWarningCount(2);
    assertThat(compilation)
        .hadWarningContaining("[pin:supertype] pinned type 'Task' extends 'Base'")
        .inFile(task)
        .onLineContaining("extends Base");
    assertThat(compilation)
        .hadWarningContaining("[pin:supertype] pinned type 'Task' extends 'Greeter'")
        .inFile(task)
        .onLineContaining("implements Greeter");
  }

  @Test
  void unpinnedSubclassIsNotWarned() {
    assertThat(
            compile(
                source("demo.Base", "package demo; public class Base { void register() {} }"),
                source("demo.Job", "package demo; public final class Job extends Base {}")))
        .succeededWithoutWarnings();
  }

  @Test
  void classPinnedByItsPinnedFieldIsWarned() {
    JavaFileObject base =
        source("demo.Base", "package demo; public class Base { void register() {} }");
    JavaFileObject holder =
        source(
            "demo.Holder",
            """
            package demo;
            import org.pinning.Pinned;
            public final class Holder
                extends Base {
              @Pinned final Runnable task = () -> {};
            }
            """);
    Compilation compilation = compile(base, holder);
    assertThat(compilation).succeeded();
    assertThat(compilation)
        .hadWarningContaining("[pin:supertype] pinned type 'Holder' extends 'Base'")
        .inFile(holder)
        .onLineContaining("extends Base");
  }

  @Test
  void conditionallyPinnedClassIsJudgedAsPinned() {
    JavaFileObject base =
        source("demo.Base", "package demo; public class Base { void register() {} }");
    JavaFileObject cell =
        source(
            "demo.Cell",
            """
            package demo;
            import org.pinning.Pinned;
            public final class Cell<T>
                extends Base {
              @Pinned final T value;
              Cell(@Pinned T value) { this.value = value; }
            }
            """);
    Compilation compilation = compile(base, cell);
    assertThat(compilation).succeeded();
    assertThat(compilation)
        .hadWarningContaining("[pin:supertype] pinned type 'Cell' extends 'Base'")
        .inFile(cell)
        .onLineContaining("extends Base");
  }

  @Test
  void suppressionOnTheClassSilencesTheWarning() {
    assertThat(
            compile(
                source("demo.Base", "package demo; public class Base { void register() {} }"),
                source(
                    "demo.Task",
                    """
                    package demo;
                    @SuppressWarnings("pin:supertype")
                    @org.pinning.Pinned
                    public final class Task extends Base {}
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void supertypeFromAClassFileIsNotJudged(@TempDir Path classes) throws IOException {
    Compilation library =
        Compiler.javac()
            .compile(
                source(
                    "demo.Base",
                    """
                    package demo;
                    public class Base {
                      protected Base() {}
                      { System.identityHashCode(this); }
                      void register() { System.out.println(this); }
                    }
                    """));
    assertThat(library).succeededWithoutWarnings();
    writeClassFiles(library, classes);

    JavaFileObject task =
        source(
            "demo.Task",
            """
            package demo;
            @org.pinning.Pinned public final class Task extends Base {}
            class Local { void register() {} }
            @org.pinning.Pinned final class Job
                extends Local {}
            """);
    Compilation compilation =
        Compiler.javac()
            .withProcessors(new PinProcessor())
            .withClasspath(classPathWith(classes))
            .compile(task);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation)
        .hadWarningContaining("[pin:supertype] pinned type 'Job' extends 'Local'")
        .inFile(task)
        .onLineContaining("extends Local");
  }

  /** Writes the class files {@code compilation} generated under {@code directory}. */
  private static void writeClassFiles(Compilation compilation, Path directory) throws IOException {
    for (JavaFileObject file : compilation.generatedFiles()) {
      if (file.getKind() != JavaFileObject.Kind.CLASS) {
        continue;
      }
      // In-memory outputs are named like mem:///CLASS_OUTPUT/demo/Base.class.
      String path = file.toUri().getPath();
      String relative = path.substring(path.indexOf('/', 1) + 1);
      Path target = directory.resolve(relative);
      Files.createDirectories(target.getParent());
      try (InputStream in = file.openInputStream()) {
        Files.copy(in, target);
      }
    }
  }

  /** {@code directory} followed by the test class path (the annotations, the processor). */
  private static List<File> classPathWith(Path directory) {
    List<File> path = new ArrayList<>();
    path.add(directory.toFile());
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (!entry.isEmpty()) {
        path.add(new File(entry));
      }
    }
    return path;
  }
}
