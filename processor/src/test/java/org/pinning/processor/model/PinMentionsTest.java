package org.pinning.processor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.pinning.processor.PinCompiler;

/**
 * What the quick walk asks of types and locals: whether naming them can bring a pin into code. A
 * plain class name is answered from its class's cached fact, anything else by following the type;
 * both must give the answer the whole type gives.
 */
class PinMentionsTest {
  private static final String SOURCE =
      """
      package demo;
      import java.util.ArrayList;
      import java.util.List;
      import org.pinning.Pinned;

      @Pinned final class Task {}
      final class Plain { int size; }
      final class TaskList extends ArrayList<@Pinned Task> {}
      final class Contract { void take(@Pinned Object o) {} }
      class Receiving { void poll(@Pinned Receiving this) {} void run() {} }
      class Outer<T> { class Inner {} }

      final class Probe {
        int primitive;
        String string;
        Plain plain;
        Task pinned;
        TaskList pinnedBySupertype;
        Contract pinContract;
        Receiving pinnedReceiverContract;
        List<String> pinFreeArgument;
        List<Task> pinnedArgument;
        Outer<Task>.Inner pinnedEnclosing;
        Outer<Plain>.Inner pinFreeEnclosing;
        Task[] pinnedArray;
        List<@Pinned Object> pinnedTypeUse;

        void locals() {
          int localPrimitive = 0;
          Plain localPlain = null;
          var localPinnedBySupertype = new TaskList();
          Task localPinned = null;
          @Pinned Object localAnnotated = null;
        }
      }
      """;

  @Test
  void typesAnswerAsTheirWholeTypeDoes() throws IOException {
    Map<String, Boolean> expected = new TreeMap<>();
    expected.put("primitive", false);
    expected.put("string", false);
    expected.put("plain", false);
    expected.put("pinned", true);
    expected.put("pinnedBySupertype", true);
    expected.put("pinContract", true);
    expected.put("pinnedReceiverContract", true);
    expected.put("Receiving.poll", true);
    expected.put("Receiving.run", false);
    expected.put("pinFreeArgument", false);
    expected.put("pinnedArgument", true);
    expected.put("pinnedEnclosing", true);
    expected.put("pinFreeEnclosing", false);
    expected.put("pinnedArray", true);
    expected.put("pinnedTypeUse", true);
    expected.put("localPrimitive", false);
    expected.put("localPlain", false);
    expected.put("localPinnedBySupertype", true);
    expected.put("localPinned", true);
    expected.put("localAnnotated", true);
    assertEquals(expected, answers());
  }

  /** Each field's type and each local of {@code Probe}, asked in declaration order. */
  private static Map<String, Boolean> answers() throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    JavacTask task =
        (JavacTask)
            javac.getTask(
                new StringWriter(),
                null,
                d -> {},
                List.of("-proc:none", "-classpath", System.getProperty("java.class.path")),
                null,
                List.of(PinCompiler.source("demo.Probe", SOURCE)));
    task.analyze();
    PinMentions mentions = new PinMentions(new PinModel(task.getTypes(), task.getElements()));
    TypeElement probe = task.getElements().getTypeElement("demo.Probe");
    Map<String, Boolean> answers = new TreeMap<>();
    for (Element field : ElementFilter.fieldsIn(probe.getEnclosedElements())) {
      answers.put(field.getSimpleName().toString(), mentions.type(field.asType()));
    }
    TypeElement receiving = task.getElements().getTypeElement("demo.Receiving");
    for (Element method : ElementFilter.methodsIn(receiving.getEnclosedElements())) {
      answers.put("Receiving." + method.getSimpleName(), mentions.element(method));
    }
    Trees trees = Trees.instance(task);
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitVariable(VariableTree node, Void unused) {
        Element local = trees.getElement(getCurrentPath());
        if (local.getKind() == ElementKind.LOCAL_VARIABLE) {
          answers.put(local.getSimpleName().toString(), mentions.element(local));
        }
        return super.visitVariable(node, unused);
      }
    }.scan(trees.getPath(probe), null);
    return answers;
  }
}
