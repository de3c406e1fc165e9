package org.pinning.processor.javac;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.pinning.processor.PinCompiler;
import org.pinning.processor.model.BorrowingModel;
import org.pinning.processor.model.PinMentions;
import org.pinning.processor.model.PinModel;

/**
 * Which members the full scan may skip: those whose code names nothing pinned. Every way a pin can
 * reach code must make its member scanned; ordinary code must be skipped (the point of the
 * shortcut: DESIGN.md §9). The rule tests show, besides, that no pin error is lost to it.
 */
class PinFreeMembersTest {
  private static final String LIBRARY =
      """
      package demo;
      import java.util.ArrayList;
      import java.util.List;
      import org.pinning.Pinned;
      import org.pinning.Unpin;

      @Pinned final class Task { void poll() {} }
      interface Handler { void handle(@Pinned Object o); }
      final class Registry {
        @Pinned Task current() { return null; }
        static Registry get() { return new Registry(); }
        static void keep(Object o) {}
      }
      final class Generics { static <T extends Task> T any() { return null; } }
      final class TaskList extends ArrayList<@Pinned Task> {}
      final class Holder<@Unpin T> { T value; }
      """;

  @Test
  void ordinaryMembersArePinFree() throws IOException {
    Map<String, Boolean> pinFree =
        pinFreeByMember(
            """
            package demo;
            import java.util.List;
            final class Ordinary {
              int count = 3;
              String name = "x";
              { count++; }
              static { System.out.println(Math.abs(-1)); }
              void loops(List<String> names) {
                for (String n : names) { count += n.length(); }
                Runnable r = () -> count++;
                r.run();
              }
              <T extends Comparable<T>> T max(T a, T b) { return a.compareTo(b) < 0 ? b : a; }
              @SuppressWarnings("unused") void suppressed() {}
              Holder<String> unpinnedArgument() { return null; }
              @Override public int hashCode() { return count; }
              @Override public String toString() { return name; }
              @Override public boolean equals(Object other) { return other == null; }
            }
            """);
    // An override of a borrowing method outside pinned types: its borrow brings no pin (§4.1).
    assertEquals(true, pinFree.remove("equals"));
    assertEquals(
        Map.of(
            "<clinit>", true,
            "<init>", true,
            "count", true,
            "hashCode", true,
            "loops", true,
            "max", true,
            "name", true,
            "suppressed", true,
            "toString", true,
            "unpinnedArgument", true),
        pinFree);
  }

  @Test
  void everyWayAPinReachesCodeGetsTheMemberScanned() throws IOException {
    Map<String, Boolean> pinFree =
        pinFreeByMember(
            """
            package demo;
            import java.util.ArrayList;
            import java.util.List;
            import org.pinning.Pinned;
            final class Reaching {
              List<@Pinned Task> tasks = new ArrayList<>();
              void namesPinnedType() { Object t = new Task(); }
              void readsPinnedContainer() { Object o = tasks; }
              void callsPinnedResult() { Object o = Registry.get().current(); }
              void pinnedParameter(@Pinned Object o) {}
              void pinnedLocal() { @Pinned Object o = new Object(); }
              void lambdaWithPinContract(List<Handler> all) { all.add(o -> {}); }
              void containerSubclass() { var l = new TaskList(); }
              <T extends Task> void boundedByPinned(T t) {}
              void callsMethodBoundedByPinned() { Object o = Generics.any(); }
              void anonymousClass() { new Object() { Task t; }; }
              void pinnedTypeArgument() { List<@Pinned Object> l = null; }
              void unpinTypeParameter() { Holder<Task> h = null; }
            }
            """);
    pinFree.remove("<init>");
    pinFree.values().removeIf(free -> !free);
    assertEquals(Map.of(), pinFree, "members wrongly found pin-free");
  }

  /** Its parameter is checked as if @Pinned in a pinned type only (DESIGN.md §4.1). */
  @Test
  void anOverrideOfABorrowingMethodIsScannedInAPinnedType() throws IOException {
    Map<String, Boolean> pinFree =
        pinFreeByMember(
            """
            package demo;
            import org.pinning.Pinned;
            @Pinned final class Key {
              @Override public boolean equals(Object other) { return other == null; }
            }
            """);
    assertEquals(false, pinFree.get("equals"));
  }

  @Test
  void membersWithUnresolvedNamesAreScanned() throws IOException {
    Map<String, Boolean> pinFree =
        pinFreeByMember(
            """
            package demo;
            final class Broken {
              void unresolved() { Missing m = null; }
              void unresolvedParameter(Missing m) {}
              void fine() {}
            }
            """);
    assertEquals(false, pinFree.get("unresolved"));
    assertEquals(false, pinFree.get("unresolvedParameter"));
    assertEquals(true, pinFree.get("fine"));
  }

  /** Each member of the last source's first class, by name, and whether it is pin-free. */
  private static Map<String, Boolean> pinFreeByMember(String source) throws IOException {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    List<JavaFileObject> files =
        List.of(
            PinCompiler.source("demo.Task", LIBRARY), PinCompiler.source("demo.Members", source));
    JavacTask task =
        (JavacTask)
            compiler.getTask(
                new StringWriter(),
                null,
                d -> {},
                List.of("-proc:none", "-classpath", System.getProperty("java.class.path")),
                null,
                files);
    Iterable<? extends CompilationUnitTree> units = task.parse();
    task.analyze();
    Trees trees = Trees.instance(task);
    PinModel model = new PinModel(task.getTypes(), task.getElements());
    PinFreeMembers pinFree =
        new PinFreeMembers(
            trees,
            task.getElements(),
            model,
            new PinMentions(model),
            new BorrowingModel(task.getElements(), task.getTypes(), List.of()));
    CompilationUnitTree unit = last(units);
    Map<String, Boolean> result = new TreeMap<>();
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitClass(ClassTree node, Void unused) {
        if (!result.isEmpty() || getCurrentPath().getParentPath().getLeaf() instanceof ClassTree) {
          return null; // members of the first top-level class only
        }
        for (Tree member : node.getMembers()) {
          result.merge(
              nameOf(member),
              pinFree.isPinFree(new TreePath(getCurrentPath(), member)),
              Boolean::logicalAnd);
        }
        return null;
      }
    }.scan(unit, null);
    return result;
  }

  private static String nameOf(Tree member) {
    if (member instanceof MethodTree method) {
      return method.getName().toString();
    }
    if (member instanceof VariableTree variable) {
      return variable.getName().toString();
    }
    return "<clinit>"; // an initializer block, static or not
  }

  private static <T> T last(Iterable<? extends T> all) {
    T last = null;
    for (T each : all) {
      last = each;
    }
    return last;
  }
}
