package org.pinning.processor.rules;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.pinning.processor.PinCompiler.compile;
import static org.pinning.processor.PinCompiler.source;

import com.google.testing.compile.Compilation;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** {@code pin:override} (DESIGN.md §4.6). */
class OverrideRuleTest {

  private static JavaFileObject task() {
    return source("demo.Task", "package demo;\n@org.pinning.Pinned public final class Task {}");
  }

  private static JavaFileObject sink() {
    return source(
        "demo.Sink",
        """
        package demo;
        import org.pinning.Pinned;
        public interface Sink {
          void accept(@Pinned Task task);
        }
        """);
  }

  // a parameter that drops @Pinned

  @Test
  void overrideDroppingAPinnedParameterIsRejectedAtTheOverridingMethod() {
    JavaFileObject log =
        source(
            "demo.Log",
            """
            package demo;
            public final class Log implements Sink {
              @Override
              public void accept(Task task) {}
            }
            """);
    Compilation compilation = compile(task(), sink(), log);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:override] 'accept(Task)' drops @Pinned from parameter 'task' of overridden"
                + " 'Sink.accept(Task)'")
        .inFile(log)
        .onLineContaining("public void accept(Task task)");
  }

  @Test
  void overrideKeepingThePinnedParameterIsAccepted() {
    JavaFileObject log =
        source(
            "demo.Log",
            """
            package demo;
            import org.pinning.Pinned;
            public final class Log implements Sink {
              @Override
              public void accept(@Pinned Task task) {}
            }
            """);
    assertThat(compile(task(), sink(), log)).succeededWithoutWarnings();
  }

  // a parameter that adds @Pinned

  @Test
  void overrideAddingPinnedToAParameterIsRejectedAtTheOverridingMethod() {
    JavaFileObject log =
        source(
            "demo.Log",
            """
            package demo;
            import org.pinning.Pinned;
            interface Listener { void accept(Task task); }
            public final class Log implements Listener {
              @Override
              public void accept(@Pinned Task task) {}
            }
            """);
    Compilation compilation = compile(task(), log);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:override] 'accept(Task)' adds @Pinned to parameter 'task', which overridden"
                + " 'Listener.accept(Task)' does not pin\n"
                + "  help: remove @Pinned from 'task': callers of 'Listener.accept(Task)' still"
                + " hold the value movable")
        .inFile(log)
        .onLineContaining("public void accept(@Pinned Task task)");
  }

  @Test
  void overrideAddingPinnedToAParameterOfABorrowingMethodIsRejected() {
    JavaFileObject keeper =
        source(
            "demo.Keeper",
            """
            package demo;
            import org.pinning.Pinned;
            public class Keeper {
              @Override
              public boolean equals(@Pinned Object other) { return this == other; }
              @Override
              public int hashCode() { return 0; }
            }
            """);
    Compilation compilation = compile(keeper);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:override] 'equals(Object)' adds @Pinned to parameter 'other', which overridden"
                + " 'Object.equals(Object)' does not pin")
        .inFile(keeper)
        .onLineContaining("public boolean equals(@Pinned Object other)");
  }

  @Test
  void overloadWithAPinnedParameterIsAccepted() {
    JavaFileObject log =
        source(
            "demo.Log",
            """
            package demo;
            import org.pinning.Pinned;
            interface Listener { void accept(Task task); }
            public final class Log implements Listener {
              @Override
              public void accept(Task task) {}
              public void accept(@Pinned Task task, int times) {}
              public boolean equals(@Pinned Task other) { return other != null; }
            }
            """);
    assertThat(compile(task(), log)).succeededWithoutWarnings();
  }

  @Test
  void overrideAddingPinnedToAKnownUnpinParameterIsOnlyUseless() {
    JavaFileObject log =
        source(
            "demo.Log",
            """
            package demo;
            import org.pinning.Pinned;
            interface Listener { void accept(String name); }
            public final class Log implements Listener {
              @Override
              public void accept(@Pinned String name) {}
            }
            """);
    Compilation compilation = compile(log);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation)
        .hadWarningContaining("[pin:useless] @Pinned has no effect on 'name'")
        .inFile(log)
        .onLineContaining("public void accept(@Pinned String name)");
  }

  // the receiver is a parameter like the others (§4.10)

  private static JavaFileObject future() {
    return source(
        "demo.Future",
        """
        package demo;
        import org.pinning.Pinned;
        public interface Future {
          boolean poll(@Pinned Future this, int waker);
        }
        """);
  }

  @Test
  void overrideDroppingAPinnedReceiverIsRejectedAtTheOverridingMethod() {
    JavaFileObject sleeper =
        source(
            "demo.Sleeper",
            """
            package demo;
            public class Sleeper implements Future {
              @Override
              public boolean poll(int waker) { return true; }
            }
            """);
    Compilation compilation = compile(future(), sleeper);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:override] 'poll(int)' drops the pinned receiver of overridden"
                + " 'Future.poll(int)'\n"
                + "  help: declare a pinned receiver, as 'boolean poll(@Pinned Sleeper this, int"
                + " waker)': callers pin the value first")
        .inFile(sleeper)
        .onLineContaining("public boolean poll(int waker)");
  }

  @Test
  void overrideKeepingAPinnedReceiverIsAcceptedInAnUnpinnedClassToo() {
    JavaFileObject sleeper =
        source(
            "demo.Sleeper",
            """
            package demo;
            import org.pinning.Pinned;
            public class Sleeper implements Future {
              @Override
              public boolean poll(@Pinned Sleeper this, int waker) { return true; }
            }
            abstract class Middle implements Future {}
            final class Leaf extends Middle {
              @Pinned final Task task = new Task();
              @Override
              public boolean poll(@Pinned Leaf this, int waker) { return false; }
            }
            """);
    assertThat(compile(task(), future(), sleeper)).succeededWithoutWarnings();
  }

  @Test
  void overrideDroppingAPinnedReceiverDeclaredByAGrandparentIsRejected() {
    JavaFileObject sleeper =
        source(
            "demo.Sleeper",
            """
            package demo;
            abstract class Middle implements Future {}
            public class Sleeper extends Middle {
              @Override
              public boolean poll(int waker) { return true; }
            }
            """);
    assertThat(compile(future(), sleeper))
        .hadErrorContaining("[pin:override] 'poll(int)' drops the pinned receiver")
        .inFile(sleeper)
        .onLineContaining("public boolean poll(int waker)");
  }

  @Test
  void overrideAddingAPinnedReceiverIsRejectedAtTheOverridingMethod() {
    JavaFileObject job =
        source(
            "demo.Job",
            """
            package demo;
            import org.pinning.Pinned;
            public class Job implements Runnable {
              @Override
              public void run(@Pinned Job this) {}
            }
            """);
    Compilation compilation = compile(job);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:override] 'run()' declares a pinned receiver, but overridden 'Runnable.run()'"
                + " does not\n"
                + "  help: remove @Pinned from the receiver: callers of 'Runnable.run()' do not"
                + " pin the value first")
        .inFile(job)
        .onLineContaining("public void run(@Pinned Job this)");
  }

  @Test
  void newMethodWithAPinnedReceiverIsAccepted() {
    JavaFileObject job =
        source(
            "demo.Job",
            """
            package demo;
            import org.pinning.Pinned;
            public class Job implements Runnable {
              @Override
              public void run() {}
              public void start(@Pinned Job this) {}
            }
            """);
    assertThat(compile(job)).succeededWithoutWarnings();
  }

  @Test
  void knownUnpinClassMayDropOrAddAPinnedReceiver() {
    JavaFileObject sleeper =
        source(
            "demo.Sleeper",
            """
            package demo;
            public final class Sleeper implements Future {
              @Override
              public boolean poll(int waker) { return true; }
            }
            """);
    assertThat(compile(future(), sleeper)).succeededWithoutWarnings();
  }

  @Test
  void overrideDroppingAPinnedParameterDeclaredByAGrandparentInterfaceIsRejected() {
    JavaFileObject log =
        source(
            "demo.Log",
            """
            package demo;
            abstract class BaseSink implements Sink {}
            public final class Log extends BaseSink {
              @Override
              public void accept(Task task) {}
            }
            """);
    Compilation compilation = compile(task(), sink(), log);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:override] 'accept(Task)' drops @Pinned from parameter 'task' of overridden"
                + " 'Sink.accept(Task)'")
        .inFile(log)
        .onLineContaining("public void accept(Task task)");
  }

  @Test
  void overrideDroppingAPinnedParameterDeclaredByAGrandparentClassIsRejected() {
    JavaFileObject files =
        source(
            "demo.Runner",
            """
            package demo;
            import org.pinning.Pinned;
            class Scheduler {
              void run(@Pinned Task task) {}
            }
            class Middle extends Scheduler {}
            public class Runner extends Middle {
              @Override
              void run(Task task) {}
            }
            """);
    Compilation compilation = compile(task(), files);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:override] 'run(Task)' drops @Pinned from parameter 'task' of overridden"
                + " 'Scheduler.run(Task)'")
        .inFile(files)
        .onLineContaining("void run(Task task)");
  }

  @Test
  void overrideKeepingAPinnedParameterDeclaredByAGrandparentIsAccepted() {
    JavaFileObject files =
        source(
            "demo.Runner",
            """
            package demo;
            import org.pinning.Pinned;
            class Scheduler {
              void run(@Pinned Task task) {}
            }
            class Middle extends Scheduler {}
            public class Runner extends Middle {
              @Override
              void run(@Pinned Task task) {}
            }
            """);
    assertThat(compile(task(), files)).succeededWithoutWarnings();
  }

  // a return that adds @Pinned

  @Test
  void overrideAddingAPinnedReturnIsRejectedAtTheOverridingMethod() {
    JavaFileObject files =
        source(
            "demo.Fresh",
            """
            package demo;
            import org.pinning.Pinned;
            interface Source {
              Task next();
            }
            public final class Fresh implements Source {
              @Override
              public @Pinned Task next() { return new Task(); }
            }
            """);
    Compilation compilation = compile(task(), files);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:override] 'next()' returns @Pinned but overridden 'Source.next()' does not")
        .inFile(files)
        .onLineContaining("public @Pinned Task next()");
  }

  @Test
  void overrideWithAPinnedReturnLikeTheOverriddenIsAccepted() {
    JavaFileObject files =
        source(
            "demo.Fresh",
            """
            package demo;
            import org.pinning.Pinned;
            interface Source {
              @Pinned Task next();
            }
            public final class Fresh implements Source {
              @Override
              public @Pinned Task next() { return new Task(); }
            }
            """);
    assertThat(compile(task(), files)).succeededWithoutWarnings();
  }

  @Test
  void overrideDroppingAPinnedReturnIsAccepted() {
    JavaFileObject files =
        source(
            "demo.Fresh",
            """
            package demo;
            import org.pinning.Pinned;
            interface Source {
              @Pinned Task next();
            }
            public final class Fresh implements Source {
              @Override
              public Task next() { return new Task(); }
            }
            """);
    assertThat(compile(task(), files)).succeededWithoutWarnings();
  }

  @Test
  void overrideAddingAPinnedReturnToAGrandparentMethodIsRejected() {
    JavaFileObject files =
        source(
            "demo.Fresh",
            """
            package demo;
            import org.pinning.Pinned;
            class Factory {
              Task make() { return new Task(); }
            }
            class Middle extends Factory {}
            public final class Fresh extends Middle {
              @Override
              @Pinned Task make() { return new Task(); }
            }
            """);
    Compilation compilation = compile(task(), files);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:override] 'make()' returns @Pinned but overridden 'Factory.make()' does not")
        .inFile(files)
        .onLineContaining("@Pinned Task make()");
  }

  // signatures compared after substituting the supertype's type arguments

  @Test
  void iteratorOfPinnedElementsMayReturnPinned() {
    JavaFileObject it =
        source(
            "demo.It",
            """
            package demo;
            import org.pinning.Pinned;
            public final class It implements java.util.Iterator<@Pinned Task> {
              @Override
              public boolean hasNext() { return false; }
              @Override
              public @Pinned Task next() { throw new java.util.NoSuchElementException(); }
            }
            """);
    assertThat(compile(task(), it)).succeededWithoutWarnings();
  }

  @Test
  void iteratorOfUnpinnedElementsMayNotReturnPinned() {
    JavaFileObject it =
        source(
            "demo.It",
            """
            package demo;
            import org.pinning.Pinned;
            public final class It implements java.util.Iterator<Task> {
              @Override
              public boolean hasNext() { return false; }
              @Override
              public @Pinned Task next() { throw new java.util.NoSuchElementException(); }
            }
            """);
    Compilation compilation = compile(task(), it);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:override] 'next()' returns @Pinned but overridden 'Iterator.next()'")
        .inFile(it)
        .onLineContaining("public @Pinned Task next()");
  }

  // the help of an added pinned return: a fix that is allowed (bench/collections4-findings.md #1)

  /**
   * {@code demo.Entries}: a pinned {@code Map.Entry} {@code head}, and an iterator over entries
   * whose supertype clause is {@code clause} and whose {@code next()} is declared {@code next}.
   */
  static JavaFileObject entries(String clause, String next) {
    return source(
        "demo.Entries",
        """
        package demo;
        import java.util.Iterator;
        import java.util.Map;
        import org.pinning.Pinned;
        public class Entries<K, V> {
          @Pinned
          static class Entry<K, V> implements Map.Entry<K, V> {
            K key; V value;
            @Pinned Entry(K key, V value) { this.key = key; this.value = value; }
            public K getKey() { return key; }
            public V getValue() { return value; }
            public V setValue(V v) { V old = value; value = v; return old; }
          }
          @Pinned Entry<K, V> head = new Entry<>(null, null);
          class EntryIterator %s {
            public boolean hasNext() { return true; }
            @Override
            %s {
              return head;
            }
          }
        }
        """
            .formatted(clause, next));
  }

  @Test
  void pinnedReturnOfAJdkMethodHelpsWithTheSupertypeClauseNotWithTheJdkMethod() {
    JavaFileObject entries =
        entries(
            "implements Iterator<Map.Entry<K, V>>", "public @Pinned Map.Entry<K, V> next()");
    Compilation compilation = compile(entries);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:override] 'next()' returns @Pinned but overridden 'Iterator.next()' does not\n"
                + "  help: remove @Pinned from 'next', or write the type argument that"
                + " 'Iterator.next()' returns @Pinned in the supertype clause of"
                + " 'Entries.EntryIterator': 'implements Iterator<Map.@Pinned Entry<K, V>>'")
        .inFile(entries)
        .onLineContaining("public @Pinned Map.Entry<K, V> next()");
  }

  @Test
  void pinnedReturnIsAcceptedOnceTheSupertypeClausePinsTheTypeArgument() {
    assertThat(
            compile(
                entries(
                    "implements Iterator<Map.@Pinned Entry<K, V>>",
                    "public @Pinned Map.Entry<K, V> next()")))
        .succeededWithoutWarnings();
  }

  @Test
  void pinnedReturnFixedByAJdkSignatureSaysSoInsteadOfAskingToAnnotateIt() {
    JavaFileObject fixed =
        source(
            "demo.Fixed",
            """
            package demo;
            import org.pinning.Pinned;
            public final class Fixed {
              @Override
              public @Pinned String toString() { return ""; }
            }
            """);
    Compilation compilation = compile(fixed);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:override] 'toString()' returns @Pinned but overridden 'Object.toString()' does"
                + " not\n  help: remove @Pinned from 'toString': callers of 'Object.toString()'"
                + " would move the value, and its signature cannot carry the pin")
        .inFile(fixed)
        .onLineContaining("toString()");
  }

  // a return type whose type arguments add @Pinned

  @Test
  void returnTypeAddingPinnedTypeArgumentsToAJdkSignatureIsRejected() {
    JavaFileObject entries =
        source(
            "demo.Entries",
            """
            package demo;
            import java.util.*;
            import org.pinning.Pinned;
            public abstract class Entries extends AbstractMap<String, Task> {
              final Set<Map.@Pinned Entry<String, Task>> entries = new HashSet<>();
              @Override
              public Set<Map.@Pinned Entry<String, Task>> entrySet() {
                return entries;
              }
            }
            """);
    Compilation compilation = compile(task(), entries);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:override] 'entrySet()' returns pinned elements, but overridden"
                + " 'AbstractMap.entrySet()' does not\n  help: remove @Pinned from the type"
                + " arguments of its return type: callers of 'AbstractMap.entrySet()' would move"
                + " the elements, and its signature cannot carry the pin")
        .inFile(entries)
        .onLineContaining("public Set<Map.@Pinned Entry<String, Task>> entrySet()");
  }

  @Test
  void returnTypeWithPinnedTypeArgumentsThatASupertypeClausePinsIsAccepted() {
    JavaFileObject tasks =
        source(
            "demo.Tasks",
            """
            package demo;
            import java.util.*;
            import org.pinning.Pinned;
            public final class Tasks extends AbstractSet<@Pinned Task> {
              private final List<@Pinned Task> all = new ArrayList<>();
              @Override public Iterator<@Pinned Task> iterator() { return all.iterator(); }
              @Override public int size() { return all.size(); }
            }
            class Sub extends Base {
              @Override List<@Pinned Task> tasks() { return List.of(); }
            }
            class Base {
              List<@Pinned Task> tasks() { return List.of(); }
            }
            """);
    assertThat(compile(task(), tasks)).succeededWithoutWarnings();
  }

  @Test
  void returnTypeAddingPinnedTypeArgumentsWhereAClauseCouldPinThemNamesTheClause() {
    JavaFileObject tasks =
        source(
            "demo.Tasks",
            """
            package demo;
            import java.util.*;
            import org.pinning.Pinned;
            public final class Tasks extends AbstractSet<Task> {
              private final List<@Pinned Task> all = new ArrayList<>();
              @Override public Iterator<@Pinned Task> iterator() { return all.iterator(); }
              @Override public int size() { return all.size(); }
            }
            """);
    Compilation compilation = compile(task(), tasks);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:override] 'iterator()' returns pinned elements, but overridden"
                + " 'AbstractCollection.iterator()' does not\n  help: remove @Pinned from the type"
                + " arguments of its return type, or write the type argument that"
                + " 'AbstractCollection.iterator()' returns @Pinned in the supertype clause of"
                + " 'Tasks': 'extends AbstractSet<@Pinned Task>'")
        .inFile(tasks)
        .onLineContaining("public Iterator<@Pinned Task> iterator()");
  }

  @Test
  void consumerOfPinnedElementsMayNotDropThePinOfItsParameter() {
    JavaFileObject consumer =
        source(
            "demo.Log",
            """
            package demo;
            import org.pinning.Pinned;
            public final class Log implements java.util.function.Consumer<@Pinned Task> {
              @Override
              public void accept(Task t) {}
            }
            """);
    Compilation compilation = compile(task(), consumer);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[pin:override] 'accept(Task)' drops @Pinned from parameter 't'")
        .inFile(consumer)
        .onLineContaining("public void accept(Task t)");
  }

  @Test
  void consumerOfPinnedElementsKeepingThePinIsAccepted() {
    JavaFileObject consumer =
        source(
            "demo.Log",
            """
            package demo;
            import org.pinning.Pinned;
            public final class Log implements java.util.function.Consumer<@Pinned Task> {
              @Override
              public void accept(@Pinned Task t) {}
            }
            """);
    assertThat(compile(task(), consumer)).succeededWithoutWarnings();
  }

  @Test
  void consumerOfUnpinnedElementsMayTakeThemUnpinned() {
    JavaFileObject consumer =
        source(
            "demo.Log",
            """
            package demo;
            public final class Log implements java.util.function.Consumer<Task> {
              @Override
              public void accept(Task t) {}
            }
            """);
    assertThat(compile(task(), consumer)).succeededWithoutWarnings();
  }

  private static JavaFileObject handler() {
    return source(
        "demo.Handler",
        """
        package demo;
        import org.pinning.Pinned;
        public interface Handler<T> {
          void handle(@Pinned T value);
        }
        """);
  }

  @Test
  void overrideForAKnownUnpinTypeArgumentNeedsNoPinnedParameter() {
    // §4.7: a String is never pinned, so handle(String) keeps the contract of handle(@Pinned T).
    JavaFileObject names =
        source(
            "demo.Names",
            """
            package demo;
            public final class Names implements Handler<String> {
              @Override
              public void handle(String v) {}
            }
            """);
    assertThat(compile(task(), handler(), names)).succeededWithoutWarnings();
  }

  @Test
  void overrideAddingPinnedForAKnownUnpinTypeArgumentIsUselessNotAnOverride() {
    // Either spelling keeps the contract: without @Pinned it is clean, with it a warning, never
    // pin:override; so the user can always win.
    JavaFileObject names =
        source(
            "demo.Names",
            """
            package demo;
            import org.pinning.Pinned;
            public final class Names implements Handler<String> {
              @Override
              public void handle(@Pinned String v) {}
            }
            """);
    Compilation compilation = compile(task(), handler(), names);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation)
        .hadWarningContaining("[pin:useless] @Pinned has no effect on 'v': type 'String' is Unpin")
        .inFile(names)
        .onLine(5)
        .atColumn(22);
  }

  @Test
  void overrideForAPinnedTypeArgumentStillMayNotDropThePin() {
    JavaFileObject tasks =
        source(
            "demo.Tasks",
            """
            package demo;
            public final class Tasks implements Handler<Task> {
              @Override
              public void handle(Task v) {}
            }
            """);
    Compilation compilation = compile(task(), handler(), tasks);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[pin:override] 'handle(Task)' drops @Pinned from parameter 'v'")
        .inFile(tasks)
        .onLineContaining("public void handle(Task v)");
  }

  // suppression and severity

  @Test
  void suppressingPinOnTheClassSilencesTheRule() {
    JavaFileObject log =
        source(
            "demo.Log",
            """
            package demo;
            @SuppressWarnings("pin")
            public final class Log implements Sink {
              @Override
              public void accept(Task task) {}
            }
            """);
    assertThat(compile(task(), sink(), log)).succeededWithoutWarnings();
  }

  @Test
  void suppressingPinOverrideOnTheMethodSilencesTheRule() {
    JavaFileObject log =
        source(
            "demo.Log",
            """
            package demo;
            public final class Log implements Sink {
              @SuppressWarnings("pin:override")
              @Override
              public void accept(Task task) {}
            }
            """);
    assertThat(compile(task(), sink(), log)).succeededWithoutWarnings();
  }

  @Test
  void suppressingAnotherCodeDoesNotSilenceTheRule() {
    JavaFileObject log =
        source(
            "demo.Log",
            """
            package demo;
            public final class Log implements Sink {
              @SuppressWarnings("pin:move")
              @Override
              public void accept(Task task) {}
            }
            """);
    assertThat(compile(task(), sink(), log))
        .hadErrorContaining(
            "[pin:override] 'accept(Task)' drops @Pinned from parameter 'task' of overridden"
                + " 'Sink.accept(Task)'")
        .inFile(log)
        .onLineContaining("public void accept(Task task)");
  }

  @Test
  void severityWarningReportsTheSameMessageAsAWarning() {
    JavaFileObject log =
        source(
            "demo.Log",
            """
            package demo;
            public final class Log implements Sink {
              @Override
              public void accept(Task task) {}
            }
            """);
    Compilation compilation = compile(List.of("-Apin.severity=warning"), task(), sink(), log);
    assertThat(compilation).succeeded();
    assertThat(compilation)
        .hadWarningContaining(
            "[pin:override] 'accept(Task)' drops @Pinned from parameter 'task' of overridden"
                + " 'Sink.accept(Task)'")
        .inFile(log)
        .onLineContaining("public void accept(Task task)");
  }

  @Test
  void pinnedTypeArgumentOfAGrandparentIsAContractToo() {
    JavaFileObject consumer =
        source(
            "demo.Consumer",
            """
            package demo;
            public interface Consumer<T> {
              void accept(T value);
            }
            """);
    JavaFileObject base =
        source(
            "demo.Base",
            """
            package demo;
            import org.pinning.Pinned;
            public abstract class Base implements Consumer<@Pinned Task> {}
            """);
    JavaFileObject leaf =
        source(
            "demo.Leaf",
            """
            package demo;
            public final class Leaf extends Base {
              @Override
              public void accept(Task value) {}
            }
            """);
    Compilation compilation = compile(task(), consumer, base, leaf);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[pin:override] 'accept(Task)' drops @Pinned from parameter 'value'")
        .inFile(leaf)
        .onLineContaining("public void accept(Task value)");
  }
}
