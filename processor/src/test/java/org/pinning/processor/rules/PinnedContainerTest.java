package org.pinning.processor.rules;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.pinning.processor.PinCompiler.compile;
import static org.pinning.processor.PinCompiler.source;

import com.google.testing.compile.Compilation;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Pinned containers (DESIGN.md §4.7): a {@code @Pinned} type argument makes the positions of its
 * type variable pinned places, and the container may flow only where that type argument is
 * {@code @Pinned} too.
 */
class PinnedContainerTest {

  private static JavaFileObject task() {
    return source(
        "demo.Task",
        """
        package demo;
        @org.pinning.Pinned
        public class Task {
          public void poll() {}
        }
        """);
  }

  /**
   * {@code demo.Pool} with pinned containers {@code tasks}, {@code byName}, {@code queue} and
   * {@code current}, an unpinned field {@code last}, and {@code members}, which begin on line 11.
   */
  private static JavaFileObject pool(String members) {
    return source(
        "demo.Pool",
        """
        package demo;
        import java.util.*;
        import org.pinning.Pinned;
        public final class Pool {
          final List<@Pinned Task> tasks = new ArrayList<>();
          final Map<String, @Pinned Task> byName = new HashMap<>();
          final Deque<@Pinned Task> queue = new ArrayDeque<>();
          Optional<@Pinned Task> current = Optional.empty();
          Object last;
          static void keep(Task task) {}
        %s
        }
        """
            .formatted(members));
  }

  private static Compilation compilePool(JavaFileObject pool) {
    return compile(task(), pool);
  }

  // Putting pinned values in

  @Test
  void addingAPinnedValueToAPinnedListIsAccepted() {
    assertThat(
            compilePool(
                pool(
                    """
                      void add(@Pinned Task task) {
                        tasks.add(task);
                        tasks.set(0, task);
                        byName.put("main", task);
                        queue.push(task);
                        queue.offer(task);
                      }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void addingAPinnedValueToAnUnpinnedListIsRejected() {
    JavaFileObject pool =
        pool(
            """
              final List<Task> plain = new ArrayList<>();
              void add(@Pinned Task task) {
                plain.add(task);
              }
            """);
    Compilation compilation = compilePool(pool);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[pin:move] pinned value 'task' moves into")
        .inFile(pool)
        .onLineContaining("plain.add(task);");
    assertThat(compilation).hadErrorContaining("'List.add(E)'");
  }

  // Taking pinned values out

  @Test
  void getIntoAnUnpinnedFieldIsRejected() {
    JavaFileObject pool =
        pool(
            """
              void peek() {
                last = tasks.get(0);
              }
            """);
    Compilation compilation = compilePool(pool);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:move] pinned value 'tasks.get()' moves into unpinned field 'last'")
        .inFile(pool)
        .onLineContaining("last = tasks.get(0);");
  }

  @Test
  void usingTheResultOfGetIsAccepted() {
    assertThat(
            compilePool(
                pool(
                    """
                      void peek() {
                        tasks.get(0).poll();
                        Task first = tasks.get(0);
                        first.poll();
                      }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void valueThroughAChainOfCallsOnAPinnedMapIsPinned() {
    JavaFileObject pool =
        pool(
            """
              void peek() {
                last = byName.values().iterator().next();
              }
            """);
    Compilation compilation = compilePool(pool);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:move] pinned value 'byName.values().iterator().next()' moves into unpinned field"
                + " 'last'")
        .inFile(pool)
        .onLineContaining("last = byName.values().iterator().next();");
  }

  @Test
  void usingAValueThroughAChainOfCallsIsAccepted() {
    assertThat(
            compilePool(
                pool(
                    """
                      void peek() {
                        byName.values().iterator().next().poll();
                      }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void pollOfAPinnedDequeIsPinned() {
    JavaFileObject pool =
        pool(
            """
              void take() {
                last = queue.poll();
              }
            """);
    Compilation compilation = compilePool(pool);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:move] pinned value 'queue.poll()' moves into unpinned field 'last'")
        .inFile(pool)
        .onLineContaining("last = queue.poll();");
  }

  @Test
  void pushingBackWhatWasPolledIsAccepted() {
    assertThat(
            compilePool(
                pool(
                    """
                      void rotate() {
                        Task head = queue.poll();
                        queue.push(head);
                        queue.addLast(queue.removeFirst());
                      }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void getOfAPinnedOptionalIsPinned() {
    JavaFileObject pool =
        pool(
            """
              void take() {
                last = current.get();
              }
            """);
    Compilation compilation = compilePool(pool);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:move] pinned value 'current.get()' moves into unpinned field 'last'")
        .inFile(pool)
        .onLineContaining("last = current.get();");
  }

  @Test
  void usingTheValueOfAPinnedOptionalIsAccepted() {
    assertThat(
            compilePool(
                pool(
                    """
                      void take() {
                        current.ifPresent(Task::poll);
                        current.get().poll();
                      }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void optionalWithAnExplicitPinnedTypeArgumentAcceptsAPinnedValue() {
    assertThat(
            compilePool(
                pool(
                    """
                      void choose(@Pinned Task task) {
                        current = Optional.<@Pinned Task>ofNullable(task);
                      }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void optionalWithAnInferredTypeArgumentRejectsAPinnedValue() {
    JavaFileObject pool =
        pool(
            """
              void choose(@Pinned Task task) {
                current = Optional.ofNullable(task);
              }
            """);
    Compilation compilation = compilePool(pool);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[pin:move] pinned value 'task' moves into")
        .inFile(pool)
        .onLineContaining("current = Optional.ofNullable(task);");
  }

  @Test
  void enhancedForVariableOverAPinnedListIsPinned() {
    JavaFileObject pool =
        pool(
            """
              void scan() {
                for (Task t : tasks) {
                  last = t;
                }
              }
            """);
    Compilation compilation = compilePool(pool);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:move] pinned value 't' (from an element of 'tasks', line 12) moves into unpinned"
                + " field 'last'")
        .inFile(pool)
        .onLineContaining("last = t;");
  }

  @Test
  void usingEnhancedForVariablesOverAPinnedListIsAccepted() {
    assertThat(
            compilePool(
                pool(
                    """
                      void scan() {
                        for (Task t : tasks) {
                          t.poll();
                        }
                      }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void lambdaParameterOverAPinnedListMovedIsRejectedOnce() {
    JavaFileObject pool =
        pool(
            """
              void scan() {
                tasks.forEach(t -> last = t);
              }
            """);
    Compilation compilation = compilePool(pool);
    // Consumer.accept returns nothing: the assignment is the one move, not also a lambda return.
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[pin:move] pinned value 't'")
        .inFile(pool)
        .onLineContaining("tasks.forEach(t -> last = t);");
    assertThat(compilation).hadErrorContaining("moves into unpinned field 'last'");
  }

  @Test
  void usingLambdaParametersOverAPinnedListIsAccepted() {
    assertThat(
            compilePool(
                pool(
                    """
                      void scan() {
                        tasks.forEach(t -> t.poll());
                      }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void methodReferenceTakingElementsOfAPinnedListIntoAnUnpinnedParameterIsRejected() {
    JavaFileObject pool =
        pool(
            """
              void scan() {
                tasks.forEach(Pool::keep);
              }
            """);
    Compilation compilation = compilePool(pool);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:move] pinned value 'task' (from an element of 'tasks', line 12) moves into"
                + " unpinned parameter 'task' of 'Pool.keep(Task)'")
        .inFile(pool)
        .onLineContaining("tasks.forEach(Pool::keep);");
  }

  @Test
  void methodReferenceCallingAMethodOfEachElementIsAccepted() {
    assertThat(
            compilePool(
                pool(
                    """
                      void scan() {
                        tasks.forEach(Task::poll);
                      }
                    """)))
        .succeededWithoutWarnings();
  }

  // The container itself

  @Test
  void assigningAPinnedListToAListOfUnpinnedElementsIsRejected() {
    JavaFileObject pool =
        pool(
            """
              void view() {
                List<Task> v = tasks;
              }
            """);
    Compilation compilation = compilePool(pool);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:move] pinned elements of 'tasks' move into local 'v' of type 'List<Task>'")
        .inFile(pool)
        .onLineContaining("List<Task> v = tasks;");
  }

  @Test
  void assigningAPinnedListToAWildcardListIsRejected() {
    JavaFileObject pool =
        pool(
            """
              void view() {
                List<?> any = tasks;
              }
            """);
    assertThat(compilePool(pool))
        .hadErrorContaining("[pin:move] pinned elements of 'tasks' move into local 'any'")
        .inFile(pool)
        .onLineContaining("List<?> any = tasks;");
  }

  @Test
  void assigningAPinnedListToARawListIsRejected() {
    JavaFileObject pool =
        pool(
            """
              @SuppressWarnings("rawtypes")
              void view() {
                List raw = tasks;
              }
            """);
    assertThat(compilePool(pool))
        .hadErrorContaining("[pin:move] pinned elements of 'tasks' move into local 'raw'")
        .inFile(pool)
        .onLineContaining("List raw = tasks;");
  }

  @Test
  void assigningAPinnedListToPlacesWithPinnedTypeArgumentsIsAccepted() {
    assertThat(
            compilePool(
                pool(
                    """
                      void view() {
                        List<@Pinned Task> v = tasks;
                        Collection<? extends @Pinned Task> all = tasks;
                        Iterable<@Pinned Task> each = v;
                      }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void varKeepsThePinnedTypeArgument() {
    JavaFileObject pool =
        pool(
            """
              void view() {
                var v = tasks;
                last = v.get(0);
              }
            """);
    Compilation compilation = compilePool(pool);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[pin:move] pinned value 'v.get()' moves into unpinned field 'last'")
        .inFile(pool)
        .onLineContaining("last = v.get(0);");
  }

  @Test
  void varOfAPinnedListIsAccepted() {
    assertThat(
            compilePool(
                pool(
                    """
                      void view() {
                        var v = tasks;
                        v.get(0).poll();
                      }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void copyingAPinnedListWithTheDiamondIsRejected() {
    JavaFileObject pool =
        pool(
            """
              List<Task> copy() {
                return new ArrayList<>(tasks);
              }
            """);
    Compilation compilation = compilePool(pool);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[pin:move] pinned elements of 'tasks' move into")
        .inFile(pool)
        .onLineContaining("return new ArrayList<>(tasks);");
  }

  @Test
  void copyingAPinnedListIntoAPinnedListIsAccepted() {
    assertThat(
            compilePool(
                pool(
                    """
                      void copy() {
                        List<@Pinned Task> copy = new ArrayList<@Pinned Task>(tasks);
                        copy.get(0).poll();
                      }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void passingAPinnedListToAListOfUnpinnedElementsIsRejected() {
    JavaFileObject pool =
        pool(
            """
              static void drain(List<Task> ts) {}
              void flush() {
                drain(tasks);
              }
            """);
    Compilation compilation = compilePool(pool);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:move] pinned elements of 'tasks' move into unpinned parameter 'ts' of"
                + " 'Pool.drain(List<Task>)'")
        .inFile(pool)
        .onLineContaining("drain(tasks);");
  }

  @Test
  void passingAPinnedListToAListOfPinnedElementsIsAccepted() {
    assertThat(
            compilePool(
                pool(
                    """
                      static void drain(List<@Pinned Task> ts) {}
                      void flush() {
                        drain(tasks);
                      }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void toArrayOfAPinnedListIsRejected() {
    JavaFileObject pool =
        pool(
            """
              void dump() {
                Object[] a = tasks.toArray();
              }
            """);
    Compilation compilation = compilePool(pool);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[pin:move] pinned elements of 'tasks.toArray()' move into an array")
        .inFile(pool)
        .onLineContaining("Object[] a = tasks.toArray();");
    assertThat(compilation)
        .hadErrorContaining(
            "help: arrays are never pinned places: copy into a list of pinned elements instead,"
                + " 'copy.addAll(tasks)' into a 'List<@Pinned Task> copy'");
  }

  @Test
  void copyOfAPinnedListIntoAListOfPinnedElementsIsAccepted() {
    // The fix the help line of toArray() offers.
    assertThat(
            compilePool(
                pool(
                    """
                      void dump() {
                        List<@Pinned Task> copy = new ArrayList<>();
                        copy.addAll(tasks);
                      }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void sizeOfAPinnedListIsAccepted() {
    assertThat(
            compilePool(
                pool(
                    """
                      void dump() {
                        int n = tasks.size();
                      }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void listOfWithAnExplicitPinnedTypeArgumentAcceptsPinnedValues() {
    assertThat(
            compilePool(
                pool(
                    """
                      void pair(@Pinned Task a, @Pinned Task b) {
                        List<@Pinned Task> both = List.<@Pinned Task>of(a, b);
                        both.get(0).poll();
                      }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void listOfWithAnInferredTypeArgumentRejectsAPinnedValue() {
    JavaFileObject pool =
        pool(
            """
              void single(@Pinned Task a) {
                List<Task> one = List.of(a);
              }
            """);
    Compilation compilation = compilePool(pool);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[pin:move] pinned value 'a' moves into")
        .inFile(pool)
        .onLineContaining("List<Task> one = List.of(a);");
  }

  @Test
  void vacatingAndQueryingSlotsOfAPinnedListIsAccepted() {
    assertThat(
            compilePool(
                pool(
                    """
                      void tidy(@Pinned Task task) {
                        boolean had = tasks.contains(task);
                        tasks.remove(task);
                        tasks.remove(0);
                        tasks.clear();
                        byName.remove("main");
                        queue.clear();
                      }
                    """)))
        .succeededWithoutWarnings();
  }

  // Containers that come out of calls

  @Test
  void containerReturnedByADeclaredMethodMayNotFlowIntoAnUnpinnedOne() {
    JavaFileObject pool =
        pool(
            """
              List<@Pinned Task> all() { return tasks; }
              List<Task> plain;
              void copy() {
                plain = all();
              }
            """);
    Compilation compilation = compilePool(pool);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:move] pinned elements of 'all()' move into unpinned field 'plain'")
        .inFile(pool)
        .onLineContaining("plain = all();");
  }

  @Test
  void elementOfAContainerReturnedByADeclaredMethodIsPinned() {
    JavaFileObject pool =
        pool(
            """
              List<@Pinned Task> all() { return tasks; }
              void peek() {
                last = all().get(0);
              }
            """);
    Compilation compilation = compilePool(pool);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:move] pinned value 'all().get()' moves into unpinned field 'last'")
        .inFile(pool)
        .onLineContaining("last = all().get(0);");
  }

  @Test
  void elementOfANestedContainerIsPinnedThroughChainedCalls() {
    JavaFileObject pool =
        pool(
            """
              final List<List<@Pinned Task>> nested = new ArrayList<>();
              void peek() {
                last = nested.get(0).get(0);
              }
              void walk() {
                last = nested.iterator().next().get(0);
              }
            """);
    Compilation compilation = compilePool(pool);
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:move] pinned value 'get().get()' moves into unpinned field 'last'")
        .inFile(pool)
        .onLineContaining("last = nested.get(0).get(0);");
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:move] pinned value 'next().get()' moves into unpinned field 'last'")
        .inFile(pool)
        .onLineContaining("last = nested.iterator().next().get(0);");
  }

  @Test
  void containersFromCallsIntoPinnedPlacesAreAccepted() {
    assertThat(
            compilePool(
                pool(
                    """
                      final List<List<@Pinned Task>> nested = new ArrayList<>();
                      List<@Pinned Task> all() { return tasks; }
                      void use() {
                        List<@Pinned Task> mine = all();
                        List<@Pinned Task> inner = nested.get(0);
                        all().get(0).poll();
                        for (Task t : nested.get(0)) { t.poll(); }
                        int n = all().size() + nested.get(0).size();
                      }
                    """)))
        .succeededWithoutWarnings();
  }

  // A @Pinned type argument written in a supertype clause counts for the subtype

  /**
   * {@code demo.Queues}: {@code RunQueue extends ArrayDeque<@Pinned Task>}, {@code Tasks
   * implements Iterable<@Pinned Task>}, and {@code members} of class {@code Use}, which begin on
   * line 13.
   */
  private static JavaFileObject queues(String members) {
    return source(
        "demo.Queues",
        """
        package demo;
        import java.util.*;
        import org.pinning.Pinned;
        final class RunQueue extends ArrayDeque<@Pinned Task> {}
        final class Tasks implements Iterable<@Pinned Task> {
          private final List<@Pinned Task> all = new ArrayList<>();
          @Override public Iterator<@Pinned Task> iterator() { return all.iterator(); }
        }
        public final class Queues {}
        final class Use {
          Deque<Task> kept;
          Task plain;
        %s
        }
        """
            .formatted(members));
  }

  private static final String ONLY_PINNED_PLACES =
      "help: only a place whose type argument is @Pinned may hold them, as 'List<@Pinned Task>'";

  @Test
  void containerPinnedBySupertypeClauseIntoAnUnpinnedContainerTypeIsRejected() {
    JavaFileObject queues =
        queues(
            """
              Deque<Task> view(RunQueue q) {
                return q;
              }
              void keep(RunQueue q) {
                kept = q;
                Deque<Task> d = q;
                drain(q);
                Iterable<Task> ts = new Tasks();
              }
              static void drain(Deque<Task> d) {}
            """);
    Compilation compilation = compile(task(), queues);
    assertThat(compilation).hadErrorCount(5);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:move] pinned elements of 'q' move into the return value of 'view(RunQueue)',"
                + " which is not @Pinned\n  "
                + ONLY_PINNED_PLACES)
        .inFile(queues)
        .onLineContaining("return q;");
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:move] pinned elements of 'q' move into unpinned field 'kept'\n  "
                + ONLY_PINNED_PLACES)
        .inFile(queues)
        .onLineContaining("kept = q;");
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:move] pinned elements of 'q' move into local 'd' of type 'Deque<Task>'")
        .inFile(queues)
        .onLineContaining("Deque<Task> d = q;");
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:move] pinned elements of 'q' move into unpinned parameter 'd' of"
                + " 'Use.drain(Deque<Task>)'")
        .inFile(queues)
        .onLineContaining("drain(q);");
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:move] pinned elements of 'new Tasks' move into local 'ts' of type"
                + " 'Iterable<Task>'")
        .inFile(queues)
        .onLineContaining("Iterable<Task> ts = new Tasks();");
  }

  @Test
  void containerPinnedBySupertypeClauseIntoPlacesThatKeepThePinIsAccepted() {
    assertThat(
            compile(
                task(),
                queues(
                    """
                      Deque<@Pinned Task> pinned;
                      final List<RunQueue> queues = new ArrayList<>();
                      Deque<@Pinned Task> view(RunQueue q) {
                        return q;
                      }
                      void keep(RunQueue q) {
                        pinned = q;
                        Deque<@Pinned Task> d = q;
                        RunQueue same = q;
                        var v = q;
                        drain(q);
                        queues.add(q);
                        Iterable<@Pinned Task> ts = new Tasks();
                      }
                      static void drain(Deque<@Pinned Task> d) {}
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void elementsOfAContainerPinnedBySupertypeClauseArePinned() {
    JavaFileObject queues =
        queues(
            """
              void scan(RunQueue q, Tasks ts) {
                for (Task t : q) {
                  plain = t;
                }
                for (Task t : ts) {
                  plain = t;
                }
                plain = q.poll();
              }
            """);
    Compilation compilation = compile(task(), queues);
    assertThat(compilation).hadErrorCount(3);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:move] pinned value 't' (from an element of 'q', line 14) moves into unpinned"
                + " field 'plain'")
        .inFile(queues)
        .onLine(15);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:move] pinned value 't' (from an element of 'ts', line 17) moves into unpinned"
                + " field 'plain'")
        .inFile(queues)
        .onLine(18);
    assertThat(compilation)
        .hadErrorContaining("[pin:move] pinned value 'q.poll()' moves into unpinned field 'plain'")
        .inFile(queues)
        .onLineContaining("plain = q.poll();");
  }

  @Test
  void pinnedValuesIntoAndOutOfAContainerPinnedBySupertypeClauseAreAccepted() {
    assertThat(
            compile(
                task(),
                queues(
                    """
                      @Pinned Task current;
                      void run(RunQueue q, Tasks ts, @Pinned Task next) {
                        q.add(next);
                        q.offer(next);
                        current = q.poll();
                        for (Task t : q) { t.poll(); }
                        for (Task t : ts) { current = t; }
                        q.forEach(Task::poll);
                      }
                    """)))
        .succeededWithoutWarnings();
  }

  /**
   * {@code demo.Queue<T> extends ArrayDeque<@Pinned T>}: a generic class pins its elements in its
   * supertype clause, whatever its type argument; {@code members} of {@code Use} begin on line 8.
   */
  private static JavaFileObject genericQueue(String members) {
    return source(
        "demo.Queue",
        """
        package demo;
        import java.util.*;
        import org.pinning.Pinned;
        public class Queue<T> extends ArrayDeque<@Pinned T> {}
        final class Use {
          Object plain;
          @Pinned Object current;
        %s
        }
        """
            .formatted(members));
  }

  @Test
  void elementsOfAGenericContainerPinnedByAParameterInItsClauseArePinned() {
    JavaFileObject queue =
        genericQueue(
            """
              Object first(Queue<Runnable> q) {
                return q.peek();
              }
              void keep(Queue<Runnable> q) {
                for (Runnable r : q) {
                  plain = r;
                }
              }
            """);
    Compilation compilation = compile(task(), queue);
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:move] pinned value 'q.peek()' moves into the return value of"
                + " 'first(Queue<Runnable>)', which is not @Pinned")
        .inFile(queue)
        .onLineContaining("return q.peek();");
    assertThat(compilation)
        .hadErrorContaining("[pin:move] pinned value 'r' (from an element of 'q', line 12)")
        .inFile(queue)
        .onLineContaining("plain = r;");
  }

  @Test
  void elementsOfAGenericContainerPinnedByAParameterInItsClauseMayGoToPinnedPlaces() {
    assertThat(
            compile(
                task(),
                genericQueue(
                    """
                      @Pinned Object first(Queue<Runnable> q) {
                        return q.peek();
                      }
                      void keep(Queue<Runnable> q) {
                        for (Runnable r : q) {
                          current = r;
                        }
                      }
                    """)))
        .succeededWithoutWarnings();
  }

  // Explicit type arguments of a generic pinned type (issue 14)

  /**
   * {@code demo.Cache<K, V>} with a generic pinned type {@code Node<K, V>} and {@code members},
   * which begin on line 11.
   */
  private static JavaFileObject cache(String members) {
    return source(
        "demo.Cache",
        """
        package demo;
        import java.util.*;
        import org.pinning.Pinned;
        @Pinned final class Node<K, V> {
          int rank;
          int rank() { return rank; }
        }
        final class Bag<T> { void addAll(Collection<? extends T> c) {} }
        public final class Cache<K, V> {
          final List<@Pinned Node<K, V>> all = new ArrayList<>();
        """
            + members
            + "}\n");
  }

  @Test
  void explicitPinnedTypeArgumentsOfAGenericPinnedTypeAreHonoured() {
    JavaFileObject cache =
        cache(
            """
              final Deque<@Pinned Node<K, V>> queue = new ArrayDeque<@Pinned Node<K, V>>();
              void keep(@Pinned Node<K, V> node) {
                queue.add(node);
                List<@Pinned Node<K, V>> two = List.<@Pinned Node<K, V>>of(node, node);
                Optional<@Pinned Node<K, V>> one = Optional.<@Pinned Node<K, V>>ofNullable(node);
                Comparator<@Pinned Node<K, V>> byRank =
                    Comparator.<@Pinned Node<K, V>>comparingInt(n -> n.rank());
                all.sort(byRank);
                List<@Pinned Node<K, V>> copy = new ArrayList<@Pinned Node<K, V>>(all);
                Deque<@Pinned Node<K, V>> local = new ArrayDeque<@Pinned Node<K, V>>(all);
                new Bag<@Pinned Node<K, V>>().addAll(all);
              }
            """);
    assertThat(compile(cache)).succeededWithoutWarnings();
  }

  @Test
  void unpinnedExplicitTypeArgumentsOfAGenericPinnedTypeAreMovesBlamingNoClassFile() {
    JavaFileObject cache =
        cache(
            """
              void keep(@Pinned Node<K, V> node) {
                List.<Node<K, V>>of(
                    node);
                new ArrayList<Node<K, V>>(
                    all);
                new Bag<Node<K, V>>().addAll(
                    all);
              }
            """);
    Compilation compilation = compile(cache);
    assertThat(compilation).hadErrorCount(3);
    assertThat(compilation)
        .hadErrorContaining("[pin:move] pinned value 'node' moves into unpinned parameter")
        .inFile(cache)
        .onLine(13);
    for (long line : new long[] {15, 17}) {
      assertThat(compilation)
          .hadErrorContaining(
              "[pin:move] pinned elements of 'all' move into unpinned parameter 'c' of '")
          .inFile(cache)
          .onLine(line);
    }
    // The type argument is written here, in the source: no class file is to blame.
    assertThat(compilation)
        .hadErrorContaining(
            "new ArrayList(Collection<? extends E>)'\n  help: only a place whose type argument is"
                + " @Pinned may hold them, as 'List<@Pinned Task>'");
    for (var error : compilation.errors()) {
      org.junit.jupiter.api.Assertions.assertFalse(
          error.getMessage(null).contains("class file"), error.getMessage(null));
    }
  }

  // Streams: what is collected stays pinned

  @Test
  void collectingAPinnedStreamIntoAnUnpinnedListIsRejected() {
    JavaFileObject pool =
        pool(
            """
              void copy() {
                List<Task> copy = tasks.stream().collect(java.util.stream.Collectors.toList());
                Set<Task> set = tasks.stream().collect(java.util.stream.Collectors.toSet());
              }
            """);
    Compilation compilation = compilePool(pool);
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:move] pinned elements of 'tasks.stream().collect()' move into local 'copy' of"
                + " type 'List<Task>'")
        .inFile(pool)
        .onLineContaining("List<Task> copy = tasks.stream()");
    assertThat(compilation)
        .hadErrorContaining("move into local 'set' of type 'Set<Task>'")
        .inFile(pool)
        .onLineContaining("Set<Task> set = tasks.stream()");
    assertThat(compilation)
        .hadErrorContaining(
            "help: only a place whose type argument is @Pinned may hold them, as 'List<@Pinned"
                + " Task>'");
  }

  @Test
  void streamToListOfAPinnedListIntoAnUnpinnedListIsRejected() {
    JavaFileObject pool =
        pool(
            """
              void copy() {
                List<Task> copy = tasks.stream().toList();
              }
            """);
    Compilation compilation = compilePool(pool);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[pin:move] pinned elements of 'tasks.stream().toList()' move into")
        .inFile(pool)
        .onLineContaining("List<Task> copy = tasks.stream().toList();");
  }

  @Test
  void collectingAPinnedStreamIntoPinnedPlacesIsAccepted() {
    assertThat(
            compilePool(
                pool(
                    """
                      void copy() {
                        List<@Pinned Task> copy =
                            tasks.stream().collect(java.util.stream.Collectors.toList());
                        Set<@Pinned Task> set =
                            tasks.stream().collect(java.util.stream.Collectors.toSet());
                        List<@Pinned Task> list = tasks.stream().toList();
                        var inferred = tasks.stream().collect(java.util.stream.Collectors.toList());
                        long busy = tasks.stream().filter(t -> t != null).count();
                        List<String> names =
                            tasks.stream().map(Object::toString)
                                .collect(java.util.stream.Collectors.toList());
                      }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void mapWithRequireNonNullKeepsTheElementsPinned() {
    JavaFileObject pool =
        pool(
            """
              void copy() {
                List<Task> copy = tasks.stream().map(Objects::requireNonNull).toList();
              }
            """);
    Compilation compilation = compilePool(pool);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:move] pinned elements of 'tasks.stream().map().toList()' move into local 'copy'")
        .inFile(pool)
        .onLineContaining("List<Task> copy = tasks.stream().map(Objects::requireNonNull)");
  }

  @Test
  void mapWithAnIdentityLambdaKeepsTheElementsPinned() {
    JavaFileObject pool =
        pool(
            """
              void copy() {
                List<Task> copy = tasks.stream().map(t -> t).toList();
              }
            """);
    Compilation compilation = compilePool(pool);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[pin:move] pinned elements of 'tasks.stream().map().toList()'")
        .inFile(pool)
        .onLineContaining("List<Task> copy = tasks.stream().map(t -> t).toList();");
  }

  @Test
  void mapWithRequireNonNullIntoAPinnedListIsAccepted() {
    assertThat(
            compilePool(
                pool(
                    """
                      void copy() {
                        List<@Pinned Task> copy =
                            tasks.stream().map(Objects::requireNonNull).toList();
                      }
                    """)))
        .succeededWithoutWarnings();
  }

  // Lambda parameters of functional types inherited from a supertype

  @Test
  void replaceAllParameterOfAPinnedListMovedIsRejected() {
    JavaFileObject pool =
        pool(
            """
              void swap() {
                tasks.replaceAll(t -> { last = t; return t; });
              }
            """);
    Compilation compilation = compilePool(pool);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:move] pinned value 't' (from an element of 'tasks', line 12) moves into"
                + " unpinned field 'last'")
        .inFile(pool)
        .onLineContaining("tasks.replaceAll(t -> { last = t; return t; });");
  }

  @Test
  void reduceParametersOfAPinnedStreamMovedAreRejected() {
    JavaFileObject pool =
        pool(
            """
              void pick() {
                tasks.stream().reduce((a, b) -> { last = b; return a; });
              }
            """);
    Compilation compilation = compilePool(pool);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[pin:move] pinned value 'b' (from an element of 'tasks.stream()'")
        .inFile(pool)
        .onLineContaining("tasks.stream().reduce((a, b) -> { last = b; return a; });");
  }

  @Test
  void replaceAllAndReduceReturningTheirPinnedParametersAreAccepted() {
    assertThat(
            compilePool(
                pool(
                    """
                      void tidy() {
                        tasks.replaceAll(t -> t);
                        tasks.replaceAll(t -> new Task());
                        Optional<@Pinned Task> any = tasks.stream().reduce((a, b) -> b);
                      }
                    """)))
        .succeededWithoutWarnings();
  }

  // Map updates: the function's result goes into the map's slot

  @Test
  void remappingFunctionsOfAPinnedMapMayReturnPinnedValues() {
    assertThat(
            compilePool(
                pool(
                    """
                      @Pinned final Task spare = new Task();
                      void update() {
                        byName.computeIfPresent("a", (k, v) -> v);
                        byName.compute("a", (k, v) -> v == null ? new Task() : v);
                        byName.computeIfAbsent("b", k -> new Task());
                        byName.merge("c", new Task(), (old, fresh) -> old);
                        byName.replaceAll((k, v) -> v);
                        byName.computeIfPresent("d", (k, v) -> spare);
                        byName.compute("e", (k, v) -> {
                          v.poll();
                          return v;
                        });
                      }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void returningAPinnedValueIntoAnUnpinnedMapIsRejected() {
    JavaFileObject pool =
        pool(
            """
              final Map<String, Task> plain = new HashMap<>();
              void update(@Pinned Task task) {
                plain.computeIfPresent("a", (k, v) -> task);
              }
            """);
    Compilation compilation = compilePool(pool);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:move] pinned value 'task' moves into the return value of a lambda, which"
                + " 'plain' stores unpinned")
        .inFile(pool)
        .onLineContaining("plain.computeIfPresent(\"a\", (k, v) -> task);");
    assertThat(compilation)
        .hadErrorContaining(
            "help: give 'plain' a @Pinned type argument for what the lambda returns, as"
                + " 'Map<String, @Pinned Task>'");
  }

  @Test
  void everyMapUpdateReturningAPinnedValueIntoAnUnpinnedMapNamesTheTypeArgument() {
    JavaFileObject pool =
        pool(
            """
              final Map<String, Task> plain = new HashMap<>();
              @Pinned Task make(String key) { return tasks.get(0); }
              void update(@Pinned Task task) {
                plain.merge("a", new Task(), (old, fresh) -> task);
                plain.replaceAll((k, v) -> task);
                plain.computeIfAbsent("b", k -> task);
                plain.computeIfAbsent("c", this::make);
              }
            """);
    Compilation compilation = compilePool(pool);
    assertThat(compilation).hadErrorCount(4);
    assertThat(compilation)
        .hadErrorContaining("which 'plain' stores unpinned")
        .inFile(pool)
        .onLineContaining("plain.merge(");
    assertThat(compilation)
        .hadErrorContaining("which 'plain' stores unpinned")
        .inFile(pool)
        .onLineContaining("plain.replaceAll(");
    assertThat(compilation)
        .hadErrorContaining("which 'plain' stores unpinned")
        .inFile(pool)
        .onLineContaining("k -> task");
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:move] pinned value 'make()' moves into the result of method reference"
                + " 'this::make', which 'plain' stores unpinned")
        .inFile(pool)
        .onLineContaining("this::make");
    assertThat(compilation)
        .hadErrorContaining(
            "help: give 'plain' a @Pinned type argument for what the method reference returns, as"
                + " 'Map<String, @Pinned Task>'");
  }

  @Test
  void pinningAPlainFieldThroughARemappingFunctionIsUnowned() {
    JavaFileObject pool =
        pool(
            """
              Task spare = new Task();
              void update() {
                byName.computeIfAbsent("a", k -> spare);
              }
            """);
    Compilation compilation = compilePool(pool);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[pin:unowned] 'spare' is pinned here")
        .inFile(pool)
        .onLineContaining("byName.computeIfAbsent(\"a\", k -> spare);");
  }

  // Explicit type arguments of generic pinned types

  /** A pinned generic node and a peeking iterator, in {@code demo.Nodes}. */
  private static JavaFileObject nodes(String members) {
    return source(
        "demo.Nodes",
        """
        package demo;
        import java.util.*;
        import org.pinning.Pinned;
        public final class Nodes<K, V> {
          @Pinned static final class Node<K, V> { K key; V value; }
          static final class PeekingIterator<T> {
            static <T> PeekingIterator<T> comparing(Collection<T> source) {
              return new PeekingIterator<>();
            }
            T peek() { return null; }
          }
          final List<@Pinned Node<K, V>> nodes = new ArrayList<>();
          Node<K, V> stash;
        %s
        }
        """
            .formatted(members));
  }

  @Test
  void explicitPinnedTypeArgumentsOfAGenericPinnedTypeAreHonored() {
    assertThat(
            compile(
                nodes(
                    """
                      void walk() {
                        PeekingIterator<@Pinned Node<K, V>> it =
                            PeekingIterator.<@Pinned Node<K, V>>comparing(nodes);
                        Deque<@Pinned Node<K, V>> queue = new ArrayDeque<@Pinned Node<K, V>>(nodes);
                        it.peek();
                      }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void whatComesOutOfAnExplicitlyPinnedGenericContainerIsPinned() {
    JavaFileObject nodes =
        nodes(
            """
              void walk() {
                stash = new ArrayDeque<@Pinned Node<K, V>>(nodes).poll();
              }
            """);
    Compilation compilation = compile(nodes);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[pin:move] pinned value 'new ArrayDeque<@Pinned Node<K, V>>.poll()'")
        .inFile(nodes)
        .onLineContaining("stash = new ArrayDeque<@Pinned Node<K, V>>(nodes).poll();");
  }

  @Test
  void helpForAMethodOfAnotherSourceFileDoesNotBlameClassFiles() {
    JavaFileObject feed =
        source(
            "demo.Feed",
            """
            package demo;
            public final class Feed {
              static <T> void feed(java.util.Collection<T> source) {}
            }
            """);
    JavaFileObject pool =
        pool(
            """
              void share() {
                Feed.feed(tasks);
                Deque<Task> copy = new ArrayDeque<Task>(tasks);
              }
            """);
    // Feed is checked, and its tree lowered, before Pool: it is still a source of this compilation.
    Compilation compilation = compile(task(), feed, pool);
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation)
        .hadErrorContaining("pinned elements of 'tasks' move into unpinned parameter 'source'")
        .inFile(pool)
        .onLineContaining("Feed.feed(tasks);");
    assertThat(compilation)
        .hadErrorContaining(
            "help: only a place whose type argument is @Pinned may hold them, as 'List<@Pinned"
                + " Task>'");
    for (Diagnostic<? extends JavaFileObject> error : compilation.errors()) {
      assertFalse(error.getMessage(Locale.ROOT).contains("class files"), error.toString());
    }
  }
}
