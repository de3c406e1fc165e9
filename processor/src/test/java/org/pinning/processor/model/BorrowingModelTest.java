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

  // The receiver coordinate of field access by handle (the object whose field is accessed)

  /** {@code demo.Node}, a pinned type whose method {@code link} runs {@code statements}. */
  private static JavaFileObject node(String statements) {
    return source(
        "demo.Node",
        """
        package demo;
        import java.lang.invoke.*;
        import java.util.concurrent.atomic.*;
        @org.pinning.Pinned
        public final class Node {
          static final VarHandle NEXT;
          static {
            try {
              NEXT = MethodHandles.lookup().findVarHandle(Node.class, "next", Object.class);
            } catch (ReflectiveOperationException e) {
              throw new ExceptionInInitializerError(e);
            }
          }
          static final AtomicReferenceFieldUpdater<Node, Object> RESULT =
              AtomicReferenceFieldUpdater.newUpdater(Node.class, Object.class, "result");
          static final AtomicIntegerFieldUpdater<Node> STATE =
              AtomicIntegerFieldUpdater.newUpdater(Node.class, "state");
          static final AtomicLongFieldUpdater<Node> COUNT =
              AtomicLongFieldUpdater.newUpdater(Node.class, "count");
          volatile Object next;
          volatile Object result;
          volatile int state;
          volatile long count;
          void link(Node other, Object value) {
        %s
          }
        }
        """
            .formatted(statements));
  }

  /** One {@code pin:move} of {@code this}, on the line of {@code file} containing {@code line}. */
  private static void assertOneMoveOfThis(
      Compilation compilation, JavaFileObject file, String line) {
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[pin:move] pinned value 'this' moves into")
        .inFile(file)
        .onLineContaining(line);
  }

  @Test
  void varHandleAccessModesBorrowTheObjectWhoseFieldTheyAccess() {
    assertThat(
            compile(
                node(
                    """
                    NEXT.set(this, value);
                    NEXT.setRelease(this, value);
                    NEXT.setVolatile(this, value);
                    boolean swapped = NEXT.compareAndSet(this, null, value)
                        || NEXT.weakCompareAndSetPlain(this, null, value);
                    Object seen = NEXT.getAcquire(this);
                    Object old = NEXT.getAndSet(this, value);
                    Object witness = NEXT.compareAndExchangeRelease(this, null, value);
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void varHandleStillMovesThePinnedValueItStores() {
    JavaFileObject node = node("    NEXT.set(other, this);");
    Compilation compilation = compile(node);
    assertOneMoveOfThis(compilation, node, "NEXT.set(other, this);");
    // VarHandle.set keeps the value: offering -Apin.borrowing for it would be wrong.
    assertThat(compilation)
        .hadErrorContaining(
            "help: a VarHandle stores it into a field the checker cannot see: declare that field"
                + " @Pinned and suppress pin:move on this access");
  }

  @Test
  void varHandleStoringIntoAPinnedSlotUnderSuppressionIsAccepted() {
    // The fix the help line offers: the field is a pinned slot, the access is vouched for.
    JavaFileObject node =
        source(
            "demo.Node",
            """
            package demo;
            import java.lang.invoke.*;
            import org.pinning.Pinned;
            @Pinned
            public final class Node {
              static final VarHandle NEXT;
              static {
                try {
                  NEXT = MethodHandles.lookup().findVarHandle(Node.class, "next", Node.class);
                } catch (ReflectiveOperationException e) {
                  throw new ExceptionInInitializerError(e);
                }
              }
              @Pinned volatile Node next;
              @SuppressWarnings("pin:move") // NEXT writes the pinned slot 'next'
              void link(@Pinned Node this, @Pinned Node other) {
                NEXT.setRelease(other, this);
              }
            }
            """);
    assertThat(compile(node)).succeededWithoutWarnings();
  }

  @Test
  void fieldUpdatersBorrowTheObjectWhoseFieldTheyUpdate() {
    assertThat(
            compile(
                node(
                    """
                    boolean done = RESULT.compareAndSet(this, null, value);
                    RESULT.lazySet(this, value);
                    Object result = RESULT.get(this);
                    Object old = RESULT.getAndUpdate(this, v -> value);
                    int state = STATE.incrementAndGet(this) + STATE.getAndAdd(this, 2);
                    STATE.set(this, 0);
                    long count = COUNT.addAndGet(this, 1) + COUNT.getAndIncrement(this);
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void fieldUpdaterStillMovesThePinnedValueItStores() {
    JavaFileObject node = node("    RESULT.set(other, this);");
    Compilation compilation = compile(node);
    assertOneMoveOfThis(compilation, node, "RESULT.set(other, this);");
    assertThat(compilation)
        .hadErrorContaining(
            "help: declare the updater with a @Pinned value type argument, as"
                + " 'AtomicReferenceFieldUpdater<Node, @Pinned Node>', and its field @Pinned");
  }

  @Test
  void fieldUpdaterWithAPinnedValueTypeArgumentStoresPinnedValues() {
    // The fix the help line offers.
    JavaFileObject node =
        source(
            "demo.Node",
            """
            package demo;
            import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;
            import org.pinning.Pinned;
            @Pinned
            public final class Node {
              static final AtomicReferenceFieldUpdater<Node, @Pinned Node> NEXT =
                  AtomicReferenceFieldUpdater.newUpdater(Node.class, Node.class, "next");
              @Pinned volatile Node next;
              void link(@Pinned Node this, @Pinned Node other) {
                NEXT.set(other, this);
              }
            }
            """);
    assertThat(compile(node)).succeededWithoutWarnings();
  }

  @Test
  void librarySetterThatKeepsThePinnedValueIsNotOfferedBorrowing() {
    JavaFileObject task =
        source(
            "demo.Task",
            """
            package demo;
            @org.pinning.Pinned
            public final class Task implements Thread.UncaughtExceptionHandler {
              @Override
              public void uncaughtException(Thread t, Throwable e) {}
              void watch(Thread thread) {
                thread.setUncaughtExceptionHandler(this);
              }
            }
            """);
    Compilation compilation = compile(task);
    assertOneMoveOfThis(compilation, task, "thread.setUncaughtExceptionHandler(this);");
    assertThat(compilation)
        .hadErrorContaining(
            "help: 'setUncaughtExceptionHandler(Thread.UncaughtExceptionHandler)' keeps its argument:"
                + " declare its parameter @Pinned where it is declared (-Apin.borrowing is only"
                + " for methods that do not keep it)");
  }

  /** {@code demo.Cell}, a pinned type whose method {@code set} runs {@code statements}. */
  private static JavaFileObject cell(String unsafe, String statements) {
    return source(
        "demo.Cell",
        """
        package demo;
        @org.pinning.Pinned
        public final class Cell {
          static final %s U = null;
          static final long VALUE = 16;
          volatile Object value;
          volatile int state;
          void set(Cell other, Object v) {
        %s
          }
        }
        """
            .formatted(unsafe, statements));
  }

  /** javac warns about sun.misc.Unsafe itself; no pin diagnostic may come with it. */
  private static void assertNoPinDiagnostics(Compilation compilation) {
    assertThat(compilation).succeeded();
    for (var diagnostic : compilation.diagnostics()) {
      org.junit.jupiter.api.Assertions.assertFalse(
          diagnostic.getMessage(null).contains("[pin:"), diagnostic.toString());
    }
  }

  @Test
  void sunMiscUnsafeFieldAccessorsBorrowTheObject() {
    assertNoPinDiagnostics(
        compile(
            cell(
                "sun.misc.Unsafe",
                """
                U.putObject(this, VALUE, v);
                U.putOrderedObject(this, VALUE, v);
                U.putObjectVolatile(this, VALUE, v);
                boolean swapped = U.compareAndSwapObject(this, VALUE, null, v)
                    && U.compareAndSwapInt(this, VALUE, 0, 1);
                Object seen = U.getObjectVolatile(this, VALUE);
                int state = U.getAndAddInt(this, VALUE, 1) + U.getInt(this, VALUE);
                Object old = U.getAndSetObject(this, VALUE, v);
                """)));
  }

  @Test
  void sunMiscUnsafeStillMovesThePinnedValueItStores() {
    JavaFileObject cell = cell("sun.misc.Unsafe", "    U.putObject(other, VALUE, this);");
    assertOneMoveOfThis(compile(cell), cell, "U.putObject(other, VALUE, this);");
  }

  @Test
  void jdkInternalUnsafeFieldAccessorsBorrowTheObject() {
    List<String> open = List.of("--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED");
    assertNoPinDiagnostics(
        compile(
            open,
            cell(
                "jdk.internal.misc.Unsafe",
                """
                U.putReference(this, VALUE, v);
                U.putReferenceRelease(this, VALUE, v);
                boolean swapped = U.compareAndSetReference(this, VALUE, null, v)
                    || U.weakCompareAndSetIntPlain(this, VALUE, 0, 1);
                Object seen = U.getReferenceAcquire(this, VALUE);
                int state = U.getAndBitwiseOrInt(this, VALUE, 1) + U.getIntOpaque(this, VALUE);
                """)));
    JavaFileObject bad =
        cell("jdk.internal.misc.Unsafe", "    U.putReference(other, VALUE, this);");
    assertOneMoveOfThis(compile(open, bad), bad, "U.putReference(other, VALUE, this);");
  }

  // Comparators and the in-place algorithms of Collections

  /** {@code demo.Ranked}, a pinned type whose {@code compareTo} returns {@code comparison}. */
  private static JavaFileObject ranked(String comparison) {
    return source(
        "demo.Ranked",
        """
        package demo;
        import java.util.*;
        @org.pinning.Pinned
        public final class Ranked implements Comparable<Ranked> {
          static final Comparator<Ranked> ORDER = Comparator.comparingInt(r -> r.rank);
          int rank;
          @Override public int compareTo(Ranked other) {
            return %s;
          }
        }
        """
            .formatted(comparison));
  }

  @Test
  void comparatorCompareBorrowsPinnedArguments() {
    assertThat(compile(ranked("ORDER.compare(this, other)"))).succeededWithoutWarnings();
  }

  @Test
  void everyComparatorsCompareBorrowsPinnedArguments() {
    assertThat(
            compile(
                ranked(
                    """
                    ORDER.compare(other, this)
                          + ORDER.reversed().compare(this, other)
                          + Comparator.comparingInt((Ranked r) -> r.rank).compare(this, other)
                          + Comparator.<Ranked>naturalOrder().compare(this, other)""")))
        .succeededWithoutWarnings();
  }

  @Test
  void comparisonOutsideTheModelMovesThePinnedReceiver() {
    JavaFileObject ranked = ranked("Objects.compare(this, other, ORDER)");
    Compilation compilation = compile(ranked);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[pin:move] pinned value 'this' moves into unpinned parameter 'a'")
        .inFile(ranked)
        .onLineContaining("Objects.compare(this, other, ORDER);");
  }

  /** {@code demo.Queue} over pinned containers, whose method {@code reorder} runs {@code body}. */
  private static JavaFileObject queue(String body) {
    return source(
        "demo.Queue",
        """
        package demo;
        import java.util.*;
        import org.pinning.Pinned;
        public final class Queue {
          final List<@Pinned Task> running = new ArrayList<>();
          final Set<@Pinned Task> done = new HashSet<>();
          final List<Object> plain = new ArrayList<>();
          void reorder(Comparator<Task> order) {
        %s
          }
        }
        """
            .formatted(body));
  }

  @Test
  void collectionsAlgorithmsInPlaceBorrowAPinnedContainer() {
    assertThat(
            compile(
                task(),
                queue(
                    """
                    Collections.sort(running, order);
                    Collections.reverse(running);
                    Collections.shuffle(running);
                    Collections.shuffle(running, new Random(1));
                    Collections.swap(running, 0, 1);
                    Collections.rotate(running, 1);
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void bulkQueriesBorrowAPinnedContainer() {
    assertThat(
            compile(
                task(),
                queue(
                    """
                    boolean all = running.containsAll(done) && plain.containsAll(running);
                    running.removeAll(done);
                    running.retainAll(done);
                    plain.removeAll(done);
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void collectionsMethodThatKeepsTheContainerMovesItsPinnedElements() {
    JavaFileObject queue =
        queue(
            """
                List<Task> view = Collections.synchronizedList(running);
                plain.addAll(done);
            """);
    Compilation compilation = compile(task(), queue);
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation)
        .hadErrorContaining("[pin:move] pinned elements of 'running' move into")
        .inFile(queue)
        .onLineContaining("Collections.synchronizedList(running);");
    assertThat(compilation)
        .hadErrorContaining("[pin:move] pinned elements of 'done' move into")
        .inFile(queue)
        .onLineContaining("plain.addAll(done);");
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
    // equals(Object) is in the model: in a pinned type its parameter is checked as if @Pinned.
    JavaFileObject key =
        source(
            "demo.Key",
            """
            package demo;
            @org.pinning.Pinned
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
  void equalsThatRemembersItsArgumentInAPlainClassIsAccepted() {
    // Code that declares and uses no pinned type gets no diagnostic, ever (§4.1).
    assertThat(
            compile(
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
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void staticHelperNamedLikeAModelMethodIsNoOverride() {
    // Commons Collections4's CollectionUtils, unmodified: a static equals(a, b) is not
    // Object.equals, and its parameters are ordinary ones, even in a pinned type.
    String helper =
        """
        package demo;
        import java.util.*;
        %spublic class Utils {
          private static class CardinalityHelper<O> {
            static boolean equals(final Collection<?> a, final Collection<?> b) {
              return new ArrayList<>(a).equals(new ArrayList<>(b));
            }
          }
        }
        """;
    assertThat(compile(source("demo.Utils", helper.formatted(""))))
        .succeededWithoutWarnings();
    assertThat(compile(source("demo.Utils", helper.formatted("@org.pinning.Pinned\n"))))
        .succeededWithoutWarnings();
  }

  @Test
  void staticHelperNamedLikeAModelMethodDoesNotBorrowAPinnedArgument() {
    // The closest program that is rejected: a pinned value given to that static helper moves.
    JavaFileObject helper =
        source(
            "demo.Helper",
            """
            package demo;
            public final class Helper {
              static boolean equals(Object a, Object b) { return a == b; }
            }
            """);
    JavaFileObject user =
        user(
            """
                boolean same = Objects.equals(task, other) && task.equals(other);
                boolean kept = Helper.equals(task, other);
            """);
    Compilation compilation = compile(task(), helper, user);
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation)
        .hadErrorContaining("[pin:move] pinned value 'task' moves into unpinned parameter 'a'")
        .inFile(user)
        .onLineContaining("Helper.equals(task, other);");
    assertThat(compilation)
        .hadErrorContaining("[pin:move] pinned value 'other' moves into unpinned parameter 'b'")
        .inFile(user)
        .onLineContaining("Helper.equals(task, other);");
  }

  @Test
  void overloadThatSharesTheNameOfAModelMethodIsNoOverride() {
    // equals(Key) overloads equals(Object): its parameter is an ordinary, unpinned one.
    assertThat(
            compile(
                source(
                    "demo.Key",
                    """
                    package demo;
                    @org.pinning.Pinned
                    public final class Key {
                      static Object last;
                      public boolean equals(Key other) {
                        last = other;
                        return false;
                      }
                    }
                    """)))
        .succeededWithoutWarnings();
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
            @org.pinning.Pinned
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
            @org.pinning.Pinned
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
