package org.pinning.processor.rules;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.pinning.processor.PinCompiler.compile;
import static org.pinning.processor.PinCompiler.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * {@code pin:unowned} (DESIGN.md §4.9): only the owner pins. One test per source of a value, each
 * with the closest valid program; then pinned receivers and pinned-from-birth constructors in
 * bodies (§4.10).
 */
class UnownedRuleTest {

  /** A pinned task with a pinned-receiver method, a factory, and a plain constructor. */
  private static JavaFileObject task() {
    return source(
        "demo.Task",
        """
        package demo;
        import org.pinning.Pinned;
        @Pinned
        public class Task {
          public void resume(@Pinned Task this) {}
          public void poll() {}
          public static Task make() { return new Task(); }
        }
        """);
  }

  /**
   * {@code demo.Runner}: a pinned container {@code running}, a pinned slot {@code current},
   * {@code spawn(@Pinned Task)}, unpinned fields {@code plain}, {@code stash}, {@code array},
   * {@code queue}, {@code byName}, and {@code members}, which begin on line 14.
   */
  private static JavaFileObject runner(String members) {
    return source(
        "demo.Runner",
        """
        package demo;
        import java.util.*;
        import org.pinning.Pinned;
        public final class Runner {
          final List<@Pinned Task> running = new ArrayList<>();
          @Pinned Task current;
          Task plain;
          Object stash;
          Task[] array = new Task[1];
          final List<Task> queue = new ArrayList<>();
          final Map<String, Task> byName = new HashMap<>();
          static void spawn(@Pinned Task task) {}
          boolean flag;
        %s
        }
        """
            .formatted(members));
  }

  private static Compilation compileRunner(String members) {
    return compile(task(), runner(members));
  }

  private static void assertUnowned(String members, String message, String line) {
    JavaFileObject runner = runner(members);
    Compilation compilation = compile(task(), runner);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[pin:unowned] " + message)
        .inFile(runner)
        .onLineContaining(line);
  }

  private static void assertAccepted(String members) {
    assertThat(compileRunner(members)).succeededWithoutWarnings();
  }

  // A parameter: its caller still holds it

  @Test
  void parameterAddedToAPinnedContainerIsRejected() {
    JavaFileObject runner =
        runner(
            """
              void spawnPlain(Task t) {
                running.add(t);
              }
            """);
    Compilation compilation = compile(task(), runner);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:unowned] 't' is pinned here, but it is a parameter: the caller still holds it"
                + " and may move it\n"
                + "  help: declare the parameter @Pinned so that callers pin it:"
                + " 'void spawnPlain(@Pinned Task t)'")
        .inFile(runner)
        .onLineContaining("running.add(t);");
  }

  @Test
  void pinnedParameterAddedToAPinnedContainerIsAccepted() {
    assertAccepted(
        """
          void spawnPinned(@Pinned Task t) {
            running.add(t);
          }
        """);
  }

  @Test
  void parameterStoredIntoAPinnedSlotIsRejected() {
    assertUnowned(
        """
          void replace(Task t) {
            current = t;
          }
        """,
        "'t' is pinned here, but it is a parameter",
        "current = t;");
  }

  @Test
  void parameterPassedToAPinnedParameterIsRejected() {
    assertUnowned(
        """
          void start(Task t) {
            spawn(t);
          }
        """,
        "'t' is pinned here, but it is a parameter",
        "spawn(t);");
  }

  @Test
  void parameterStoredIntoAPinnedLocalIsRejected() {
    assertUnowned(
        """
          void hold(Task t) {
            @Pinned Task held = t;
            held.poll();
          }
        """,
        "'t' is pinned here, but it is a parameter",
        "@Pinned Task held = t;");
  }

  @Test
  void parameterReturnedFromAPinnedMethodIsRejected() {
    assertUnowned(
        """
          @Pinned Task give(Task t) {
            return t;
          }
        """,
        "'t' is pinned here, but it is a parameter",
        "return t;");
  }

  @Test
  void parameterPinnedThroughRequireNonNullIsRejected() {
    assertUnowned(
        """
          void spawnChecked(Task t) {
            running.add(Objects.requireNonNull(t));
          }
        """,
        "'Objects.requireNonNull(t)' is pinned here, but it may hold 't', which is a parameter:"
            + " the caller still holds it and may move it\n"
            + "  help: declare the parameter @Pinned so that callers pin it:"
            + " 'void spawnChecked(@Pinned Task t)'",
        "running.add(Objects.requireNonNull(t));");
  }

  @Test
  void parameterPinnedThroughASwitchExpressionIsRejected() {
    assertUnowned(
        """
          void hold(Task t, int k) {
            @Pinned Task held = switch (k) { case 0 -> new Task(); default -> t; };
            held.poll();
          }
        """,
        "'switch (k) {…}' is pinned here, but it may hold 't', which is a parameter",
        "@Pinned Task held = switch (k)");
  }

  @Test
  void freshValuePinnedThroughRequireNonNullOrASwitchExpressionIsAccepted() {
    assertAccepted(
        """
          void start(int k) {
            Task t = new Task();
            running.add(Objects.requireNonNull(t));
            @Pinned Task held = switch (k) { case 0 -> Task.make(); default -> t; };
            held.poll();
          }
        """);
  }

  @Test
  void parameterGivenAFreshValueIsOwned() {
    assertAccepted(
        """
          void start(Task t) {
            t = new Task();
            spawn(t);
          }
        """);
  }

  // Fields, arrays and containers still hold what is read from them

  @Test
  void plainFieldPinnedIsRejected() {
    JavaFileObject runner =
        runner(
            """
              void start() {
                running.add(plain);
              }
            """);
    Compilation compilation = compile(task(), runner);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:unowned] 'plain' is pinned here, but it is unpinned field 'plain': the field"
                + " still holds it\n"
                + "  help: declare 'plain' @Pinned, or pin a value the method creates")
        .inFile(runner)
        .onLineContaining("running.add(plain);");
  }

  @Test
  void plainFieldOfAnotherObjectPinnedIsRejected() {
    assertUnowned(
        """
          void start(Runner other) {
            spawn(other.plain);
          }
        """,
        "'other.plain' is pinned here, but it is unpinned field 'plain'",
        "spawn(other.plain);");
  }

  @Test
  void pinnedSlotPinnedAgainIsAccepted() {
    assertAccepted(
        """
          void start() {
            running.add(current);
          }
        """);
  }

  @Test
  void arrayElementPinnedIsRejected() {
    assertUnowned(
        """
          void start() {
            spawn(array[0]);
          }
        """,
        "'array[0]' is pinned here, but it is an element of array 'array'",
        "spawn(array[0]);");
  }

  @Test
  void elementReadFromAnUnpinnedContainerIsRejected() {
    JavaFileObject runner =
        runner(
            """
              void start() {
                spawn(queue.get(0));
              }
            """);
    Compilation compilation = compile(task(), runner);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:unowned] 'queue.get(0)' is pinned here, but it is an element of 'queue', whose"
                + " element type is not @Pinned: the container still holds it\n"
                + "  help: give 'queue' a @Pinned type argument, or take the element out (poll,"
                + " remove) before pinning it")
        .inFile(runner)
        .onLineContaining("spawn(queue.get(0));");
  }

  @Test
  void elementReadFromAPinnedContainerInAConditionalIsOwned() {
    assertAccepted(
        """
          @Pinned Task head(@Pinned Task fallback) {
            @Pinned Task head = running.isEmpty() ? fallback : running.get(0);
            Task either = flag ? fallback : running.get(0);
            spawn(either);
            return flag ? null : running.get(0);
          }
        """);
  }

  @Test
  void unownedBranchOfAConditionalIsReportedWhereItIsWritten() {
    JavaFileObject runner =
        runner(
            """
              void start(@Pinned Task fallback) {
                spawn(flag
                    ? fallback
                    : queue.get(0));
              }
            """);
    Compilation compilation = compile(task(), runner);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[pin:unowned] 'queue.get(0)' is pinned here, but it is an element of 'queue'")
        .inFile(runner)
        .onLineContaining(": queue.get(0));");
  }

  @Test
  void elementReadFromAMapIsRejected() {
    assertUnowned(
        """
          void start() {
            spawn(byName.get("a"));
          }
        """,
        "'byName.get(\"a\")' is pinned here, but it is an element of 'byName'",
        "spawn(byName.get(\"a\"));");
  }

  @Test
  void elementTakenOutOfAnUnpinnedContainerIsOwned() {
    assertAccepted(
        """
          void start() {
            spawn(queue.remove(0));
            running.add(byName.remove("a"));
          }
        """);
  }

  @Test
  void enhancedForElementOfAnUnpinnedContainerIsRejected() {
    assertUnowned(
        """
          void start() {
            for (Task t : queue) {
              spawn(t);
            }
          }
        """,
        "'t' is pinned here, but it is an element of 'queue'",
        "spawn(t);");
  }

  @Test
  void enhancedForElementOfAPinnedContainerIsAccepted() {
    assertAccepted(
        """
          void start() {
            for (Task t : running) {
              spawn(t);
            }
          }
        """);
  }

  @Test
  void lambdaParameterOfAnUnpinnedContainerIsRejected() {
    assertUnowned(
        """
          void start() {
            queue.forEach(t -> spawn(t));
          }
        """,
        "'t' is pinned here, but it is a lambda parameter",
        "queue.forEach(t -> spawn(t));");
  }

  @Test
  void lambdaParameterOfAPinnedContainerIsAccepted() {
    assertAccepted(
        """
          void start() {
            running.forEach(t -> spawn(t));
          }
        """);
  }

  @Test
  void catchParameterPinnedIsRejected() {
    assertUnowned(
        """
          final List<@Pinned RuntimeException> failures = new ArrayList<>();
          void start() {
            try {
              stash.hashCode();
            } catch (RuntimeException e) {
              failures.add(e);
            }
          }
        """,
        "'e' is pinned here, but it is a catch parameter",
        "failures.add(e);");
  }

  // What the method owns

  @Test
  void freshValuesCallResultsAndPinnedValuesAreOwned() {
    assertAccepted(
        """
          void start(@Pinned Task given) {
            running.add(new Task());
            running.add(Task.make());
            Task made = Task.make();
            spawn(made);
            spawn(given);
            current = given;
            Task either = flag ? new Task() : Task.make();
            spawn(either);
          }
        """);
  }

  @Test
  void localThatMayHoldAParameterIsRejectedNamingIt() {
    assertUnowned(
        """
          void start(Task t) {
            Task x = new Task();
            if (flag) {
              x = t;
            }
            spawn(x);
          }
        """,
        "'x' is pinned here, but it may hold 't', which is a parameter",
        "spawn(x);");
  }

  @Test
  void localThatHoldsAFreshValueOnEveryPathIsAccepted() {
    assertAccepted(
        """
          void start(Task t) {
            Task x = t;
            x = new Task();
            spawn(x);
          }
        """);
  }

  @Test
  void knownUnpinValueIsNeverUnowned() {
    assertAccepted(
        """
          final List<@Pinned Object> notes = new ArrayList<>();
          void keep(String note) {
            notes.add(note);
          }
        """);
  }

  @Test
  void codeWithNoPinsGetsNoDiagnostic() {
    assertThat(
            compile(
                source(
                    "demo.Plain",
                    """
                    package demo;
                    import java.util.*;
                    public class Plain {
                      final List<Object> all = new ArrayList<>();
                      Object last;
                      void keep(Object o, Object[] more) {
                        all.add(o);
                        last = more[0];
                        all.add(all.get(0));
                      }
                    }
                    """)))
        .succeededWithoutWarnings();
  }

  // Interplay with after-pin: after pin:unowned the value counts as pinned

  @Test
  void unownedValueIsPinnedFromThereOn() {
    JavaFileObject runner =
        runner(
            """
              void start(Task t) {
                spawn(t);
                spawn(t);
                stash = t;
              }
            """);
    Compilation compilation = compile(task(), runner);
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation)
        .hadErrorContaining("[pin:unowned] 't' is pinned here")
        .inFile(runner)
        .onLine(15);
    assertThat(compilation)
        .hadErrorContaining("[pin:after-pin] 't' moves into unpinned field 'stash', but it was"
            + " pinned at line 15")
        .inFile(runner)
        .onLineContaining("stash = t;");
  }

  // Pinned receivers (§4.10)

  @Test
  void callingAPinnedReceiverMethodPinsTheLocal() {
    JavaFileObject runner =
        runner(
            """
              void start() {
                Task a = new Task();
                a.resume();
                stash = a;
              }
            """);
    Compilation compilation = compile(task(), runner);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[pin:after-pin] 'a' moves into unpinned field 'stash', but it was"
            + " pinned at line 16")
        .inFile(runner)
        .onLineContaining("stash = a;");
  }

  @Test
  void callingAnUnpinnedReceiverMethodPinsNothing() {
    assertAccepted(
        """
          void start() {
            Task a = new Task();
            a.poll();
            stash = a;
          }
        """);
  }

  @Test
  void pinnedReceiverMethodCalledOnAParameterIsRejected() {
    assertUnowned(
        """
          void start(Task t) {
            t.resume();
          }
        """,
        "'t' is pinned here, but it is a parameter",
        "t.resume();");
  }

  @Test
  void pinnedReceiverMethodCalledOnAPinnedParameterIsAccepted() {
    assertAccepted(
        """
          void start(@Pinned Task t) {
            t.resume();
          }
        """);
  }

  @Test
  void methodReferenceBoundToALocalPinsItWhereItIsMade() {
    JavaFileObject runner =
        runner(
            """
              void start() {
                Task a = new Task();
                Runnable r = a::resume;
                stash = a;
              }
            """);
    Compilation compilation = compile(task(), runner);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("but it was pinned at line 16")
        .inFile(runner)
        .onLineContaining("stash = a;");
  }

  @Test
  void methodReferenceBoundToAParameterIsRejected() {
    assertUnowned(
        """
          Runnable later(Task t) {
            return t::resume;
          }
        """,
        "'t' is pinned here, but it is a parameter",
        "return t::resume;");
  }

  @Test
  void thisWithoutAPinnedReceiverIsRejected() {
    JavaFileObject worker =
        source(
            "demo.Worker",
            """
            package demo;
            import java.util.*;
            import org.pinning.Pinned;
            @Pinned
            public class Worker {
              void register(List<@Pinned Worker> all, int order) {
                all.add(this);
              }
            }
            """);
    Compilation compilation = compile(worker);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:unowned] 'this' is pinned here, but it is the receiver of a method that does not"
                + " declare it pinned: the caller still holds it and may move it\n"
                + "  help: declare a pinned receiver so that callers pin it:"
                + " 'void register(@Pinned Worker this, List<Worker> all, int order)'")
        .inFile(worker)
        .onLineContaining("all.add(this);");
  }

  @Test
  void callOnTheImplicitThisPinsThis() {
    JavaFileObject worker =
        source(
            "demo.Worker",
            """
            package demo;
            import org.pinning.Pinned;
            @Pinned
            public class Worker {
              void resume(@Pinned Worker this) {}
              void plain() {
                resume();
              }
              void pinned(@Pinned Worker this) {
                resume();
              }
            }
            """);
    Compilation compilation = compile(worker);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[pin:unowned] 'this' is pinned here")
        .inFile(worker)
        .onLine(7);
  }

  @Test
  void thisOfAPinnedReceiverIsPinnedAndOwned() {
    JavaFileObject plain =
        source(
            "demo.Plain",
            """
            package demo;
            import java.util.*;
            import org.pinning.Pinned;
            public class Plain {
              Object last;
              void register(@Pinned Plain this, List<@Pinned Plain> all) {
                all.add(this);
              }
              void escape(@Pinned Plain this) {
                last = this;
              }
            }
            """);
    Compilation compilation = compile(plain);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[pin:move] pinned value 'this' moves into unpinned field 'last'")
        .inFile(plain)
        .onLineContaining("last = this;");
  }

  // Pinned-from-birth constructors (§4.10)

  @Test
  void thisInAPlainConstructorIsRejected() {
    JavaFileObject worker =
        source(
            "demo.Worker",
            """
            package demo;
            import java.util.*;
            import org.pinning.Pinned;
            @Pinned
            public class Worker {
              Worker(List<@Pinned Worker> all) {
                all.add(this);
              }
            }
            """);
    Compilation compilation = compile(worker);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:unowned] 'this' is pinned here, but it is an object that was not made pinned:"
                + " whoever made it still holds it and may move it\n"
                + "  help: annotate the constructor @Pinned so that the objects it makes are"
                + " pinned: '@Pinned Worker(List<Worker> all)'")
        .inFile(worker)
        .onLineContaining("all.add(this);");
  }

  @Test
  void thisInAPinnedConstructorAndInMethodsOfAClassBornPinnedIsOwned() {
    assertThat(
            compile(
                source(
                    "demo.Worker",
                    """
                    package demo;
                    import java.util.*;
                    import org.pinning.Pinned;
                    @Pinned
                    public class Worker {
                      @Pinned Worker(List<@Pinned Worker> all) {
                        all.add(this);
                      }
                      void again(List<@Pinned Worker> all) {
                        all.add(this);
                      }
                    }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void newThroughAPinnedConstructorIsPinned() {
    JavaFileObject worker =
        source(
            "demo.Worker",
            """
            package demo;
            import org.pinning.Pinned;
            @Pinned
            public class Worker {
              static Object last;
              @Pinned Worker() {}
              static void start() {
                Worker w = new Worker();
                last = w;
              }
            }
            """);
    Compilation compilation = compile(worker);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[pin:move] pinned value 'w' (from 'new Worker(…)', line 8) moves")
        .inFile(worker)
        .onLineContaining("last = w;");
  }

  // The opening example

  private static final String OPENING_MAIN =
      """
      package demo;
      final class Main {
        Task last;
        void go(Executor e) {
          Task a = new Task(); a.register(e); last = a;
          Task b = new Task(); e.spawnPlain(b); last = b;
        }
      }
      """;

  @Test
  void theOpeningExampleIsRejectedWhereItPinsWhatItDoesNotOwn() {
    JavaFileObject task =
        source(
            "demo.Task",
            """
            package demo;
            import org.pinning.Pinned;
            @Pinned final class Task {
              void register(Executor e) { e.running.add(this); }
            }
            """);
    JavaFileObject executor =
        source(
            "demo.Executor",
            """
            package demo;
            import java.util.*;
            import org.pinning.Pinned;
            final class Executor {
              final List<@Pinned Task> running = new ArrayList<>();
              void spawnPlain(Task t) { running.add(t); }
            }
            """);
    Compilation compilation = compile(task, executor, source("demo.Main", OPENING_MAIN));
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation)
        .hadErrorContaining("[pin:unowned] 'this' is pinned here")
        .inFile(task)
        .onLineContaining("e.running.add(this);");
    assertThat(compilation)
        .hadErrorContaining("[pin:unowned] 't' is pinned here")
        .inFile(executor)
        .onLineContaining("running.add(t);");
  }

  @Test
  void theOpeningExampleFixedMovesItsPinnedLocals() {
    JavaFileObject main = source("demo.Main", OPENING_MAIN);
    Compilation compilation =
        compile(
            source(
                "demo.Task",
                """
                package demo;
                import org.pinning.Pinned;
                @Pinned final class Task {
                  void register(@Pinned Task this, Executor e) { e.running.add(this); }
                }
                """),
            source(
                "demo.Executor",
                """
                package demo;
                import java.util.*;
                import org.pinning.Pinned;
                final class Executor {
                  final List<@Pinned Task> running = new ArrayList<>();
                  void spawnPlain(@Pinned Task t) { running.add(t); }
                }
                """),
            main);
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation)
        .hadErrorContaining("[pin:after-pin] 'a' moves into unpinned field 'last'")
        .inFile(main)
        .onLine(5);
    assertThat(compilation)
        .hadErrorContaining("[pin:after-pin] 'b' moves into unpinned field 'last'")
        .inFile(main)
        .onLine(6);
  }
}
