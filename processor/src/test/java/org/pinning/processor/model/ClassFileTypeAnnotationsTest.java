package org.pinning.processor.model;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
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
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pinning.Pinned;

/**
 * The class-file reader finds every place a library's signatures write {@code @Pinned} as a type
 * use, whatever the JDK: it is made to read here even on JDK 22+, where the checks leave it idle.
 * It reaches the class files through the processor's {@code Filer} on JDK 17 and through {@code
 * Elements.getFileObjectOf} from JDK 18 on.
 */
class ClassFileTypeAnnotationsTest {
  @TempDir static Path library;

  @BeforeAll
  static void compileTheLibrary() throws IOException {
    Compilation compilation =
        Compiler.javac()
            .withOptions("-proc:none")
            .withClasspath(List.of(new File(locationOf(Pinned.class))))
            .compile(
                source("lib.Task", "package lib; @org.pinning.Pinned public class Task {}"),
                source(
                    "lib.Fut",
                    """
                    package lib;
                    import org.pinning.Pinned;
                    public interface Fut {
                      boolean poll(@Pinned Fut this, int budget);
                      boolean cancel(Fut this);
                    }
                    """),
                source(
                    "lib.RunQueue",
                    """
                    package lib;
                    import org.pinning.Pinned;
                    public class RunQueue<K> extends java.util.ArrayDeque<@Pinned Task>
                        implements Comparable<RunQueue<K>>,
                            java.util.function.Supplier<@Pinned Task> {
                      public int compareTo(RunQueue<K> other) { return 0; }
                      public Task get() { return null; }
                    }
                    """),
                source(
                    "lib.Lib",
                    """
                    package lib;
                    import java.util.Collection;
                    import java.util.List;
                    import java.util.Map;
                    import org.pinning.Pinned;
                    public class Lib {
                      public List<@Pinned Task> field;
                      public List<Task> plain;
                      public List<@Pinned Task> tasks() { return null; }
                      public void addAll(int n, Collection<? extends @Pinned Task> tasks) {}
                      public Map<String, List<@Pinned Task>> groups() { return null; }
                      public void take(String name, @Pinned Task task) {}
                      public Task[] array(List<Task> plain) { return null; }
                    }
                    """));
    assertThat(compilation).succeededWithoutWarnings();
    for (JavaFileObject file : compilation.generatedFiles()) {
      String path = file.toUri().getPath();
      Path target = library.resolve(path.substring(path.indexOf("/CLASS_OUTPUT/") + 14));
      Files.createDirectories(target.getParent());
      try (InputStream in = file.openInputStream()) {
        Files.copy(in, target);
      }
    }
  }

  @Test
  void pinnedTypeArgumentsOfResultsFieldsAndParametersAreRead() {
    withReader(
        (reader, lib, elements) -> {
          assertEquals(List.of("0;"), reader.pinnedPaths(method(lib, "tasks")));
          assertEquals(List.of("0;"), reader.pinnedPaths(field(lib, "field")));
          assertEquals(List.of(), reader.pinnedPaths(field(lib, "plain")));
          assertEquals(List.of("0;*"), reader.parameterPinnedPaths(method(lib, "addAll"), 1));
          assertEquals(List.of(), reader.parameterPinnedPaths(method(lib, "addAll"), 0));
          assertEquals(List.of(""), reader.parameterPinnedPaths(method(lib, "take"), 1));
          assertEquals(List.of(), reader.pinnedPaths(method(lib, "array")));
        });
  }

  @Test
  void nestedTypeArgumentsAreReadWithTheirPath() {
    withReader(
        (reader, lib, elements) -> {
          List<String> paths = reader.pinnedPaths(method(lib, "groups"));
          assertEquals(List.of("1;0;"), paths);
          assertEquals(ArgumentMask.NONE, ClassFileTypeAnnotations.argumentMask(paths));
        });
  }

  @Test
  void aWildcardBoundedPinnedCountsAsAPinnedTypeArgument() {
    assertEquals(ArgumentMask.of(1), ClassFileTypeAnnotations.argumentMask(List.of("0;*")));
    assertEquals(ArgumentMask.of(0b10), ClassFileTypeAnnotations.argumentMask(List.of("1;")));
    assertEquals(
        ArgumentMask.NONE, ClassFileTypeAnnotations.argumentMask(List.of("", "[", "0;0;")));
  }

  @Test
  void aPinnedReceiverIsRead() {
    withReader(
        (reader, lib, elements) -> {
          TypeElement fut = type(lib.getEnclosingElement(), "Fut");
          assertTrue(reader.isReceiverPinned(method(fut, "poll")));
          assertFalse(reader.isReceiverPinned(method(fut, "cancel")));
        });
  }

  @Test
  void pinnedTypeArgumentsOfSupertypeClausesAreRead() {
    withReader(
        (reader, lib, elements) -> {
          TypeElement queue = type(lib.getEnclosingElement(), "RunQueue");
          assertEquals(List.of("0;"), reader.supertypePinnedPaths(queue, -1));
          assertEquals(List.of(), reader.supertypePinnedPaths(queue, 0));
          assertEquals(List.of("0;"), reader.supertypePinnedPaths(queue, 1));
        });
  }

  @Test
  void eachClassFileIsOpenedOnceAndOnlyWhenAsked() {
    withReader(
        (reader, lib, elements) -> {
          assertEquals(0, reader.classFilesOpened());
          reader.pinnedPaths(method(lib, "tasks"));
          reader.pinnedPaths(method(lib, "groups"));
          reader.parameterPinnedPaths(method(lib, "addAll"), 1);
          assertEquals(1, reader.classFilesOpened());
        });
  }

  @Test
  void typesFromSourceAndFromTheJdkAreNeverOpened() {
    withReader(
        (reader, lib, elements) -> {
          TypeElement list =
              (TypeElement)
                  ((javax.lang.model.type.DeclaredType) method(lib, "tasks").getReturnType())
                      .asElement();
          TypeElement client = elements.getTypeElement("app.Client");
          assertEquals(List.of(), reader.pinnedPaths(field(client, "lib")));
          for (ExecutableElement method : ElementFilter.methodsIn(list.getEnclosedElements())) {
            assertEquals(List.of(), reader.pinnedPaths(method));
          }
          assertEquals(0, reader.classFilesOpened());
        });
  }

  // harness

  private interface ReaderCheck {
    void check(
        ClassFileTypeAnnotations reader, TypeElement lib, javax.lang.model.util.Elements elements);
  }

  /** Runs {@code check} inside a compilation against the library's class files. */
  private static void withReader(ReaderCheck check) {
    List<Throwable> failures = new ArrayList<>();
    AbstractProcessor probe =
        new AbstractProcessor() {
          private boolean done;

          @Override
          public Set<String> getSupportedAnnotationTypes() {
            return Set.of("*");
          }

          @Override
          public SourceVersion getSupportedSourceVersion() {
            return SourceVersion.latestSupported();
          }

          @Override
          public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            if (done) {
              return false;
            }
            done = true;
            var elements = processingEnv.getElementUtils();
            ClassFileTypeAnnotations reader =
                ClassFileTypeAnnotations.readingOnEveryJdk(
                    elements,
                    processingEnv.getTypeUtils(),
                    type -> type.getQualifiedName().contentEquals("app.Client"),
                    processingEnv.getFiler());
            try {
              check.check(reader, elements.getTypeElement("lib.Lib"), elements);
            } catch (Throwable failure) {
              failures.add(failure);
            }
            return false;
          }
        };
    List<File> classPath = new ArrayList<>();
    classPath.add(library.toFile());
    classPath.add(new File(locationOf(Pinned.class)));
    Compilation compilation =
        Compiler.javac()
            .withProcessors(probe)
            .withClasspath(classPath)
            .compile(source("app.Client", "package app; public class Client { lib.Lib lib; }"));
    assertThat(compilation).succeeded();
    if (!failures.isEmpty()) {
      throw new AssertionError(failures.get(0));
    }
  }

  private static TypeElement type(Element pkg, String name) {
    for (TypeElement type : ElementFilter.typesIn(pkg.getEnclosedElements())) {
      if (type.getSimpleName().contentEquals(name)) {
        return type;
      }
    }
    throw new AssertionError("no type " + name);
  }

  private static ExecutableElement method(TypeElement type, String name) {
    for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
      if (method.getSimpleName().contentEquals(name)) {
        return method;
      }
    }
    throw new AssertionError("no method " + name);
  }

  private static Element field(TypeElement type, String name) {
    for (Element field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
      if (field.getSimpleName().contentEquals(name)) {
        return field;
      }
    }
    throw new AssertionError("no field " + name);
  }

  private static String locationOf(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
