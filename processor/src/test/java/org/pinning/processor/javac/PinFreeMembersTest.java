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

  /**
   * A class judged as a whole (the shortcut that leaves it at one walk, declaration rules and all):
   * pin-free only where nothing in it, nor anything it extends or implements, meets a pin.
   */
  @Test
  void aClassIsPinFreeAsAWholeOnlyWhereNothingInItOrAboveItMeetsAPin() throws IOException {
    Map<String, Boolean> pinFree =
        pinFreeByClass(
            """
            package demo;
            import java.util.ArrayList;
            import java.util.List;
            import org.pinning.Pinned;
            import org.pinning.Unpin;
            final class Ordinary {
              int count;
              void loops(List<String> names) { for (String n : names) { count += n.length(); } }
              final class Inner { int size() { return count; } }
            }
            final class ImplementsAPinContract implements Handler {
              public void handle(Object o) {}
            }
            final class ExtendsAPinnedContainer extends ArrayList<@Pinned Task> {}
            final class PinnedArgumentInItsClause implements Comparable<Task> {
              public int compareTo(Task t) { return 0; }
            }
            final class PinnedNestedClass { @Pinned static final class Node {} }
            final class NestedClassWithAPinContract { abstract static class H implements Handler {} }
            @Unpin final class WritesUnpin {}
            final class PinInTheLastMember { void plain() {} void last() { Object t = new Task(); } }
            """);
    assertEquals(
        Map.of(
            "Ordinary", true,
            "ImplementsAPinContract", false,
            "ExtendsAPinnedContainer", false,
            "PinnedArgumentInItsClause", false,
            "PinnedNestedClass", false,
            "NestedClassWithAPinContract", false,
            "WritesUnpin", false,
            "PinInTheLastMember", false),
        pinFree);
  }

  /**
   * The members a whole-class walk passed before it met a pin are known pin-free to the full scan;
   * those after it are still walked on their own.
   */
  @Test
  void membersAroundTheFirstPinAreJudgedOneByOne() throws IOException {
    Map<String, Boolean> pinFree =
        pinFreeByMember(
            """
            package demo;
            final class Mixed {
              void before() {}
              void pinned() { Object t = new Task(); }
              void after() {}
              void alsoPinned() { Task t = null; }
            }
            """,
            true);
    assertEquals(
        Map.of(
            "<init>", true, "before", true, "pinned", false, "after", true, "alsoPinned", false),
        pinFree);
  }

  /** Each top-level class of the last source, by name, and whether it is pin-free as a whole. */
  private static Map<String, Boolean> pinFreeByClass(String source) throws IOException {
    Analyzed analyzed = analyze(source);
    Map<String, Boolean> result = new TreeMap<>();
    TreePath root = new TreePath(analyzed.unit());
    for (Tree declaration : analyzed.unit().getTypeDecls()) {
      if (declaration instanceof ClassTree type) {
        result.put(
            type.getSimpleName().toString(),
            analyzed.pinFree().isPinFreeClass(new TreePath(root, type)));
      }
    }
    return result;
  }

  private record Analyzed(CompilationUnitTree unit, PinFreeMembers pinFree) {}

  /** Each member of the last source's first class, by name, and whether it is pin-free. */
  private static Map<String, Boolean> pinFreeByMember(String source) throws IOException {
    return pinFreeByMember(source, false);
  }

  /**
   * The same, after the class was first judged as a whole ({@code wholeClassFirst}), as the checker
   * does before it scans a class in full.
   */
  private static Map<String, Boolean> pinFreeByMember(String source, boolean wholeClassFirst)
      throws IOException {
    Analyzed analyzed = analyze(source);
    PinFreeMembers pinFree = analyzed.pinFree();
    Map<String, Boolean> result = new TreeMap<>();
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitClass(ClassTree node, Void unused) {
        if (!result.isEmpty() || getCurrentPath().getParentPath().getLeaf() instanceof ClassTree) {
          return null; // members of the first top-level class only
        }
        if (wholeClassFirst) {
          pinFree.isPinFreeClass(getCurrentPath());
        }
        for (Tree member : node.getMembers()) {
          result.merge(
              nameOf(member),
              pinFree.isPinFree(new TreePath(getCurrentPath(), member)),
              Boolean::logicalAnd);
        }
        return null;
      }
    }.scan(analyzed.unit(), null);
    return result;
  }

  private static Analyzed analyze(String source) throws IOException {
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
    return new Analyzed(last(units), pinFree);
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
