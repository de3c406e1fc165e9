package org.pinning.processor.model;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.pinning.processor.PinCompiler.compile;
import static org.pinning.processor.PinCompiler.source;

import com.google.testing.compile.Compilation;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Borrowing library methods (DESIGN.md §4.1): the built-in model, its extension with {@code
 * -Apin.borrowing=}, and what a borrow does not do (pin its argument).
 */
class BorrowingModelTest {

  private static JavaFileObject task() {
    return source(
        "demo.Task",
        """
        package demo;
        @org.pinning.Pinned
        public class Task implements Comparable<Task> {
          public void poll() {}
          @Override public int compareTo(Task other) { return 0; }
        }
        """);
  }

  /** A user library whose methods keep nothing, but say nothing about it. */
  private static JavaFileObject log() {
    return source(
        "demo.Log",
        """
        package demo;
        public class Log {
          public static void keep(Object value) {}
          public static void keep(Object value, int level) {}
          public static void drop(Object value) {}
          public void note(Object value) {}
        }
        """);
  }

  /** {@code demo.User} whose method {@code use} runs {@code statements}; they begin on line 8. */
  private static JavaFileObject user(String statements) {
    return source(
        "demo.User",
        """
        package demo;
        import java.util.*;
        import org.pinning.Pinned;
        public final class User {
          Object stash;
          void use(@Pinned Task task, @Pinned Task other, Map<Object, String> names,
              List<Object> seen, StringBuilder text, java.io.PrintWriter out) {
        %s
          }
        }
        """
            .formatted(statements));
  }

  // The built-in model

  @Test
  void objectsMethodsBorrowPinnedArguments() {
    assertThat(
            compile(
                task(),
                user(
                    """
                    Objects.requireNonNull(task, "task");
                    int h = Objects.hash(task, other) + Objects.hashCode(task);
                    String s = Objects.toString(task);
                    boolean b = Objects.equals(task, other) || Objects.isNull(task)
                        || Objects.nonNull(task);
                    Object either = Objects.requireNonNullElse(task, other);
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void stringFormattingBorrowsPinnedArguments() {
    assertThat(
            compile(
                task(),
                user(
                    """
                    String s = String.valueOf(task) + String.format("%s", task)
                        + "%s".formatted(task) + java.text.MessageFormat.format("{0}", task);
                    text.append(task);
                    int id = System.identityHashCode(task);
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void printingBorrowsPinnedArguments() {
    assertThat(
            compile(
                task(),
                user(
                    """
                    System.out.println(task);
                    System.out.print(task);
                    System.out.printf("%s%n", task);
                    System.err.format("%s%n", task);
                    out.println(task);
                    out.printf("%s", task);
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void collectionQueriesBorrowPinnedArguments() {
    assertThat(
            compile(
                task(),
                user(
                    """
                    boolean b = seen.contains(task) || names.containsKey(task)
                        || names.containsValue(task);
                    int i = seen.indexOf(task) + seen.lastIndexOf(task);
                    String n = names.get(task);
                    names.remove(task);
                    seen.remove(task);
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void equalsAndCompareToBorrowPinnedArguments() {
    assertThat(
            compile(
                task(),
                user(
                    """
                    boolean same = task.equals(other) && "x".equals(task);
                    int order = task.compareTo(other);
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void collectionMethodOutsideTheModelMovesAPinnedArgument() {
    JavaFileObject user =
        user(
            """
                seen.add(task);
            """);
    Compilation compilation = compile(task(), user);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[pin:move] pinned value 'task' moves into")
        .inFile(user)
        .onLineContaining("seen.add(task);");
  }

  @Test
  void borrowingDoesNotPinAnUnpinnedArgument() {
    assertThat(
            compile(
                task(),
                user(
                    """
                    Task fresh = new Task();
                    Objects.requireNonNull(fresh);
                    System.out.println(fresh);
                    stash = fresh;
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void requireNonNullReturnsItsPinnedArgumentPinned() {
    JavaFileObject user =
        user(
            """
                Task same = Objects.requireNonNull(task);
                stash = same;
            """);
    Compilation compilation = compile(task(), user);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[pin:move] pinned value 'same'")
        .inFile(user)
        .onLineContaining("stash = same;");
    assertThat(compilation).hadErrorContaining("moves into unpinned field 'stash'");
  }

  @Test
  void overrideOfAModelMethodInheritsTheBorrow() {
    // equals(Object) is in the model: its parameter is checked as if @Pinned.
    JavaFileObject key =
        source(
            "demo.Key",
            """
            package demo;
            public final class Key {
              static Object last;
              @Override public boolean equals(Object other) {
                last = other;
                return false;
              }
              @Override public int hashCode() { return 1; }
            }
            """);
    Compilation compilation = compile(key);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[pin:move] pinned value 'other' moves into unpinned field 'last'")
        .inFile(key)
        .onLineContaining("last = other;");
  }

  @Test
  void overrideOfAModelMethodThatOnlyComparesIsAccepted() {
    assertThat(
            compile(
                source(
                    "demo.Key",
                    """
                    package demo;
                    public final class Key {
                      @Override public boolean equals(Object other) {
                        return other instanceof Key && other.hashCode() == hashCode();
                      }
                      @Override public int hashCode() { return 1; }
                    }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void borrowedParameterMayBeLentToAMethodButNotGivenToAConstructor() {
    JavaFileObject key =
        source(
            "demo.Key",
            """
            package demo;
            final class Holder {
              final Object value;
              Holder(Object value) { this.value = value; }
            }
            public final class Key {
              Holder last;
              @Override public boolean equals(Object other) {
                last = new Holder(other);
                return same(other);
              }
              private boolean same(Object other) { return other == this; }
              @Override public int hashCode() { return 1; }
            }
            """);
    Compilation compilation = compile(key);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:move] pinned value 'other' moves into unpinned parameter 'value' of"
                + " 'new Holder(Object)'")
        .inFile(key)
        .onLineContaining("last = new Holder(other);");
  }

  // -Apin.borrowing

  @Test
  void userMethodWithoutTheOptionMovesAPinnedArgument() {
    JavaFileObject user =
        user(
            """
                Log.keep(task);
            """);
    Compilation compilation = compile(task(), log(), user);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:move] pinned value 'task' moves into unpinned parameter 'value' of"
                + " 'Log.keep(Object)'")
        .inFile(user)
        .onLineContaining("Log.keep(task);");
  }

  @Test
  void borrowingOptionMakesEveryOverloadOfTheMethodBorrowing() {
    assertThat(
            compile(
                List.of("-Apin.borrowing=demo.Log#keep"),
                task(),
                log(),
                user(
                    """
                    Log.keep(task);
                    Log.keep(task, 2);
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void borrowingOptionLeavesOtherMethodsOfTheTypeMoving() {
    JavaFileObject user =
        user(
            """
                Log.keep(task);
                Log.drop(task);
            """);
    Compilation compilation =
        compile(List.of("-Apin.borrowing=demo.Log#keep"), task(), log(), user);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:move] pinned value 'task' moves into unpinned parameter 'value' of"
                + " 'Log.drop(Object)'")
        .inFile(user)
        .onLineContaining("Log.drop(task);");
  }

  @Test
  void borrowingOptionWithAStarMakesEveryMethodOfTheTypeBorrowing() {
    assertThat(
            compile(
                List.of("-Apin.borrowing=demo.Log#*"),
                task(),
                log(),
                user(
                    """
                    Log.keep(task);
                    Log.drop(task);
                    new Log().note(task);
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void borrowingOptionWithAPrefixCoversOnlyTheMethodsItStarts() {
    JavaFileObject user =
        user(
            """
                Log.keep(task);
                Log.drop(task);
            """);
    Compilation compilation =
        compile(List.of("-Apin.borrowing=demo.Log#ke*"), task(), log(), user);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:move] pinned value 'task' moves into unpinned parameter 'value' of"
                + " 'Log.drop(Object)'")
        .inFile(user)
        .onLineContaining("Log.drop(task);");
  }

  @Test
  void borrowingOptionMayNameAJdkTypeOutsideJavaBase() {
    String logging =
        "java.util.logging.Logger.getGlobal().log(java.util.logging.Level.INFO, \"{0}\", task);";
    assertThat(
            compile(List.of("-Apin.borrowing=java.util.logging.Logger#log"), task(), user(logging)))
        .succeededWithoutWarnings();
    // The closest program without the entry: the logger keeps its argument, as far as we know.
    Compilation without = compile(List.of(), task(), user(logging));
    assertThat(without).hadErrorCount(1);
    assertThat(without).hadErrorContaining("[pin:move] pinned value 'task' moves into");
  }

  @Test
  void borrowingOptionTakesSeveralEntries() {
    assertThat(
            compile(
                List.of("-Apin.borrowing=demo.Log#keep,demo.Log#drop"),
                task(),
                log(),
                user(
                    """
                    Log.keep(task);
                    Log.drop(task);
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void borrowingOptionCoversOverrides() {
    JavaFileObject fileLog =
        source(
            "demo.FileLog",
            """
            package demo;
            public final class FileLog extends Log {
              @Override public void note(Object value) {}
            }
            """);
    assertThat(
            compile(
                List.of("-Apin.borrowing=demo.Log#note"),
                task(),
                log(),
                fileLog,
                user(
                    """
                    new FileLog().note(task);
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void overrideOfAUserBorrowingMethodMayNotKeepItsArgument() {
    JavaFileObject fileLog =
        source(
            "demo.FileLog",
            """
            package demo;
            public final class FileLog extends Log {
              Object kept;
              @Override public void note(Object value) {
                kept = value;
              }
            }
            """);
    Compilation compilation =
        compile(List.of("-Apin.borrowing=demo.Log#note"), task(), log(), fileLog);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[pin:move] pinned value 'value' moves into unpinned field 'kept'")
        .inFile(fileLog)
        .onLineContaining("kept = value;");
  }

  @Test
  void borrowingOptionDoesNotPinAnUnpinnedArgument() {
    assertThat(
            compile(
                List.of("-Apin.borrowing=demo.Log#keep"),
                task(),
                log(),
                user(
                    """
                    Task fresh = new Task();
                    Log.keep(fresh);
                    stash = fresh;
                    """)))
        .succeededWithoutWarnings();
  }
}
