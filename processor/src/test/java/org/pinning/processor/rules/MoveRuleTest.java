package org.pinning.processor.rules;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.pinning.processor.PinCompiler.compile;
import static org.pinning.processor.PinCompiler.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** {@code pin:move} in method bodies: every flow of DESIGN.md §4.1, and the uses that are not. */
class MoveRuleTest {

  /** A pinned task with a structurally pinned buffer, an ordinary field and an enum field. */
  private static JavaFileObject task() {
    return source(
        "demo.Task",
        """
        package demo;
        import org.pinning.Pinned;
        @Pinned
        public class Task implements AutoCloseable {
          @Pinned public final Buffer buffer = new Buffer();
          public int state;
          public Mode mode = Mode.IDLE;
          public void poll() {}
          @Override public void close() {}
          public enum Mode { IDLE, BUSY }
        }
        """);
  }

  private static JavaFileObject buffer() {
    return source("demo.Buffer", "package demo;\n@org.pinning.Pinned public final class Buffer {}");
  }

  private static Compilation compileWithTask(JavaFileObject... files) {
    JavaFileObject[] all = new JavaFileObject[files.length + 2];
    all[0] = task();
    all[1] = buffer();
    System.arraycopy(files, 0, all, 2, files.length);
    return compile(all);
  }

  // Fields

  @Test
  void pinnedParameterAssignedToAFieldThroughThisIsRejected() {
    JavaFileObject monitor =
        source(
            "demo.Monitor",
            """
            package demo;
            import org.pinning.Pinned;
            public final class Monitor {
              Object last;
              void watch(@Pinned Task task) {
                this.last = task;
              }
            }
            """);
    Compilation compilation = compileWithTask(monitor);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[pin:move] pinned value 'task' moves into unpinned field 'last'")
        .inFile(monitor)
        .onLineContaining("this.last = task;");
    assertThat(compilation)
        .hadErrorContaining(
            "help: declare 'last' @Pinned (a pinned slot may be reassigned), or keep the pinned"
                + " value in a local");
  }

  @Test
  void pinnedParameterAssignedToABareFieldNameIsRejected() {
    JavaFileObject monitor =
        source(
            "demo.Monitor",
            """
            package demo;
            import org.pinning.Pinned;
            public final class Monitor {
              Object last;
              void watch(@Pinned Task task) {
                last = task;
              }
            }
            """);
    Compilation compilation = compileWithTask(monitor);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[pin:move] pinned value 'task' moves into unpinned field 'last'")
        .inFile(monitor)
        .onLineContaining("last = task;");
  }

  @Test
  void fieldOfAnotherClassIsNamedWithItsOwner() {
    JavaFileObject monitor =
        source(
            "demo.Monitor",
            """
            package demo;
            import org.pinning.Pinned;
            public final class Monitor {
              static final class Slot { Object last; }
              void watch(@Pinned Task task, Slot slot) {
                slot.last = task;
              }
            }
            """);
    assertThat(compileWithTask(monitor))
        .hadErrorContaining(
            "[pin:move] pinned value 'task' moves into unpinned field 'Monitor.Slot.last'")
        .inFile(monitor)
        .onLineContaining("slot.last = task;");
  }

  @Test
  void storingAPinnedParameterInAPinnedFinalFieldInTheConstructorIsAccepted() {
    assertThat(
            compileWithTask(
                source(
                    "demo.Monitor",
                    """
                    package demo;
                    import org.pinning.Pinned;
                    public final class Monitor {
                      @Pinned final Task last;
                      Monitor(@Pinned Task task) {
                        this.last = task;
                      }
                    }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void fieldInitializerReadingAPinnedFieldIsRejected() {
    JavaFileObject registry =
        source(
            "demo.Registry",
            """
            package demo;
            import org.pinning.Pinned;
            public final class Registry {
              @Pinned final Task current = new Task();
              final Object alias = current;
            }
            """);
    Compilation compilation = compileWithTask(registry);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[pin:move] pinned value 'current' moves into unpinned field 'alias'")
        .inFile(registry)
        .onLineContaining("final Object alias = current;");
  }

  @Test
  void fieldInitializerIntoAPinnedFieldIsAccepted() {
    assertThat(
            compileWithTask(
                source(
                    "demo.Registry",
                    """
                    package demo;
                    import org.pinning.Pinned;
                    public final class Registry {
                      @Pinned final Task current = new Task();
                      @Pinned final Task alias = current;
                    }
                    """)))
        .succeededWithoutWarnings();
  }

  // Arrays

  @Test
  void pinnedValueStoredInAnArrayElementIsRejected() {
    JavaFileObject table =
        source(
            "demo.Table",
            """
            package demo;
            import org.pinning.Pinned;
            public final class Table {
              final Object[] slots = new Object[4];
              void put(@Pinned Task task) {
                slots[0] = task;
              }
            }
            """);
    Compilation compilation = compileWithTask(table);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[pin:move] pinned value 'task' moves into an array element")
        .inFile(table)
        .onLineContaining("slots[0] = task;");
    assertThat(compilation)
        .hadErrorContaining(
            "help: arrays are never pinned places: keep pinned values in a List<@Pinned T>");
  }

  @Test
  void unpinnedValueReadThroughAPinnedOneStoredInAnArrayElementIsAccepted() {
    assertThat(
            compileWithTask(
                source(
                    "demo.Table",
                    """
                    package demo;
                    import org.pinning.Pinned;
                    public final class Table {
                      final Object[] slots = new Object[4];
                      void put(@Pinned Task task) {
                        slots[0] = task.mode;
                      }
                    }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void pinnedValueInAnArrayInitializerIsRejected() {
    JavaFileObject table =
        source(
            "demo.Table",
            """
            package demo;
            import org.pinning.Pinned;
            public final class Table {
              Object[] pair(@Pinned Task task) {
                Object[] pair = { task, null };
                return pair;
              }
            }
            """);
    Compilation compilation = compileWithTask(table);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[pin:move] pinned value 'task' moves into an array initializer")
        .inFile(table)
        .onLineContaining("Object[] pair = { task, null };");
  }

  @Test
  void pinnedValueInANewArrayInitializerIsRejected() {
    JavaFileObject table =
        source(
            "demo.Table",
            """
            package demo;
            import org.pinning.Pinned;
            public final class Table {
              Object[] pair(@Pinned Task task) {
                return new Object[] { null, task };
              }
            }
            """);
    assertThat(compileWithTask(table))
        .hadErrorContaining("[pin:move] pinned value 'task' moves into an array initializer")
        .inFile(table)
        .onLineContaining("return new Object[] { null, task };");
  }

  @Test
  void unpinnedValueInAnArrayInitializerIsAccepted() {
    assertThat(
            compileWithTask(
                source(
                    "demo.Table",
                    """
                    package demo;
                    import org.pinning.Pinned;
                    public final class Table {
                      Object[] pair(@Pinned Task task) {
                        Object[] pair = { task.mode, null };
                        return pair;
                      }
                    }
                    """)))
        .succeededWithoutWarnings();
  }

  // Arguments

  @Test
  void argumentForAnUnpinnedParameterOfASourceMethodIsRejected() {
    JavaFileObject registry =
        source(
            "demo.Registry",
            """
            package demo;
            import org.pinning.Pinned;
            public final class Registry {
              void keep(Task task) {}
              void run(@Pinned Task task) {
                keep(task);
              }
            }
            """);
    Compilation compilation = compileWithTask(registry);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:move] pinned value 'task' moves into unpinned parameter 'task' of"
                + " 'Registry.keep(Task)'")
        .inFile(registry)
        .onLineContaining("keep(task);");
    assertThat(compilation)
        .hadErrorContaining(
            "help: declare parameter 'task' of 'keep(Task)' @Pinned; it may then keep the value"
                + " only in pinned places");
  }

  @Test
  void argumentForAPinnedParameterIsAccepted() {
    assertThat(
            compileWithTask(
                source(
                    "demo.Registry",
                    """
                    package demo;
                    import org.pinning.Pinned;
                    public final class Registry {
                      void keep(@Pinned Task task) {}
                      void run(@Pinned Task task) {
                        keep(task);
                      }
                    }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void argumentForAnUnpinnedConstructorParameterIsRejected() {
    JavaFileObject holder =
        source(
            "demo.Holder",
            """
            package demo;
            import org.pinning.Pinned;
            public final class Holder {
              Holder(Task task) {}
              static Holder wrap(@Pinned Task task) {
                return new Holder(task);
              }
            }
            """);
    Compilation compilation = compileWithTask(holder);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:move] pinned value 'task' moves into unpinned parameter 'task' of 'new"
                + " Holder(Task)'")
        .inFile(holder)
        .onLineContaining("return new Holder(task);");
  }

  @Test
  void argumentForAPinnedConstructorParameterIsAccepted() {
    assertThat(
            compileWithTask(
                source(
                    "demo.Holder",
                    """
                    package demo;
                    import org.pinning.Pinned;
                    public final class Holder {
                      Holder(@Pinned Task task) {}
                      static Holder wrap(@Pinned Task task) {
                        return new Holder(task);
                      }
                    }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void argumentForAnUnpinnedSuperConstructorParameterIsRejected() {
    JavaFileObject job =
        source(
            "demo.Job",
            """
            package demo;
            import org.pinning.Pinned;
            public class Job extends Base {
              Job(@Pinned Task task) {
                super(task);
              }
            }
            class Base {
              Base(Task task) {}
            }
            """);
    Compilation compilation = compileWithTask(job);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:move] pinned value 'task' moves into unpinned parameter 'task' of 'new"
                + " Base(Task)'")
        .inFile(job)
        .onLineContaining("super(task);");
  }

  @Test
  void argumentForAPinnedSuperConstructorParameterIsAccepted() {
    assertThat(
            compileWithTask(
                source(
                    "demo.Job",
                    """
                    package demo;
                    import org.pinning.Pinned;
                    public class Job extends Base {
                      Job(@Pinned Task task) {
                        super(task);
                      }
                    }
                    class Base {
                      Base(@Pinned Task task) {}
                    }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void argumentForAnUnpinnedParameterOfAnotherConstructorOfTheSameClassIsRejected() {
    JavaFileObject job =
        source(
            "demo.Job",
            """
            package demo;
            import org.pinning.Pinned;
            public final class Job {
              Job(Object owner) {}
              Job(@Pinned Task task, int priority) {
                this(task);
              }
            }
            """);
    Compilation compilation = compileWithTask(job);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:move] pinned value 'task' moves into unpinned parameter 'owner' of 'new"
                + " Job(Object)'")
        .inFile(job)
        .onLineContaining("this(task);");
  }

  @Test
  void argumentForAPinnedParameterOfAnotherConstructorOfTheSameClassIsAccepted() {
    assertThat(
            compileWithTask(
                source(
                    "demo.Job",
                    """
                    package demo;
                    import org.pinning.Pinned;
                    public final class Job {
                      Job(@Pinned Object owner) {}
                      Job(@Pinned Task task, int priority) {
                        this(task);
                      }
                    }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void pinnedValueAmongVarargsIsRejected() {
    JavaFileObject batch =
        source(
            "demo.Batch",
            """
            package demo;
            import org.pinning.Pinned;
            public final class Batch {
              static void all(Task... tasks) {}
              static void run(@Pinned Task task) {
                all(new Task(), task);
              }
            }
            """);
    Compilation compilation = compileWithTask(batch);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:move] pinned value 'task' moves into unpinned parameter 'tasks' of"
                + " 'Batch.all(Task[])'")
        .inFile(batch)
        .onLineContaining("all(new Task(), task);");
  }

  @Test
  void unpinnedValuesAsVarargsAreAccepted() {
    assertThat(
            compileWithTask(
                source(
                    "demo.Batch",
                    """
                    package demo;
                    import org.pinning.Pinned;
                    public final class Batch {
                      static void all(Task... tasks) {}
                      static void run(@Pinned Task task) {
                        all(new Task(), new Task());
                      }
                    }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void pinnedEnumConstantArgumentIsRejected() {
    JavaFileObject slot =
        source(
            "demo.Slot",
            """
            package demo;
            import org.pinning.Pinned;
            public enum Slot {
              FIRST(Keeper.TASK);
              Slot(Task task) {}
            }
            final class Keeper {
              @Pinned static final Task TASK = new Task();
            }
            """);
    Compilation compilation = compileWithTask(slot);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:move] pinned value 'TASK' moves into unpinned parameter 'task' of 'new"
                + " Slot(Task)'")
        .inFile(slot)
        .onLineContaining("FIRST(Keeper.TASK);");
  }

  @Test
  void pinnedEnumConstantArgumentForAPinnedParameterIsAccepted() {
    assertThat(
            compileWithTask(
                source(
                    "demo.Slot",
                    """
                    package demo;
                    import org.pinning.Pinned;
                    public enum Slot {
                      FIRST(Keeper.TASK);
                      Slot(@Pinned Task task) {}
                    }
                    final class Keeper {
                      @Pinned static final Task TASK = new Task();
                    }
                    """)))
        .succeededWithoutWarnings();
  }

  // Returns

  @Test
  void returningAPinnedFieldFromAMethodWithoutAPinnedReturnIsRejected() {
    JavaFileObject runner =
        source(
            "demo.Runner",
            """
            package demo;
            import org.pinning.Pinned;
            public final class Runner {
              @Pinned final Task task = new Task();
              Task current() {
                return task;
              }
            }
            """);
    Compilation compilation = compileWithTask(runner);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:move] pinned value 'task' moves into the return value of 'current()', which is"
                + " not @Pinned")
        .inFile(runner)
        .onLineContaining("return task;");
    assertThat(compilation)
        .hadErrorContaining("help: declare 'current()' @Pinned to return a pinned reference");
  }

  // Into the return of an override whose overridden return is not pinned (§4.6)

  @Test
  void returningAPinnedValueFromAnOverrideOfAJdkMethodHelpsWithTheSupertypeClause() {
    JavaFileObject entries =
        OverrideRuleTest.entries(
            "implements Iterator<Map.Entry<K, V>>", "public Map.Entry<K, V> next()");
    Compilation compilation = compile(entries);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:move] pinned value 'head' moves into the return value of 'next()', which is not"
                + " @Pinned\n  help: write the type argument that 'Iterator.next()' returns"
                + " @Pinned in the supertype clause of 'Entries.EntryIterator': 'implements"
                + " Iterator<Map.@Pinned Entry<K, V>>', then declare 'next()' @Pinned")
        .inFile(entries)
        .onLineContaining("return head;");
  }

  @Test
  void returningAPinnedValueFromAnOverrideWhoseClausePinsItIsAccepted() {
    assertThat(
            compile(
                OverrideRuleTest.entries(
                    "implements Iterator<Map.@Pinned Entry<K, V>>",
                    "public @Pinned Map.Entry<K, V> next()")))
        .succeededWithoutWarnings();
  }

  @Test
  void returningAPinnedValueThroughASupertypeClauseOfASourceSuperclassNamesThatClause() {
    JavaFileObject files =
        source(
            "demo.Walker",
            """
            package demo;
            import java.util.Iterator;
            import org.pinning.Pinned;
            abstract class Base implements Iterator<Task> {
              public boolean hasNext() { return true; }
            }
            public final class Walker extends Base {
              @Pinned final Task task = new Task();
              @Override
              public Task next() {
                return task;
              }
            }
            """);
    Compilation compilation = compileWithTask(files);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "help: write the type argument that 'Iterator.next()' returns @Pinned in the"
                + " supertype clause of 'Base': 'implements Iterator<@Pinned Task>', then declare"
                + " 'next()' @Pinned")
        .inFile(files)
        .onLineContaining("return task;");
  }

  @Test
  void returningPinnedElementsFromAnOverrideOfAJdkSignatureSaysTheyEscapeThroughIt() {
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
              public Set<Map.Entry<String, Task>> entrySet() {
                return entries;
              }
            }
            """);
    Compilation compilation = compileWithTask(entries);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:move] pinned elements of 'entries' move into the return value of 'entrySet()',"
                + " which is not @Pinned\n  help: the elements escape through the signature of"
                + " overridden 'AbstractMap.entrySet()', which cannot carry the pin: return an"
                + " unpinned view, or suppress pin:move where that is safe")
        .inFile(entries)
        .onLineContaining("return entries;");
  }

  @Test
  void returningPinnedElementsFromAnOverrideOfASourceOverrideOfAJdkSignatureSaysTheyEscape() {
    JavaFileObject entries =
        source(
            "demo.Entries",
            """
            package demo;
            import java.util.*;
            import org.pinning.Pinned;
            abstract class Base extends AbstractMap<String, Task> {
              @Override
              public Set<Map.Entry<String, Task>> entrySet() { return Set.of(); }
            }
            public abstract class Entries extends Base {
              final Set<Map.@Pinned Entry<String, Task>> entries = new HashSet<>();
              @Override
              public Set<Map.Entry<String, Task>> entrySet() {
                return entries;
              }
            }
            """);
    Compilation compilation = compileWithTask(entries);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "help: the elements escape through the signature of overridden"
                + " 'AbstractMap.entrySet()', which cannot carry the pin")
        .inFile(entries)
        .onLineContaining("return entries;");
  }

  @Test
  void returningAPinnedValueFromAnOverrideOfASourceMethodAsksToDeclareBoth() {
    JavaFileObject files =
        source(
            "demo.Fresh",
            """
            package demo;
            import org.pinning.Pinned;
            class Factory {
              Task make() { return new Task(); }
            }
            public final class Fresh extends Factory {
              @Pinned final Task task = new Task();
              @Override
              Task make() { return task; }
            }
            """);
    Compilation compilation = compileWithTask(files);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "help: declare 'make()' and overridden 'Factory.make()' @Pinned to return a pinned"
                + " reference")
        .inFile(files)
        .onLineContaining("return task;");
  }

  @Test
  void returningAPinnedFieldFromAPinnedMethodIsAccepted() {
    assertThat(
            compileWithTask(
                source(
                    "demo.Runner",
                    """
                    package demo;
                    import org.pinning.Pinned;
                    public final class Runner {
                      @Pinned final Task task = new Task();
                      @Pinned Task current() {
                        return task;
                      }
                    }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void returningAPinnedValueFromABlockLambdaIsRejected() {
    JavaFileObject pump =
        source(
            "demo.Pump",
            """
            package demo;
            import java.util.function.Supplier;
            import org.pinning.Pinned;
            public final class Pump {
              Supplier<Task> start(@Pinned Task task) {
                Supplier<Task> s = () -> {
                  return task;
                };
                return s;
              }
            }
            """);
    Compilation compilation = compileWithTask(pump);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:move] pinned value 'task' moves into the return value of a lambda")
        .inFile(pump)
        .onLineContaining("return task;");
  }

  @Test
  void returningAnUnpinnedValueFromABlockLambdaIsAccepted() {
    assertThat(
            compileWithTask(
                source(
                    "demo.Pump",
                    """
                    package demo;
                    import java.util.function.Supplier;
                    import org.pinning.Pinned;
                    public final class Pump {
                      Supplier<Integer> start(@Pinned Task task) {
                        Supplier<Integer> s = () -> {
                          return task.state;
                        };
                        return s;
                      }
                    }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void pinnedFieldAsTheValueOfAnExpressionLambdaIsRejected() {
    JavaFileObject pump =
        source(
            "demo.Pump",
            """
            package demo;
            import java.util.function.Supplier;
            import org.pinning.Pinned;
            public final class Pump {
              void start(@Pinned Task task) {
                Supplier<Buffer> s = () -> task.buffer;
              }
            }
            """);
    Compilation compilation = compileWithTask(pump);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:move] pinned value 'buffer' moves into the return value of a lambda")
        .inFile(pump)
        .onLineContaining("Supplier<Buffer> s = () -> task.buffer;");
  }

  @Test
  void unpinnedValueOfAnExpressionLambdaIsAccepted() {
    assertThat(
            compileWithTask(
                source(
                    "demo.Pump",
                    """
                    package demo;
                    import java.util.function.Supplier;
                    import org.pinning.Pinned;
                    public final class Pump {
                      void start(@Pinned Task task) {
                        Supplier<String> s = () -> task.buffer.toString();
                      }
                    }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void expressionLambdaOfAVoidInterfaceReturnsNothing() {
    // Runnable.run() returns nothing: the value of the expression is discarded, not returned.
    assertThat(
            compileWithTask(
                source(
                    "demo.Pump",
                    """
                    package demo;
                    import java.util.Objects;
                    import org.pinning.Pinned;
                    public final class Pump {
                      void start(@Pinned Task task) {
                        Runnable check = () -> Objects.requireNonNull(task);
                      }
                    }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void throwingAPinnedExceptionIsRejected() {
    JavaFileObject failure =
        source(
            "demo.Failure",
            """
            package demo;
            @SuppressWarnings("pin:copy")
            @org.pinning.Pinned
            public final class Failure extends RuntimeException {}
            """);
    JavaFileObject thrower =
        source(
            "demo.Thrower",
            """
            package demo;
            import org.pinning.Pinned;
            public final class Thrower {
              void fail(@Pinned Failure failure) {
                throw failure;
              }
            }
            """);
    Compilation compilation = compile(failure, thrower);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[pin:move] pinned value 'failure' moves into a throw")
        .inFile(thrower)
        .onLineContaining("throw failure;");
  }

  @Test
  void throwingAFreshExceptionDescribingAPinnedOneIsAccepted() {
    JavaFileObject failure =
        source(
            "demo.Failure",
            """
            package demo;
            @SuppressWarnings("pin:copy")
            @org.pinning.Pinned
            public final class Failure extends RuntimeException {}
            """);
    JavaFileObject thrower =
        source(
            "demo.Thrower",
            """
            package demo;
            import org.pinning.Pinned;
            public final class Thrower {
              void fail(@Pinned Failure failure) {
                throw new IllegalStateException(failure.getMessage());
              }
            }
            """);
    assertThat(compile(failure, thrower)).succeededWithoutWarnings();
  }

  // Pinned expressions

  @Test
  void readOfAPinnedFieldThroughAnUnpinnedReferenceIsPinned() {
    JavaFileObject monitor =
        source(
            "demo.Monitor",
            """
            package demo;
            public final class Monitor {
              Object last;
              void watch(Task task) {
                last = task.buffer;
              }
            }
            """);
    Compilation compilation = compileWithTask(monitor);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[pin:move] pinned value 'buffer' moves into unpinned field 'last'")
        .inFile(monitor)
        .onLineContaining("last = task.buffer;");
  }

  @Test
  void readOfAnOrdinaryFieldThroughAPinnedReferenceIsNotPinned() {
    assertThat(
            compileWithTask(
                source(
                    "demo.Monitor",
                    """
                    package demo;
                    import org.pinning.Pinned;
                    public final class Monitor {
                      Object last;
                      void watch(@Pinned Task task) {
                        last = task.mode;
                      }
                    }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void readOfAPinnedLocalIsPinned() {
    JavaFileObject monitor =
        source(
            "demo.Monitor",
            """
            package demo;
            import org.pinning.Pinned;
            public final class Monitor {
              Object last;
              void watch() {
                @Pinned Task local = new Task();
                last = local;
              }
            }
            """);
    Compilation compilation = compileWithTask(monitor);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[pin:move] pinned value 'local' moves into unpinned field 'last'")
        .inFile(monitor)
        .onLineContaining("last = local;");
  }

  @Test
  void usingAPinnedLocalIsAccepted() {
    assertThat(
            compileWithTask(
                source(
                    "demo.Monitor",
                    """
                    package demo;
                    import org.pinning.Pinned;
                    public final class Monitor {
                      Object last;
                      void watch() {
                        @Pinned Task local = new Task();
                        local.poll();
                      }
                    }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void thisOfAPinnedClassPassedToAnUnpinnedParameterIsRejected() {
    JavaFileObject worker =
        source(
            "demo.Worker",
            """
            package demo;
            import org.pinning.Pinned;
            @Pinned
            public final class Worker {
              void register(Registry registry) {
                registry.add(this);
              }
            }
            final class Registry {
              void add(Object entry) {}
            }
            """);
    Compilation compilation = compile(worker);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:move] pinned value 'this' moves into unpinned parameter 'entry' of"
                + " 'Registry.add(Object)'")
        .inFile(worker)
        .onLineContaining("registry.add(this);");
  }

  @Test
  void thisOfAPinnedReceiverPassedToAPinnedParameterIsAccepted() {
    assertThat(
            compile(
                source(
                    "demo.Worker",
                    """
                    package demo;
                    import org.pinning.Pinned;
                    @Pinned
                    public final class Worker {
                      void register(@Pinned Worker this, Registry registry) {
                        registry.add(this);
                      }
                    }
                    final class Registry {
                      void add(@Pinned Object entry) {}
                    }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void outerThisOfAPinnedClassFromAnUnpinnedInnerClassIsRejected() {
    JavaFileObject outer =
        source(
            "demo.Outer",
            """
            package demo;
            @org.pinning.Pinned
            public final class Outer {
              final class Inner {
                void register(Registry registry) {
                  registry.add(Outer.this);
                }
              }
            }
            final class Registry {
              void add(Object entry) {}
            }
            """);
    Compilation compilation = compile(outer);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:move] pinned value 'Outer.this' moves into unpinned parameter 'entry' of"
                + " 'Registry.add(Object)'")
        .inFile(outer)
        .onLineContaining("registry.add(Outer.this);");
  }

  @Test
  void thisOfAnUnpinnedInnerClassOfAPinnedClassIsAccepted() {
    assertThat(
            compile(
                source(
                    "demo.Outer",
                    """
                    package demo;
                    @org.pinning.Pinned
                    public final class Outer {
                      final class Inner {
                        void register(Registry registry) {
                          registry.add(this);
                        }
                      }
                    }
                    final class Registry {
                      void add(Object entry) {}
                    }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void resultOfAPinnedMethodIsPinned() {
    JavaFileObject pump =
        source(
            "demo.Pump",
            """
            package demo;
            import org.pinning.Pinned;
            public final class Pump {
              @Pinned final Buffer buffer = new Buffer();
              Object last;
              @Pinned Buffer buffer() { return buffer; }
              void flush() {
                last = buffer();
              }
            }
            """);
    Compilation compilation = compileWithTask(pump);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[pin:move] pinned value 'buffer()' moves into unpinned field 'last'")
        .inFile(pump)
        .onLineContaining("last = buffer();");
  }

  @Test
  void usingTheResultOfAPinnedMethodIsAccepted() {
    assertThat(
            compileWithTask(
                source(
                    "demo.Pump",
                    """
                    package demo;
                    import org.pinning.Pinned;
                    public final class Pump {
                      @Pinned final Buffer buffer = new Buffer();
                      Object last;
                      @Pinned Buffer buffer() { return buffer; }
                      void flush() {
                        last = buffer().toString();
                      }
                    }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void parenthesisedPinnedValueIsPinned() {
    JavaFileObject monitor =
        source(
            "demo.Monitor",
            """
            package demo;
            import org.pinning.Pinned;
            public final class Monitor {
              Object last;
              void watch(@Pinned Task task) {
                last = (task);
              }
            }
            """);
    Compilation compilation = compileWithTask(monitor);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[pin:move] pinned value 'task' moves into unpinned field 'last'")
        .inFile(monitor)
        .onLineContaining("last = (task);");
  }

  @Test
  void castPinnedValueIsPinned() {
    JavaFileObject monitor =
        source(
            "demo.Monitor",
            """
            package demo;
            import org.pinning.Pinned;
            public final class Monitor {
              Object last;
              void watch(@Pinned Task task) {
                last = (Object) task;
              }
            }
            """);
    Compilation compilation = compileWithTask(monitor);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[pin:move] pinned value 'task' moves into unpinned field 'last'")
        .inFile(monitor)
        .onLineContaining("last = (Object) task;");
  }

  @Test
  void conditionalWithOnePinnedBranchIsPinned() {
    JavaFileObject monitor =
        source(
            "demo.Monitor",
            """
            package demo;
            import org.pinning.Pinned;
            public final class Monitor {
              Object last;
              void watch(@Pinned Task task, boolean ready) {
                last = ready ? null : task;
              }
            }
            """);
    Compilation compilation = compileWithTask(monitor);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[pin:move] pinned value 'task' moves into unpinned field 'last'")
        .inFile(monitor)
        .onLineContaining("last = ready ? null : task;");
  }

  @Test
  void conditionalWithNoPinnedBranchIsAccepted() {
    assertThat(
            compileWithTask(
                source(
                    "demo.Monitor",
                    """
                    package demo;
                    import org.pinning.Pinned;
                    public final class Monitor {
                      Object last;
                      void watch(@Pinned Task task, boolean ready) {
                        last = ready ? null : task.mode;
                      }
                    }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void switchExpressionWithAPinnedBranchIsReportedWhereItsValueGoes() {
    JavaFileObject monitor =
        source(
            "demo.Monitor",
            """
            package demo;
            import org.pinning.Pinned;
            public final class Monitor {
              Object last;
              void watch(@Pinned Task task, int k) {
                last = switch (k) {
                  case 0 -> task;
                  default -> null;
                };
              }
            }
            """);
    Compilation compilation = compileWithTask(monitor);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[pin:move] pinned value 'task' moves into unpinned field 'last'")
        .inFile(monitor)
        .onLineContaining("last = switch (k) {");
  }

  @Test
  void switchExpressionWithNoPinnedBranchIsAccepted() {
    assertThat(
            compileWithTask(
                source(
                    "demo.Monitor",
                    """
                    package demo;
                    import org.pinning.Pinned;
                    public final class Monitor {
                      Object last;
                      void watch(@Pinned Task task, int k) {
                        last = switch (k) {
                          case 0 -> task.mode;
                          default -> null;
                        };
                      }
                    }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void patternBindingOfAPinnedValueIsPinned() {
    JavaFileObject monitor =
        source(
            "demo.Monitor",
            """
            package demo;
            import org.pinning.Pinned;
            public final class Monitor {
              Object last;
              void watch(@Pinned Object o) {
                if (o instanceof Task t) last = t;
              }
            }
            """);
    Compilation compilation = compileWithTask(monitor);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[pin:move] pinned value 't'")
        .inFile(monitor)
        .onLineContaining("if (o instanceof Task t) last = t;");
    assertThat(compilation).hadErrorContaining("moves into unpinned field 'last'");
  }

  @Test
  void usingAPatternBindingOfAPinnedValueIsAccepted() {
    assertThat(
            compileWithTask(
                source(
                    "demo.Monitor",
                    """
                    package demo;
                    import org.pinning.Pinned;
                    public final class Monitor {
                      Object last;
                      void watch(@Pinned Object o) {
                        if (o instanceof Task t) t.poll();
                      }
                    }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void requireNonNullOfAPinnedValueIsPinned() {
    JavaFileObject monitor =
        source(
            "demo.Monitor",
            """
            package demo;
            import java.util.Objects;
            import org.pinning.Pinned;
            public final class Monitor {
              Object last;
              void watch(@Pinned Task task) {
                last = Objects.requireNonNull(task);
              }
            }
            """);
    Compilation compilation = compileWithTask(monitor);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[pin:move] pinned value 'task' moves into unpinned field 'last'")
        .inFile(monitor)
        .onLineContaining("last = Objects.requireNonNull(task);");
  }

  @Test
  void usingRequireNonNullOfAPinnedValueIsAccepted() {
    assertThat(
            compileWithTask(
                source(
                    "demo.Monitor",
                    """
                    package demo;
                    import java.util.Objects;
                    import org.pinning.Pinned;
                    public final class Monitor {
                      Object last;
                      void watch(@Pinned Task task) {
                        Objects.requireNonNull(task).poll();
                      }
                    }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void requireNonNullElseWithAPinnedFallbackIsPinned() {
    JavaFileObject monitor =
        source(
            "demo.Monitor",
            """
            package demo;
            import java.util.Objects;
            import org.pinning.Pinned;
            public final class Monitor {
              @Pinned final Task fallback = new Task();
              Object last;
              void watch(Task task) {
                last = Objects.requireNonNullElse(task, fallback);
              }
            }
            """);
    Compilation compilation = compileWithTask(monitor);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[pin:move] pinned value 'fallback' moves into unpinned field 'last'")
        .inFile(monitor)
        .onLineContaining("last = Objects.requireNonNullElse(task, fallback);");
    assertThat(compilation)
        .hadErrorContaining(
            "help: declare 'last' @Pinned (a pinned slot may be reassigned), or keep the pinned"
                + " value in a local");
  }

  @Test
  void localHoldingRequireNonNullElseWithAPinnedFallbackIsPinned() {
    JavaFileObject monitor =
        source(
            "demo.Monitor",
            """
            package demo;
            import java.util.Objects;
            import org.pinning.Pinned;
            public final class Monitor {
              @Pinned final Task fallback = new Task();
              Object last;
              void watch(Task task) {
                Task chosen = Objects.requireNonNullElse(task, fallback);
                last = chosen;
              }
            }
            """);
    Compilation compilation = compileWithTask(monitor);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:move] pinned value 'chosen' (from 'fallback', line 8) moves into unpinned field"
                + " 'last'")
        .inFile(monitor)
        .onLineContaining("last = chosen;");
  }

  @Test
  void requireNonNullElseOfUnpinnedValuesIsAccepted() {
    assertThat(
            compileWithTask(
                source(
                    "demo.Monitor",
                    """
                    package demo;
                    import java.util.Objects;
                    import org.pinning.Pinned;
                    public final class Monitor {
                      @Pinned final Task fallback = new Task();
                      Object last;
                      void watch(Task task) {
                        last = Objects.requireNonNullElse(task, new Task());
                        Objects.requireNonNullElse(task, fallback).poll();
                      }
                    }
                    """)))
        .succeededWithoutWarnings();
  }

  // Captured by a local or anonymous class

  @Test
  void pinnedValueCapturedAsObjectAndMovedInAnAnonymousClassIsRejected() {
    JavaFileObject keeper =
        source(
            "demo.Keeper",
            """
            package demo;
            import org.pinning.Pinned;
            public final class Keeper {
              Object last;
              Runnable keep(@Pinned Task task) {
                Object o = task;
                return new Runnable() {
                  @Override
                  public void run() {
                    last = o;
                  }
                };
              }
            }
            """);
    Compilation compilation = compileWithTask(keeper);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:move] pinned value 'o' (from 'task', line 6) moves into unpinned field"
                + " 'Keeper.last'")
        .inFile(keeper)
        .onLineContaining("last = o;");
    assertThat(compilation)
        .hadErrorContaining(
            "help: declare 'last' @Pinned (a pinned slot may be reassigned), or keep the pinned"
                + " value in a local");
  }

  @Test
  void pinnedValueCapturedAsAnInterfaceAndMovedInALocalClassIsRejected() {
    JavaFileObject keeper =
        source(
            "demo.Keeper",
            """
            package demo;
            import org.pinning.Pinned;
            public final class Keeper {
              AutoCloseable last;
              void keep(@Pinned Task task) {
                AutoCloseable closer = task;
                class Later {
                  void remember() {
                    last = closer;
                  }
                }
                new Later().remember();
              }
            }
            """);
    Compilation compilation = compileWithTask(keeper);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:move] pinned value 'closer' (from 'task', line 6) moves into unpinned field"
                + " 'Keeper.last'")
        .inFile(keeper)
        .onLineContaining("last = closer;");
  }

  @Test
  void pinnedValueCapturedAsObjectAndUsedInAnAnonymousClassIsAccepted() {
    assertThat(
            compileWithTask(
                source(
                    "demo.Keeper",
                    """
                    package demo;
                    import org.pinning.Pinned;
                    public final class Keeper {
                      Object last;
                      Runnable keep(@Pinned Task task) {
                        Object o = task;
                        return new Runnable() {
                          @Override
                          public void run() {
                            System.out.println(o);
                            last = o.toString();
                          }
                        };
                      }
                    }
                    """)))
        .succeededWithoutWarnings();
  }

  // Inferred locals

  @Test
  void localHoldingAPinnedValueMovedIsRejectedNamingWhereTheValueCameFrom() {
    JavaFileObject copier =
        source(
            "demo.Copier",
            """
            package demo;
            import org.pinning.Pinned;
            public final class Copier {
              @Pinned final Task reader = new Task();
              Object last;
              void copy(Copier ch) {
                Task r = ch.reader;
                last = r;
              }
            }
            """);
    Compilation compilation = compileWithTask(copier);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:move] pinned value 'r' (from 'reader', line 7) moves into unpinned field 'last'")
        .inFile(copier)
        .onLineContaining("last = r;");
  }

  @Test
  void localHoldingAPinnedValueIsNotItselfAMove() {
    assertThat(
            compileWithTask(
                source(
                    "demo.Copier",
                    """
                    package demo;
                    import org.pinning.Pinned;
                    public final class Copier {
                      @Pinned final Task reader = new Task();
                      void copy(Copier ch) {
                        Task r = ch.reader;
                        var other = (Task) r;
                        other.poll();
                      }
                    }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void localReassignedWithAFreshValueMayBeMoved() {
    assertThat(
            compileWithTask(
                source(
                    "demo.Copier",
                    """
                    package demo;
                    import org.pinning.Pinned;
                    public final class Copier {
                      @Pinned final Task reader = new Task();
                      Object last;
                      void copy(Copier ch) {
                        Task r = ch.reader;
                        r.poll();
                        r = new Task();
                        last = r;
                      }
                    }
                    """)))
        .succeededWithoutWarnings();
  }

  // Method references

  @Test
  void methodReferenceToAPinnedMethodIsAMove() {
    JavaFileObject pump =
        source(
            "demo.Pump",
            """
            package demo;
            import java.util.function.Supplier;
            import org.pinning.Pinned;
            public final class Pump {
              @Pinned final Buffer buffer = new Buffer();
              @Pinned Buffer buffer() { return buffer; }
              Supplier<Buffer> supplier() {
                Supplier<Buffer> s = this::buffer;
                return s;
              }
            }
            """);
    Compilation compilation = compileWithTask(pump);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:move] pinned value 'buffer()' moves into the result of method reference"
                + " 'this::buffer'")
        .inFile(pump)
        .onLineContaining("Supplier<Buffer> s = this::buffer;");
  }

  @Test
  void methodReferenceToAnUnpinnedMethodIsAccepted() {
    assertThat(
            compileWithTask(
                source(
                    "demo.Pump",
                    """
                    package demo;
                    import java.util.function.Supplier;
                    import org.pinning.Pinned;
                    public final class Pump {
                      @Pinned final Buffer buffer = new Buffer();
                      Buffer fresh() { return new Buffer(); }
                      Supplier<Buffer> supplier() {
                        Supplier<Buffer> s = this::fresh;
                        return s;
                      }
                    }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void methodReferenceToAPinnedMethodForAVoidInterfaceIsNotAMove() {
    // Checked as the lambda it abbreviates, () -> buffer(): Runnable discards the result.
    assertThat(
            compileWithTask(
                source(
                    "demo.Pump",
                    """
                    package demo;
                    import org.pinning.Pinned;
                    public final class Pump {
                      @Pinned final Buffer buffer = new Buffer();
                      @Pinned Buffer buffer() { return buffer; }
                      Runnable touch() {
                        Runnable r = this::buffer;
                        return r;
                      }
                    }
                    """)))
        .succeededWithoutWarnings();
  }

  // Known Unpin values

  @Test
  void knownUnpinValueReadThroughAPinnedFieldIsAccepted() {
    assertThat(
            compile(
                source(
                    "demo.Label",
                    """
                    package demo;
                    import org.pinning.Pinned;
                    public final class Label {
                      @SuppressWarnings("pin:useless")
                      @Pinned final String name = "main";
                      static Object last;
                      static void copy(Label label) {
                        last = label.name;
                      }
                    }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void pinnedFieldOfATypeVariableIsUnpinnedForAnUnpinTypeArgument() {
    assertThat(
            compileWithTask(
                source(
                    "demo.Cell",
                    """
                    package demo;
                    import org.pinning.Pinned;
                    public final class Cell<T> {
                      @Pinned final T value;
                      Cell(@Pinned T value) { this.value = value; }
                      static Object last;
                      static void copy(Cell<String> cell) {
                        last = cell.value;
                      }
                    }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void pinnedFieldOfATypeVariableIsPinnedForAPinnedTypeArgument() {
    JavaFileObject cell =
        source(
            "demo.Cell",
            """
            package demo;
            import org.pinning.Pinned;
            public final class Cell<T> {
              @Pinned final T value;
              Cell(@Pinned T value) { this.value = value; }
              static Object last;
              static void copy(Cell<Task> cell) {
                last = cell.value;
              }
            }
            """);
    Compilation compilation = compileWithTask(cell);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[pin:move] pinned value 'value' moves into unpinned field 'last'")
        .inFile(cell)
        .onLineContaining("last = cell.value;");
  }

  // Not moves

  @Test
  void callingAMethodOnAPinnedValueIsNotAMove() {
    assertThat(compileWithTask(user("task.poll();"))).succeededWithoutWarnings();
  }

  @Test
  void readingAndWritingFieldsOfAPinnedValueIsNotAMove() {
    assertThat(compileWithTask(user("task.state = task.state + 1;"))).succeededWithoutWarnings();
  }

  @Test
  void comparingPinnedValuesIsNotAMove() {
    assertThat(compileWithTask(user("flag = task == other || task != null;")))
        .succeededWithoutWarnings();
  }

  @Test
  void instanceofOnAPinnedValueIsNotAMove() {
    assertThat(compileWithTask(user("flag = task instanceof AutoCloseable;")))
        .succeededWithoutWarnings();
  }

  @Test
  void synchronizingOnAPinnedValueIsNotAMove() {
    assertThat(compileWithTask(user("synchronized (task) { task.poll(); }")))
        .succeededWithoutWarnings();
  }

  @Test
  void stringConcatenationWithAPinnedValueIsNotAMove() {
    assertThat(compileWithTask(user("text = \"task \" + task;"))).succeededWithoutWarnings();
  }

  @Test
  void switchOnAnEnumFieldOfAPinnedValueIsNotAMove() {
    assertThat(
            compileWithTask(
                user("switch (task.mode) { case IDLE -> task.poll(); default -> text = null; }")))
        .succeededWithoutWarnings();
  }

  @Test
  void assertingOnAPinnedValueIsNotAMove() {
    assertThat(compileWithTask(user("assert task != null;"))).succeededWithoutWarnings();
  }

  @Test
  void capturingAPinnedValueInALambdaIsNotAMove() {
    assertThat(compileWithTask(user("job = () -> task.poll();"))).succeededWithoutWarnings();
  }

  @Test
  void capturingAPinnedValueInAnAnonymousClassIsNotAMove() {
    assertThat(
            compileWithTask(user("job = new Runnable() { public void run() { task.poll(); } };")))
        .succeededWithoutWarnings();
  }

  @Test
  void capturingAPinnedValueInALocalClassIsNotAMove() {
    assertThat(
            compileWithTask(
                user(
                    """
                    class Local implements Runnable { public void run() { task.poll(); } }
                    job = new Local();
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void capturedPinnedValueIsStillCheckedInsideALambda() {
    JavaFileObject user = user("job = () -> { text = null; stash = task; };");
    Compilation compilation = compileWithTask(user);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[pin:move] pinned value 'task' moves into unpinned field 'stash'")
        .inFile(user)
        .onLineContaining("stash = task;");
  }

  @Test
  void capturedPinnedValueIsStillCheckedInsideAnAnonymousClass() {
    JavaFileObject user = user("job = new Runnable() { public void run() { stash = task; } };");
    Compilation compilation = compileWithTask(user);
    assertThat(compilation).hadErrorCount(1);
    // Inside the anonymous class, User is another class: the field is named with its owner.
    assertThat(compilation)
        .hadErrorContaining("[pin:move] pinned value 'task' moves into unpinned field 'User.stash'")
        .inFile(user)
        .onLineContaining("stash = task;");
  }

  @Test
  void capturedPinnedValueIsStillCheckedInAClassNestedInALocalClass() {
    // A member class's members may read the locals around its local class too.
    JavaFileObject user =
        user(
            """
            class Local {
              class Inner { void run() { stash = task; } }
            }
            """);
    Compilation compilation = compileWithTask(user);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[pin:move] pinned value 'task' moves into unpinned field 'User.stash'")
        .inFile(user)
        .onLineContaining("stash = task;");
  }

  @Test
  void boundMethodReferenceToAPinnedValueIsNotAMove() {
    assertThat(compileWithTask(user("job = task::poll;"))).succeededWithoutWarnings();
  }

  @Test
  void pinnedValueAsATryWithResourcesResourceIsNotAMove() {
    assertThat(compileWithTask(user("try (task) { task.poll(); }"))).succeededWithoutWarnings();
  }

  @Test
  void printingAPinnedValueIsNotAMove() {
    assertThat(compileWithTask(user("System.out.println(task);"))).succeededWithoutWarnings();
  }

  @Test
  void objectsEqualsOfPinnedValuesIsNotAMove() {
    assertThat(compileWithTask(user("flag = java.util.Objects.equals(task, other);")))
        .succeededWithoutWarnings();
  }

  @Test
  void stringValueOfAPinnedValueIsNotAMove() {
    assertThat(compileWithTask(user("text = String.valueOf(task);"))).succeededWithoutWarnings();
  }

  @Test
  void listContainsOfAPinnedValueIsNotAMove() {
    assertThat(compileWithTask(user("flag = seen.contains(task);"))).succeededWithoutWarnings();
  }

  @Test
  void passingAPinnedValueToAPinnedParameterIsNotAMove() {
    assertThat(compileWithTask(user("borrow(task);"))).succeededWithoutWarnings();
  }

  @Test
  void storingAPinnedValueInAPinnedLocalIsNotAMove() {
    assertThat(compileWithTask(user("@Pinned Task mine = task; mine.poll();")))
        .succeededWithoutWarnings();
  }

  /**
   * A class whose method {@code use} runs {@code statement} with a pinned {@code task} and {@code
   * other} at hand, and unpinned fields to assign.
   */
  private static JavaFileObject user(String statement) {
    return source(
        "demo.User",
        """
        package demo;
        import java.util.List;
        import org.pinning.Pinned;
        public final class User {
          Object stash;
          String text;
          boolean flag;
          Runnable job;
          static void borrow(@Pinned Task task) {}
          void use(@Pinned Task task, @Pinned Task other, List<Task> seen) throws Exception {
            %s
          }
        }
        """
            .formatted(statement));
  }

  // Functional target types: a @Pinned type argument pins parameters and results (§4.7)

  /** {@code demo.Sink}: a functional interface whose method takes a pinned task. */
  private static JavaFileObject sink() {
    return source(
        "demo.Sink",
        """
        package demo;
        import org.pinning.Pinned;
        public interface Sink {
          void take(@Pinned Task task);
        }
        """);
  }

  @Test
  void parameterOfALambdaForAPinnedConsumerMovedIsRejected() {
    JavaFileObject log =
        source(
            "demo.Log",
            """
            package demo;
            import java.util.function.Consumer;
            import org.pinning.Pinned;
            public final class Log {
              Task lastSeen;
              final Consumer<@Pinned Task> field = t -> lastSeen = t;
              static void each(Consumer<@Pinned Task> action) {}
              void watch() {
                Consumer<@Pinned Task> local = t -> lastSeen = t;
                each(t -> lastSeen = t);
              }
            }
            """);
    Compilation compilation = compileWithTask(log);
    assertThat(compilation).hadErrorCount(3);
    assertThat(compilation)
        .hadErrorContaining("[pin:move] pinned value 't' moves into unpinned field 'lastSeen'")
        .inFile(log)
        .onLineContaining("final Consumer<@Pinned Task> field = t -> lastSeen = t;");
    assertThat(compilation)
        .hadErrorContaining("[pin:move] pinned value 't' moves into unpinned field 'lastSeen'")
        .inFile(log)
        .onLineContaining("Consumer<@Pinned Task> local = t -> lastSeen = t;");
    assertThat(compilation)
        .hadErrorContaining("[pin:move] pinned value 't' moves into unpinned field 'lastSeen'")
        .inFile(log)
        .onLineContaining("each(t -> lastSeen = t);");
  }

  @Test
  void usingTheParameterOfALambdaForAPinnedConsumerIsAccepted() {
    assertThat(
            compileWithTask(
                source(
                    "demo.Log",
                    """
                    package demo;
                    import java.util.ArrayList;
                    import java.util.List;
                    import java.util.function.Consumer;
                    import org.pinning.Pinned;
                    public final class Log {
                      static final List<@Pinned Task> FINISHED = new ArrayList<>();
                      @Pinned Task lastSeen;
                      static void each(Consumer<@Pinned Task> action) {}
                      void watch() {
                        Consumer<@Pinned Task> local = t -> lastSeen = t;
                        each(t -> t.poll());
                        each(Task::poll);
                        each(t -> FINISHED.add(t));
                        each(FINISHED::add);
                      }
                    }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void pinnedParameterOfAnInterfaceMethodAddedToAPlainListIsRejected() {
    JavaFileObject log =
        source(
            "demo.Log",
            """
            package demo;
            import java.util.ArrayList;
            import java.util.List;
            import java.util.function.Consumer;
            import org.pinning.Pinned;
            public final class Log {
              static final List<Task> FINISHED = new ArrayList<>();
              static void each(Consumer<@Pinned Task> action) {}
              void watch() {
                Sink lambda = t -> FINISHED.add(t);
                Sink reference = FINISHED::add;
                each(FINISHED::add);
              }
            }
            """);
    Compilation compilation = compileWithTask(log, sink());
    assertThat(compilation).hadErrorCount(3);
    assertThat(compilation)
        .hadErrorContaining("[pin:move] pinned value 't' moves into an unpinned parameter of")
        .inFile(log)
        .onLineContaining("Sink lambda = t -> FINISHED.add(t);");
    assertThat(compilation)
        .hadErrorContaining("[pin:move] pinned value 'task' moves into an unpinned parameter of")
        .inFile(log)
        .onLineContaining("Sink reference = FINISHED::add;");
    assertThat(compilation)
        .hadErrorContaining("[pin:move] pinned value 'task' moves into an unpinned parameter of")
        .inFile(log)
        .onLineContaining("each(FINISHED::add);");
    assertThat(compilation)
        .hadErrorContaining("help: give the container a @Pinned type argument, as 'List<@Pinned Task>'");
  }

  @Test
  void pinnedParameterOfAnInterfaceMethodUsedInPlaceIsAccepted() {
    assertThat(
            compileWithTask(
                sink(),
                source(
                    "demo.Log",
                    """
                    package demo;
                    import java.util.ArrayList;
                    import java.util.List;
                    import org.pinning.Pinned;
                    public final class Log {
                      static final List<@Pinned Task> FINISHED = new ArrayList<>();
                      void watch() {
                        Sink poll = Task::poll;
                        Sink lambda = t -> FINISHED.add(t);
                        Sink reference = FINISHED::add;
                      }
                    }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void pinnedResultsOfFunctionsWhoseTargetPinsThemAreAccepted() {
    assertThat(
            compileWithTask(
                source(
                    "demo.Pump",
                    """
                    package demo;
                    import java.util.function.Function;
                    import java.util.function.Supplier;
                    import org.pinning.Pinned;
                    public final class Pump {
                      @Pinned final Buffer rx = new Buffer();
                      @Pinned Buffer buffer() { return rx; }
                      final Supplier<@Pinned Buffer> field = () -> rx;
                      void start() {
                        Supplier<@Pinned Buffer> s = this::buffer;
                        Supplier<@Pinned Buffer> t = () -> rx;
                        Function<String, @Pinned Buffer> f = name -> rx;
                        Function<String, @Pinned Buffer> g = name -> {
                          return buffer();
                        };
                        Buffer b = s.get();
                        b.toString();
                      }
                      Supplier<@Pinned Buffer> supplier() {
                        return () -> rx;
                      }
                    }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void theResultOfAPinnedSupplierIsPinned() {
    JavaFileObject pump =
        source(
            "demo.Pump",
            """
            package demo;
            import java.util.function.Supplier;
            import org.pinning.Pinned;
            public final class Pump {
              Buffer last;
              void start(@Pinned Buffer rx) {
                Supplier<@Pinned Buffer> s = () -> rx;
                last = s.get();
              }
            }
            """);
    Compilation compilation = compileWithTask(pump);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[pin:move] pinned value 's.get()' moves into unpinned field 'last'")
        .inFile(pump)
        .onLineContaining("last = s.get();");
  }

  @Test
  void pinnedResultOfAFunctionWhoseTargetDoesNotPinItIsRejected() {
    JavaFileObject pump =
        source(
            "demo.Pump",
            """
            package demo;
            import java.util.function.Supplier;
            import org.pinning.Pinned;
            public final class Pump {
              void start(@Pinned Buffer rx) {
                Supplier<Buffer> s = () -> rx;
              }
            }
            """);
    Compilation compilation = compileWithTask(pump);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[pin:move] pinned value 'rx' moves into the return value of a lambda")
        .inFile(pump)
        .onLineContaining("Supplier<Buffer> s = () -> rx;");
    assertThat(compilation)
        .hadErrorContaining(
            "help: give the target type of the lambda a @Pinned type argument, as"
                + " 'Supplier<@Pinned Buffer>', or use the pinned value inside the lambda rather"
                + " than returning it");
  }

  @Test
  void pinnedResultOfAFunctionAGenericMethodKeepsOutOfSightIsRejected() {
    JavaFileObject pump =
        source(
            "demo.Pump",
            """
            package demo;
            import java.util.function.Supplier;
            import org.pinning.Pinned;
            public final class Pump {
              static <T> void store(Supplier<T> supplier) {}
              void start(@Pinned Buffer rx) {
                store(() -> rx);
              }
            }
            """);
    Compilation compilation = compileWithTask(pump);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[pin:move] pinned value 'rx' moves into the return value of a lambda")
        .inFile(pump)
        .onLineContaining("store(() -> rx);");
  }

  @Test
  void pinnedResultOfAFunctionIsCarriedIntoTheResultOfAGenericMethod() {
    JavaFileObject pump =
        source(
            "demo.Pump",
            """
            package demo;
            import java.util.function.Supplier;
            import org.pinning.Pinned;
            public final class Pump {
              Buffer last;
              static <T> T get(Supplier<T> supplier) {
                return supplier.get();
              }
              void start(@Pinned Buffer rx) {
                get(() -> rx).toString();
                last = get(() -> rx);
              }
            }
            """);
    Compilation compilation = compileWithTask(pump);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[pin:move] pinned value 'get()' moves into unpinned field 'last'")
        .inFile(pump)
        .onLineContaining("last = get(() -> rx);");
  }

  // Varargs

  @Test
  void pinnedValuesIntoAPinnedVarargsParameterAreAccepted() {
    assertThat(
            compileWithTask(
                source(
                    "demo.Keeper",
                    """
                    package demo;
                    import org.pinning.Pinned;
                    public final class Keeper {
                      static void keep(@Pinned Task... tasks) {
                        for (Task t : tasks) {
                          t.poll();
                        }
                      }
                      void run(@Pinned Task a, @Pinned Task b) {
                        keep(a, b);
                        keep(a);
                        keep();
                      }
                    }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void pinnedValueIntoAnUnpinnedVarargsParameterIsRejected() {
    JavaFileObject keeper =
        source(
            "demo.Keeper",
            """
            package demo;
            import org.pinning.Pinned;
            public final class Keeper {
              static void drop(Task... tasks) {}
              void run(@Pinned Task a) {
                drop(new Task(), a);
              }
            }
            """);
    Compilation compilation = compileWithTask(keeper);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:move] pinned value 'a' moves into unpinned parameter 'tasks' of"
                + " 'Keeper.drop(Task[])'")
        .inFile(keeper)
        .onLineContaining("drop(new Task(), a);");
    assertThat(compilation)
        .hadErrorContaining(
            "help: declare parameter 'tasks' of 'drop(Task[])' @Pinned; it may then keep the"
                + " value only in pinned places");
  }

  @Test
  void elementsOfAPinnedVarargsParameterMovedAreRejected() {
    JavaFileObject keeper =
        source(
            "demo.Keeper",
            """
            package demo;
            import org.pinning.Pinned;
            public final class Keeper {
              static Task stash;
              static void keep(@Pinned Task... tasks) {
                stash = tasks[0];
                for (Task t : tasks) {
                  stash = t;
                }
              }
            }
            """);
    Compilation compilation = compileWithTask(keeper);
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation)
        .hadErrorContaining("[pin:move] pinned value 'tasks[…]' moves into unpinned field 'stash'")
        .inFile(keeper)
        .onLineContaining("stash = tasks[0];");
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:move] pinned value 't' (from an element of 'tasks', line 7) moves into"
                + " unpinned field 'stash'")
        .inFile(keeper)
        .onLineContaining("stash = t;");
  }
}
