package org.pinning.processor.model;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pinning.processor.PinProcessor;

/**
 * The pin facts of DESIGN.md §2 as the checker sees them, in particular for types read from class
 * files compiled earlier: declaration annotations carry the contract across jars (§3).
 */
class PinModelTest {

  @TempDir static Path library;

  /** A library compiled earlier, without the processor, and seen only as class files. */
  @BeforeAll
  static void compileTheLibrary() throws IOException {
    Compilation compilation =
        Compiler.javac()
            .compile(
                source("lib.Task", "package lib;\n@org.pinning.Pinned public class Task {}"),
                source(
                    "lib.Pinnable",
                    "package lib;\n@org.pinning.Pinned public interface Pinnable {}"),
                source(
                    "lib.Holder",
                    """
                    package lib;
                    public final class Holder {
                      @org.pinning.Pinned public final Task task = new Task();
                    }
                    """),
                source("lib.Plain", "package lib;\npublic final class Plain {}"),
                source("lib.Name", "package lib;\n@org.pinning.Unpin public class Name {}"),
                source("lib.Slot", "package lib;\npublic class Slot<@org.pinning.Unpin T> {}"),
                source(
                    "lib.Cell",
                    """
                    package lib;
                    public class Cell<T> {
                      @org.pinning.Pinned public final T value;
                      public Cell(T value) { this.value = value; }
                    }
                    """));
    assertThat(compilation).succeededWithoutWarnings();
    writeClassFiles(compilation, library);
  }

  // class files: rule 1 and 2

  @Test
  void subclassOfAPinnedClassFromAClassFileIsPinned() {
    JavaFileObject job =
        source(
            "app.Job",
            """
            package app;
            public final class Job extends lib.Task
                implements Cloneable {}
            """);
    Compilation compilation = compileAgainstLibrary(job);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[pin:copy] pinned type 'Job' is Cloneable")
        .inFile(job)
        .onLineContaining("implements Cloneable");
  }

  @Test
  void implementorOfAPinnedInterfaceFromAClassFileIsPinned() {
    JavaFileObject job =
        source(
            "app.Job",
            """
            package app;
            public final class Job implements lib.Pinnable,
                java.io.Serializable {
              private static final long serialVersionUID = 1L;
            }
            """);
    Compilation compilation = compileAgainstLibrary(job);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[pin:copy] pinned type 'Job' is Serializable")
        .inFile(job)
        .onLineContaining("java.io.Serializable");
  }

  @Test
  void subclassOfAnUnpinnedClassFromAClassFileMayBeCloneable() {
    assertThat(
            compileAgainstLibrary(
                source(
                    "app.Job",
                    "package app;\npublic class Job extends lib.Name implements Cloneable {}")))
        .succeededWithoutWarnings();
  }

  // class files: @Unpin type parameters

  @Test
  void pinnedTypeArgumentForAnUnpinParameterFromAClassFileIsRejected() {
    JavaFileObject box =
        source(
            "app.Box",
            """
            package app;
            class Box extends lib.Slot<lib.Task> {}
            """);
    Compilation compilation = compileAgainstLibrary(box);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:unpin] pinned type 'Task' for @Unpin type parameter 'T' of 'Slot'")
        .inFile(box)
        .onLineContaining("lib.Slot<lib.Task>");
  }

  @Test
  void unpinnedTypeArgumentForAnUnpinParameterFromAClassFileIsAccepted() {
    assertThat(
            compileAgainstLibrary(
                source("app.Box", "package app;\nclass Box extends lib.Slot<String> {}")))
        .succeededWithoutWarnings();
  }

  // class files: rule 3 and known Unpin

  @Test
  void classPinnedByAPinnedFieldInAClassFileIsNotKnownUnpin() {
    assertThat(
            compileAgainstLibrary(
                source(
                    "app.Wrapper",
                    """
                    package app;
                    import org.pinning.Pinned;
                    final class Wrapper {
                      @Pinned final lib.Holder h = new lib.Holder();
                    }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void finalClassWithoutPinsFromAClassFileIsKnownUnpin() {
    JavaFileObject wrapper =
        source(
            "app.Wrapper",
            """
            package app;
            import org.pinning.Pinned;
            final class Wrapper {
              @Pinned final lib.Plain p = new lib.Plain();
            }
            """);
    assertThat(compileAgainstLibrary(wrapper))
        .hadWarningContaining("[pin:useless] @Pinned has no effect on 'p': type 'Plain' is Unpin")
        .inFile(wrapper)
        .onLineContaining("@Pinned final lib.Plain p");
  }

  @Test
  void unpinClassFromAClassFileIsKnownUnpin() {
    JavaFileObject wrapper =
        source(
            "app.Wrapper",
            """
            package app;
            import org.pinning.Pinned;
            final class Wrapper {
              @Pinned final lib.Name n = new lib.Name();
            }
            """);
    assertThat(compileAgainstLibrary(wrapper))
        .hadWarningContaining("[pin:useless] @Pinned has no effect on 'n': type 'Name' is Unpin")
        .inFile(wrapper)
        .onLineContaining("@Pinned final lib.Name n");
  }

  @Test
  void plainFieldsOfPinnedTypesFromClassFilesAreWarnedInAPinnedClass() {
    JavaFileObject owner =
        source(
            "app.Owner",
            """
            package app;
            @org.pinning.Pinned
            final class Owner {
              lib.Task task;
              lib.Holder holder;
              lib.Plain plain;
            }
            """);
    Compilation compilation = compileAgainstLibrary(owner);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(2);
    assertThat(compilation)
        .hadWarningContaining("[pin:field] field 'task'")
        .inFile(owner)
        .onLineContaining("lib.Task task;");
    assertThat(compilation)
        .hadWarningContaining("[pin:field] field 'holder'")
        .inFile(owner)
        .onLineContaining("lib.Holder holder;");
  }

  // conditional pinning

  @Test
  void conditionallyPinnedClassFromAClassFileIsUnpinForAnUnpinnedArgument() {
    assertThat(
            compileAgainstLibrary(
                source(
                    "app.Names",
                    "package app;\nclass Names extends lib.Slot<lib.Cell<String>> {}")))
        .succeededWithoutWarnings();
  }

  @Test
  void conditionallyPinnedClassFromAClassFileIsPinnedForAPinnedArgument() {
    JavaFileObject tasks =
        source(
            "app.Tasks",
            """
            package app;
            class Tasks extends lib.Slot<lib.Cell<lib.Task>> {}
            """);
    Compilation compilation = compileAgainstLibrary(tasks);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:unpin] pinned type 'Cell<Task>' for @Unpin type parameter 'T' of 'Slot'")
        .inFile(tasks)
        .onLineContaining("lib.Slot<lib.Cell<lib.Task>>");
  }

  @Test
  void conditionalPinningNestsThroughTypeArguments() {
    JavaFileObject nested =
        source(
            "app.Nested",
            """
            package app;
            import lib.*;
            class Nested {
              Slot<Cell<Cell<Task>>> tasks;
            }
            """);
    Compilation compilation = compileAgainstLibrary(nested);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[pin:unpin] pinned type 'Cell<Cell<Task>>'")
        .inFile(nested)
        .onLineContaining("Slot<Cell<Cell<Task>>> tasks;");
  }

  @Test
  void conditionallyPinnedClassFromSourceIsUnpinForAnUnpinnedArgument() {
    assertThat(compile(conditionalSources("Slot<Cell<String>> names;"))).succeededWithoutWarnings();
  }

  @Test
  void conditionallyPinnedClassFromSourceIsPinnedForAPinnedArgument() {
    JavaFileObject uses = conditionalSources("Slot<Cell<Task>> tasks;");
    Compilation compilation = compile(uses);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:unpin] pinned type 'Cell<Task>' for @Unpin type parameter 'T' of 'Slot'")
        .inFile(uses)
        .onLineContaining("Slot<Cell<Task>> tasks;");
  }

  @Test
  void pinnedFieldOfATypeVariableIsNotUselessSinceItsArgumentMayBePinned() {
    assertThat(compile(conditionalSources("Cell<Task> cell = new Cell<>(new Task());")))
        .succeededWithoutWarnings();
  }

  // the model itself

  @Test
  void modelAnswersForTypesFromClassFiles() {
    ModelProbe probe = new ModelProbe();
    assertThat(
            Compiler.javac()
                .withProcessors(probe)
                .withClasspath(classPathWithLibrary())
                .compile(source("app.Plain", "package app; final class Plain {}")))
        .succeeded();

    Map<String, Boolean> expected = new LinkedHashMap<>();
    expected.put("isPinned(Task)", true);
    expected.put("isKnownUnpin(Task)", false);
    expected.put("isPinned(Pinnable)", true);
    expected.put("isPinned(Holder)", true);
    expected.put("isKnownUnpin(Holder)", false);
    expected.put("isPinned(Plain)", false);
    expected.put("isKnownUnpin(Plain)", true);
    expected.put("isPinned(Name)", false);
    expected.put("isKnownUnpin(Name)", true);
    expected.put("isPinnedDeclaration(Cell)", true);
    expected.put("isPinned(Cell<String>)", false);
    expected.put("isPinned(Cell<Task>)", true);
    expected.put("isPinned(Cell<Cell<Task>>)", true);
    expected.put("isKnownUnpin(Slot.T)", true);
    expected.put("isKnownUnpin(Cell.T)", false);
    expected.put("isPinned(Runnable)", false);
    expected.put("isKnownUnpin(Runnable)", false);
    expected.put("isKnownUnpin(String)", true);
    expected.put("isKnownUnpin(int)", true);
    expected.put("isKnownUnpin(Task[])", true);
    assertEquals(expected, probe.facts);
  }

  /** {@code Cell<T>} with a {@code @Pinned T} field, {@code Slot<@Unpin T>}, and {@code uses}. */
  private static JavaFileObject conditionalSources(String uses) {
    return source(
        "demo.Uses",
        """
        package demo;
        import org.pinning.Pinned;
        import org.pinning.Unpin;
        class Uses {
          %s
        }
        @Pinned class Task {}
        class Slot<@Unpin T> {}
        class Cell<T> {
          @Pinned final T value;
          Cell(T value) { this.value = value; }
        }
        """
            .formatted(uses));
  }

  /** Asks a {@link PinModel} about library types in a compilation against the library. */
  private static final class ModelProbe extends AbstractProcessor {
    final Map<String, Boolean> facts = new LinkedHashMap<>();

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public synchronized void init(ProcessingEnvironment env) {
      super.init(env);
      Types types = env.getTypeUtils();
      Elements elements = env.getElementUtils();
      PinModel model = new PinModel(types, elements);
      TypeMirror task = type(elements, "lib.Task");
      TypeMirror string = type(elements, "java.lang.String");
      TypeElement cell = elements.getTypeElement("lib.Cell");
      TypeElement slot = elements.getTypeElement("lib.Slot");
      TypeMirror cellOfString = types.getDeclaredType(cell, string);
      TypeMirror cellOfTask = types.getDeclaredType(cell, task);

      facts.put("isPinned(Task)", model.isPinned(task));
      facts.put("isKnownUnpin(Task)", model.isKnownUnpin(task));
      facts.put("isPinned(Pinnable)", model.isPinned(type(elements, "lib.Pinnable")));
      facts.put("isPinned(Holder)", model.isPinned(type(elements, "lib.Holder")));
      facts.put("isKnownUnpin(Holder)", model.isKnownUnpin(type(elements, "lib.Holder")));
      facts.put("isPinned(Plain)", model.isPinned(type(elements, "lib.Plain")));
      facts.put("isKnownUnpin(Plain)", model.isKnownUnpin(type(elements, "lib.Plain")));
      facts.put("isPinned(Name)", model.isPinned(type(elements, "lib.Name")));
      facts.put("isKnownUnpin(Name)", model.isKnownUnpin(type(elements, "lib.Name")));
      facts.put("isPinnedDeclaration(Cell)", model.isPinnedDeclaration(cell));
      facts.put("isPinned(Cell<String>)", model.isPinned(cellOfString));
      facts.put("isPinned(Cell<Task>)", model.isPinned(cellOfTask));
      facts.put(
          "isPinned(Cell<Cell<Task>>)", model.isPinned(types.getDeclaredType(cell, cellOfTask)));
      facts.put(
          "isKnownUnpin(Slot.T)", model.isKnownUnpin(slot.getTypeParameters().get(0).asType()));
      facts.put(
          "isKnownUnpin(Cell.T)", model.isKnownUnpin(cell.getTypeParameters().get(0).asType()));
      TypeMirror runnable = type(elements, "java.lang.Runnable");
      facts.put("isPinned(Runnable)", model.isPinned(runnable));
      facts.put("isKnownUnpin(Runnable)", model.isKnownUnpin(runnable));
      facts.put("isKnownUnpin(String)", model.isKnownUnpin(string));
      facts.put("isKnownUnpin(int)", model.isKnownUnpin(types.getPrimitiveType(TypeKind.INT)));
      facts.put("isKnownUnpin(Task[])", model.isKnownUnpin(types.getArrayType(task)));
    }

    private static TypeMirror type(Elements elements, String name) {
      return elements.getTypeElement(name).asType();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      return false;
    }
  }

  private static Compilation compileAgainstLibrary(JavaFileObject... files) {
    return Compiler.javac()
        .withProcessors(new PinProcessor())
        .withClasspath(classPathWithLibrary())
        .compile(files);
  }

  /** The library's class directory followed by the test class path (annotations, processor). */
  private static List<File> classPathWithLibrary() {
    List<File> path = new ArrayList<>();
    path.add(library.toFile());
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (!entry.isEmpty()) {
        path.add(new File(entry));
      }
    }
    return path;
  }

  /** Writes the class files {@code compilation} generated under {@code directory}. */
  static void writeClassFiles(Compilation compilation, Path directory) throws IOException {
    for (JavaFileObject file : compilation.generatedFiles()) {
      if (file.getKind() != JavaFileObject.Kind.CLASS) {
        continue;
      }
      // In-memory outputs are named like mem:///CLASS_OUTPUT/lib/Task.class.
      String path = file.toUri().getPath();
      Path target = directory.resolve(path.substring(path.indexOf('/', 1) + 1));
      Files.createDirectories(target.getParent());
      try (InputStream in = file.openInputStream()) {
        Files.copy(in, target);
      }
    }
  }
}
