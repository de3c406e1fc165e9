package org.pinning.processor.model;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.pinning.processor.PinCompiler.source;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code @Pinned} on a member says (DESIGN.md §2, §4.10): structurally pinned fields and
 * slots, pinned receivers (declared and inherited), constructors pinned from birth. Asked of
 * sources and of the same classes read back from class files.
 */
class MemberPinsTest {

  private static final JavaFileObject LIBRARY =
      source(
          "lib.Members",
          """
          package lib;
          import org.pinning.Pinned;
          public final class Members {}
          @Pinned class Task {}
          final class Cursor { @Pinned Task current; }
          final class Holder { @Pinned final Task task = new Task(); }
          interface Future { boolean poll(@Pinned Future this, int waker); }
          @SuppressWarnings("pin:override") // the receiver it inherits is what is asked
          class Sleeper implements Future { public boolean poll(int waker) { return true; } }
          class Plain { void run() {} }
          class Spawned { @Pinned Spawned(int a) {} @Pinned Spawned() {} }
          class Mixed { @Pinned Mixed(int a) {} Mixed() {} }
          final class Defaulted {}
          """);

  @TempDir Path classes;

  @Test
  void factsOfSourcesFollowTheAnnotations() {
    MemberProbe probe = new MemberProbe();
    assertThat(Compiler.javac().withProcessors(probe).compile(LIBRARY)).succeeded();
    assertEquals(expected(true), probe.facts);
  }

  @Test
  void factsOfClassFilesFollowTheAnnotationsAndReceiversOnlyFromJdk22() throws IOException {
    Compilation library = Compiler.javac().compile(LIBRARY);
    assertThat(library).succeeded();
    PinModelTest.writeClassFiles(library, classes);
    List<File> classPath = new ArrayList<>();
    classPath.add(classes.toFile());
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      classPath.add(new File(entry));
    }
    MemberProbe probe = new MemberProbe();
    assertThat(
            Compiler.javac()
                .withProcessors(probe)
                .withClasspath(classPath)
                .compile(source("app.Use", "package app; final class Use {}")))
        .succeeded();
    // javac reads type annotations of class-file members only from JDK 22 on (JDK-8225377).
    assertEquals(expected(Runtime.version().feature() >= 22), probe.facts);
  }

  private static Map<String, Boolean> expected(boolean receiversVisible) {
    Map<String, Boolean> facts = new LinkedHashMap<>();
    facts.put("isPinnedField(Cursor.current)", true);
    facts.put("isPinnedSlot(Cursor.current)", true);
    facts.put("isStructurallyPinned(Cursor.current)", false);
    facts.put("isPinnedDeclaration(Cursor)", false);
    facts.put("isPinnedSlot(Holder.task)", false);
    facts.put("isStructurallyPinned(Holder.task)", true);
    facts.put("isPinnedDeclaration(Holder)", true);
    facts.put("declaresPinnedReceiver(Future.poll)", receiversVisible);
    facts.put("hasPinnedReceiver(Future.poll)", receiversVisible);
    facts.put("declaresPinnedReceiver(Sleeper.poll)", false);
    facts.put("hasPinnedReceiver(Sleeper.poll)", receiversVisible);
    facts.put("hasPinnedReceiver(Plain.run)", false);
    facts.put("isPinnedFromBirth(Spawned.<init>)", true);
    facts.put("hasOnlyPinnedConstructors(Spawned)", true);
    facts.put("hasOnlyPinnedConstructors(Mixed)", false);
    facts.put("hasOnlyPinnedConstructors(Defaulted)", false);
    facts.put("hasOnlyPinnedConstructors(Future)", false);
    return facts;
  }

  /** Asks {@link MemberPins} about the library's members in the first round. */
  private static final class MemberProbe extends AbstractProcessor {
    final Map<String, Boolean> facts = new LinkedHashMap<>();
    private boolean asked;

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
      if (asked) {
        return false;
      }
      asked = true;
      Elements elements = processingEnv.getElementUtils();
      PinModel model = new PinModel(processingEnv.getTypeUtils(), elements);
      MemberPins members = model.members();
      VariableElement current = field(elements, "Cursor");
      VariableElement task = field(elements, "Holder");
      facts.put("isPinnedField(Cursor.current)", members.isPinnedField(current));
      facts.put("isPinnedSlot(Cursor.current)", members.isPinnedSlot(current));
      facts.put("isStructurallyPinned(Cursor.current)", members.isStructurallyPinned(current));
      facts.put("isPinnedDeclaration(Cursor)", model.isPinnedDeclaration(type(elements, "Cursor")));
      facts.put("isPinnedSlot(Holder.task)", members.isPinnedSlot(task));
      facts.put("isStructurallyPinned(Holder.task)", members.isStructurallyPinned(task));
      facts.put("isPinnedDeclaration(Holder)", model.isPinnedDeclaration(type(elements, "Holder")));
      ExecutableElement poll = method(elements, "Future");
      ExecutableElement sleeperPoll = method(elements, "Sleeper");
      facts.put("declaresPinnedReceiver(Future.poll)", members.declaresPinnedReceiver(poll));
      facts.put("hasPinnedReceiver(Future.poll)", members.hasPinnedReceiver(poll));
      facts.put(
          "declaresPinnedReceiver(Sleeper.poll)", members.declaresPinnedReceiver(sleeperPoll));
      facts.put("hasPinnedReceiver(Sleeper.poll)", members.hasPinnedReceiver(sleeperPoll));
      facts.put("hasPinnedReceiver(Plain.run)", members.hasPinnedReceiver(method(elements, "Plain")));
      TypeElement spawned = type(elements, "Spawned");
      facts.put(
          "isPinnedFromBirth(Spawned.<init>)",
          members.isPinnedFromBirth(
              ElementFilter.constructorsIn(spawned.getEnclosedElements()).get(0)));
      for (String name : List.of("Spawned", "Mixed", "Defaulted", "Future")) {
        facts.put(
            "hasOnlyPinnedConstructors(" + name + ")",
            members.hasOnlyPinnedConstructors(type(elements, name)));
      }
      return false;
    }

    private static TypeElement type(Elements elements, String name) {
      return elements.getTypeElement("lib." + name);
    }

    private static VariableElement field(Elements elements, String owner) {
      return ElementFilter.fieldsIn(type(elements, owner).getEnclosedElements()).get(0);
    }

    private static ExecutableElement method(Elements elements, String owner) {
      for (Element member : type(elements, owner).getEnclosedElements()) {
        if (member instanceof ExecutableElement method
            && !method.getSimpleName().contentEquals("<init>")) {
          return method;
        }
      }
      throw new AssertionError("no method in " + owner);
    }
  }
}
