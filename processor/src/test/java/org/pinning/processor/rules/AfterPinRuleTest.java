package org.pinning.processor.rules;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.pinning.processor.PinCompiler.compile;
import static org.pinning.processor.PinCompiler.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * {@code pin:after-pin} (DESIGN.md §4.5): a local that was pinned on some path is pinned from then
 * on; a later move of it is reported at the move, naming the line that pinned it.
 */
class AfterPinRuleTest {

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
   * {@code demo.Runner} with an unpinned field {@code stash}, an unpinned list {@code backlog},
   * {@code spawn(@Pinned Task)}, and {@code members}, which begin on line 8.
   */
  private static JavaFileObject runner(String members) {
    return source(
        "demo.Runner",
        """
        package demo;
        import java.util.*;
        import org.pinning.Pinned;
        public final class Runner {
          Object stash;
          final List<Task> backlog = new ArrayList<>();
          static void spawn(@Pinned Task task) {}
        %s
        }
        """
            .formatted(members));
  }

  private static Compilation compileRunner(JavaFileObject runner) {
    return compile(task(), runner);
  }

  // How a local gets pinned

  @Test
  void moveAfterPassingTheLocalToAPinnedParameterIsRejectedNamingThePinningLine() {
    JavaFileObject runner =
        runner(
            """
              void start() {
                Task a = new Task();
                spawn(a);
                a.poll();
                stash = a;
              }
            """);
    Compilation compilation = compileRunner(runner);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:after-pin] 'a' moves into unpinned field 'stash', but it was pinned at line 10")
        .inFile(runner)
        .onLineContaining("stash = a;");
    assertThat(compilation)
        .hadErrorContaining(
            "help: once pinned, always pinned: declare 'stash' @Pinned (a pinned slot may be"
                + " reassigned), or keep the pinned value in a local");
  }

  @Test
  void usingTheLocalAfterPinningItIsAccepted() {
    assertThat(
            compileRunner(
                runner(
                    """
                      void start() {
                        Task a = new Task();
                        spawn(a);
                        a.poll();
                      }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void movingBeforePinningIsAccepted() {
    assertThat(
            compileRunner(
                runner(
                    """
                      void start() {
                        Task a = new Task();
                        backlog.add(a);
                        spawn(a);
                      }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void parameterPinnedThenMovedIsRejected() {
    JavaFileObject runner =
        runner(
            """
              void start(Task a) {
                spawn(a);
                backlog.add(a);
              }
            """);
    Compilation compilation = compileRunner(runner);
    assertThat(compilation).hadErrorCount(2);
    // The caller still holds 'a' (pin:unowned); from there on it counts as pinned.
    assertThat(compilation)
        .hadErrorContaining("[pin:unowned] 'a' is pinned here, but it is a parameter")
        .inFile(runner)
        .onLineContaining("spawn(a);");
    assertThat(compilation)
        .hadErrorContaining("[pin:after-pin] 'a' moves into")
        .inFile(runner)
        .onLineContaining("backlog.add(a);");
    assertThat(compilation).hadErrorContaining("but it was pinned at line 9");
  }

  @Test
  void aliasOfAPinnedLocalIsPinnedToo() {
    JavaFileObject runner =
        runner(
            """
              void start() {
                Task a = new Task();
                Task b = a;
                spawn(a);
                stash = b;
              }
            """);
    Compilation compilation = compileRunner(runner);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:after-pin] 'b' moves into unpinned field 'stash', but it was pinned at line 11")
        .inFile(runner)
        .onLineContaining("stash = b;");
  }

  @Test
  void formerAliasReassignedBeforeThePinIsAccepted() {
    assertThat(
            compileRunner(
                runner(
                    """
                      void start() {
                        Task a = new Task();
                        Task b = a;
                        b = new Task();
                        spawn(a);
                        stash = b;
                      }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void initializingAPinnedLocalPinsTheLocalItReads() {
    JavaFileObject runner =
        runner(
            """
              void start() {
                Task a = new Task();
                @Pinned Task t = a;
                stash = a;
              }
            """);
    Compilation compilation = compileRunner(runner);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:after-pin] 'a' moves into unpinned field 'stash', but it was pinned at line 10")
        .inFile(runner)
        .onLineContaining("stash = a;");
  }

  @Test
  void usingALocalAfterAPinnedLocalReadItIsAccepted() {
    assertThat(
            compileRunner(
                runner(
                    """
                      void start() {
                        Task a = new Task();
                        @Pinned Task t = a;
                        a.poll();
                        t.poll();
                      }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void storingInAPinnedFieldPinsTheLocal() {
    JavaFileObject runner =
        runner(
            """
              @Pinned final Task held;
              Runner() {
                Task a = new Task();
                held = a;
                stash = a;
              }
            """);
    Compilation compilation = compileRunner(runner);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:after-pin] 'a' moves into unpinned field 'stash', but it was pinned at line 11")
        .inFile(runner)
        .onLineContaining("stash = a;");
  }

  @Test
  void addingToAPinnedContainerPinsTheLocal() {
    JavaFileObject runner =
        runner(
            """
              final List<@Pinned Task> running = new ArrayList<>();
              void start() {
                Task a = new Task();
                running.add(a);
                stash = a;
              }
            """);
    Compilation compilation = compileRunner(runner);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:after-pin] 'a' moves into unpinned field 'stash', but it was pinned at line 11")
        .inFile(runner)
        .onLineContaining("stash = a;");
  }

  @Test
  void localReassignedWithAFreshValueAfterThePinMayBeMoved() {
    assertThat(
            compileRunner(
                runner(
                    """
                      void start() {
                        Task a = new Task();
                        spawn(a);
                        a = new Task();
                        stash = a;
                      }
                    """)))
        .succeededWithoutWarnings();
  }

  // Branches

  @Test
  void pinnedOnOneBranchOfAnIfIsPinnedAfterIt() {
    JavaFileObject runner =
        runner(
            """
              void start(boolean ready) {
                Task a = new Task();
                if (ready) {
                  spawn(a);
                }
                stash = a;
              }
            """);
    Compilation compilation = compileRunner(runner);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:after-pin] 'a' moves into unpinned field 'stash', but it was pinned at line 11")
        .inFile(runner)
        .onLineContaining("stash = a;");
  }

  @Test
  void movedOnTheOtherBranchOfAnIfIsAccepted() {
    assertThat(
            compileRunner(
                runner(
                    """
                      void start(boolean ready) {
                        Task a = new Task();
                        if (ready) {
                          spawn(a);
                        } else {
                          stash = a;
                        }
                      }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void pinnedOnBothBranchesOfAnIfIsPinnedAfterIt() {
    JavaFileObject runner =
        runner(
            """
              void start(boolean ready) {
                Task a = new Task();
                if (ready) {
                  spawn(a);
                } else {
                  a.poll();
                  spawn(a);
                }
                stash = a;
              }
            """);
    Compilation compilation = compileRunner(runner);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[pin:after-pin] 'a' moves into unpinned field 'stash'")
        .inFile(runner)
        .onLineContaining("stash = a;");
  }

  @Test
  void pinnedInOneCaseOfASwitchStatementIsPinnedAfterIt() {
    JavaFileObject runner =
        runner(
            """
              void start(int k) {
                Task a = new Task();
                switch (k) {
                  case 0:
                    spawn(a);
                    break;
                  default:
                    a.poll();
                }
                stash = a;
              }
            """);
    Compilation compilation = compileRunner(runner);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:after-pin] 'a' moves into unpinned field 'stash', but it was pinned at line 12")
        .inFile(runner)
        .onLineContaining("stash = a;");
  }

  @Test
  void movedInAnotherCaseOfASwitchStatementIsAccepted() {
    assertThat(
            compileRunner(
                runner(
                    """
                      void start(int k) {
                        Task a = new Task();
                        switch (k) {
                          case 0:
                            spawn(a);
                            break;
                          default:
                            stash = a;
                        }
                      }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void pinnedInOneCaseOfASwitchExpressionIsPinnedAfterIt() {
    JavaFileObject runner =
        runner(
            """
              int start(int k) {
                Task a = new Task();
                int n = switch (k) {
                  case 0 -> {
                    spawn(a);
                    yield 1;
                  }
                  default -> 0;
                };
                stash = a;
                return n;
              }
            """);
    Compilation compilation = compileRunner(runner);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:after-pin] 'a' moves into unpinned field 'stash', but it was pinned at line 12")
        .inFile(runner)
        .onLineContaining("stash = a;");
  }

  @Test
  void movedInAnotherCaseOfASwitchExpressionIsAccepted() {
    assertThat(
            compileRunner(
                runner(
                    """
                      int start(int k) {
                        Task a = new Task();
                        return switch (k) {
                          case 0 -> {
                            spawn(a);
                            yield 1;
                          }
                          default -> {
                            stash = a;
                            yield 0;
                          }
                        };
                      }
                    """)))
        .succeededWithoutWarnings();
  }

  // Loops: a pin at the end of the body reaches the top of the next iteration

  @Test
  void pinnedAtTheEndOfAWhileBodyIsPinnedAtItsTop() {
    JavaFileObject runner =
        runner(
            """
              void start(int n) {
                Task a = new Task();
                while (n-- > 0) {
                  stash = a;
                  spawn(a);
                }
              }
            """);
    Compilation compilation = compileRunner(runner);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:after-pin] 'a' moves into unpinned field 'stash', but it was pinned at line 12")
        .inFile(runner)
        .onLineContaining("stash = a;");
  }

  @Test
  void freshLocalInEachIterationOfAWhileIsAccepted() {
    assertThat(
            compileRunner(
                runner(
                    """
                      void start(int n) {
                        while (n-- > 0) {
                          Task a = new Task();
                          stash = a;
                          spawn(a);
                        }
                      }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void aLocalOfTheBodyPinnedThroughAnOuterAliasIsPinnedAtTheTopOfTheNextIteration() {
    // The body's own local starts afresh in each iteration; the outer alias carries the pin over.
    JavaFileObject runner =
        runner(
            """
              void start(int n) {
                Task last = null;
                while (n-- > 0) {
                  if (last != null) {
                    stash = last;
                  }
                  Task a = new Task();
                  last = a;
                  spawn(a);
                }
              }
            """);
    Compilation compilation = compileRunner(runner);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:after-pin] 'last' moves into unpinned field 'stash', but it was pinned at line")
        .inFile(runner)
        .onLineContaining("stash = last;");
  }

  @Test
  void nestedLoopsEachWithAFreshLocalAreAccepted() {
    assertThat(
            compileRunner(
                runner(
                    """
                      void start(int n) {
                        for (int i = 0; i < n; i++) {
                          Task outer = new Task();
                          stash = outer;
                          for (int j = 0; j < n; j++) {
                            Task inner = new Task();
                            stash = inner;
                            spawn(inner);
                          }
                          spawn(outer);
                        }
                      }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void aLocalOfTheOuterLoopPinnedInTheInnerLoopIsPinnedInTheInnerLoopsNextIteration() {
    JavaFileObject runner =
        runner(
            """
              void start(int n) {
                for (int i = 0; i < n; i++) {
                  Task outer = new Task();
                  for (int j = 0; j < n; j++) {
                    stash = outer;
                    spawn(outer);
                  }
                }
              }
            """);
    Compilation compilation = compileRunner(runner);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[pin:after-pin] 'outer' moves into unpinned field 'stash'")
        .inFile(runner)
        .onLineContaining("stash = outer;");
  }

  @Test
  void pinnedAtTheEndOfADoWhileBodyIsPinnedAtItsTop() {
    JavaFileObject runner =
        runner(
            """
              void start(int n) {
                Task a = new Task();
                do {
                  stash = a;
                  spawn(a);
                } while (n-- > 0);
              }
            """);
    Compilation compilation = compileRunner(runner);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:after-pin] 'a' moves into unpinned field 'stash', but it was pinned at line 12")
        .inFile(runner)
        .onLineContaining("stash = a;");
  }

  @Test
  void doWhileBodyLeftAfterThePinIsAccepted() {
    assertThat(
            compileRunner(
                runner(
                    """
                      void start(int n) {
                        Task a = new Task();
                        do {
                          stash = a;
                          spawn(a);
                          break;
                        } while (n-- > 0);
                      }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void pinnedAtTheEndOfAForBodyIsPinnedAtItsTop() {
    JavaFileObject runner =
        runner(
            """
              void start(int n) {
                Task a = new Task();
                for (int i = 0; i < n; i++) {
                  stash = a;
                  spawn(a);
                }
              }
            """);
    Compilation compilation = compileRunner(runner);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:after-pin] 'a' moves into unpinned field 'stash', but it was pinned at line 12")
        .inFile(runner)
        .onLineContaining("stash = a;");
  }

  @Test
  void forBodyLeftAfterThePinIsAccepted() {
    assertThat(
            compileRunner(
                runner(
                    """
                      void start(int n) {
                        Task a = new Task();
                        for (int i = 0; i < n; i++) {
                          stash = a;
                          spawn(a);
                          break;
                        }
                      }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void enhancedForVariableIsANewLocalInEachIteration() {
    JavaFileObject runner =
        runner(
            """
              void start(List<Task> list) {
                for (Task t : list) {
                  stash = t;
                  spawn(t);
                }
              }
            """);
    Compilation compilation = compileRunner(runner);
    // 't' is an element the list still holds (pin:unowned), but no after-pin in the next
    // iteration: each iteration's 't' is a new local.
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[pin:unowned] 't' is pinned here, but it is an element of 'list'")
        .inFile(runner)
        .onLineContaining("spawn(t);");
  }

  @Test
  void pinningEachValueMadeInAnEnhancedForIsAccepted() {
    assertThat(
            compileRunner(
                runner(
                    """
                      void start(List<String> names) {
                        for (String name : names) {
                          Task t = new Task();
                          spawn(t);
                        }
                      }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void enhancedForVariableMovedAfterItWasPinnedInTheSameIterationIsRejected() {
    JavaFileObject runner =
        runner(
            """
              void start(List<Task> list) {
                for (Task t : list) {
                  spawn(t);
                  backlog.add(t);
                }
              }
            """);
    Compilation compilation = compileRunner(runner);
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation).hadErrorContaining("[pin:unowned] 't' is pinned here");
    assertThat(compilation)
        .hadErrorContaining("[pin:after-pin] 't' moves into")
        .inFile(runner)
        .onLineContaining("backlog.add(t);");
    assertThat(compilation).hadErrorContaining("but it was pinned at line 10");
  }

  @Test
  void localFromOutsideAnEnhancedForIsPinnedInTheNextIteration() {
    JavaFileObject runner =
        runner(
            """
              void start(List<Task> list) {
                Task a = new Task();
                for (Task t : list) {
                  stash = a;
                  spawn(a);
                }
              }
            """);
    Compilation compilation = compileRunner(runner);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:after-pin] 'a' moves into unpinned field 'stash', but it was pinned at line 12")
        .inFile(runner)
        .onLineContaining("stash = a;");
  }

  // Exceptions

  @Test
  void pinnedInATryBlockIsPinnedInItsCatch() {
    JavaFileObject runner =
        runner(
            """
              void start() {
                Task a = new Task();
                try {
                  spawn(a);
                  a.poll();
                } catch (RuntimeException e) {
                  stash = a;
                }
              }
            """);
    Compilation compilation = compileRunner(runner);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:after-pin] 'a' moves into unpinned field 'stash', but it was pinned at line 11")
        .inFile(runner)
        .onLineContaining("stash = a;");
  }

  @Test
  void pinnedInACatchAfterAMoveInTheTryIsAccepted() {
    assertThat(
            compileRunner(
                runner(
                    """
                      void start() {
                        Task a = new Task();
                        try {
                          stash = a;
                        } catch (RuntimeException e) {
                          spawn(a);
                        }
                      }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void pinnedInATryBlockIsPinnedInItsFinally() {
    JavaFileObject runner =
        runner(
            """
              void start() {
                Task a = new Task();
                try {
                  spawn(a);
                } finally {
                  stash = a;
                }
              }
            """);
    Compilation compilation = compileRunner(runner);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:after-pin] 'a' moves into unpinned field 'stash', but it was pinned at line 11")
        .inFile(runner)
        .onLineContaining("stash = a;");
  }

  @Test
  void pinnedInAFinallyAfterAMoveInTheTryIsAccepted() {
    assertThat(
            compileRunner(
                runner(
                    """
                      void start() {
                        Task a = new Task();
                        try {
                          stash = a;
                        } finally {
                          spawn(a);
                        }
                      }
                    """)))
        .succeededWithoutWarnings();
  }

  // Jumps

  @Test
  void pinnedBeforeABreakIsPinnedAfterTheLoop() {
    JavaFileObject runner =
        runner(
            """
              void start(int n) {
                Task a = new Task();
                while (n-- > 0) {
                  if (n == 3) {
                    spawn(a);
                    break;
                  }
                }
                stash = a;
              }
            """);
    Compilation compilation = compileRunner(runner);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:after-pin] 'a' moves into unpinned field 'stash', but it was pinned at line 12")
        .inFile(runner)
        .onLineContaining("stash = a;");
  }

  @Test
  void pinnedBeforeAnEarlyReturnIsNotPinnedAfterIt() {
    assertThat(
            compileRunner(
                runner(
                    """
                      void start(int n) {
                        Task a = new Task();
                        while (n-- > 0) {
                          if (n == 3) {
                            spawn(a);
                            return;
                          }
                        }
                        stash = a;
                      }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void pinnedOnABranchThatReturnsIsNotPinnedAfterTheIf() {
    assertThat(
            compileRunner(
                runner(
                    """
                      void start(boolean done) {
                        Task a = new Task();
                        if (done) {
                          spawn(a);
                          return;
                        }
                        stash = a;
                      }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void pinnedOnABranchThatThrowsIsNotPinnedAfterTheIf() {
    assertThat(
            compileRunner(
                runner(
                    """
                      void start(boolean bad) {
                        Task a = new Task();
                        if (bad) {
                          spawn(a);
                          throw new IllegalStateException("bad");
                        }
                        stash = a;
                      }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void pinnedBeforeAContinueIsPinnedInTheNextIteration() {
    JavaFileObject runner =
        runner(
            """
              void start(int n) {
                Task a = new Task();
                for (int i = 0; i < n; i++) {
                  if (i == 0) {
                    spawn(a);
                    continue;
                  }
                  stash = a;
                }
              }
            """);
    Compilation compilation = compileRunner(runner);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:after-pin] 'a' moves into unpinned field 'stash', but it was pinned at line 12")
        .inFile(runner)
        .onLineContaining("stash = a;");
  }

  @Test
  void pinnedBeforeABreakOutOfTheLoopIsNotPinnedInTheRestOfItsBody() {
    assertThat(
            compileRunner(
                runner(
                    """
                      void start(int n) {
                        Task a = new Task();
                        for (int i = 0; i < n; i++) {
                          if (i == 0) {
                            spawn(a);
                            break;
                          }
                          stash = a;
                        }
                      }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void pinnedBeforeAnUnlabelledBreakOfAnInnerLoopIsPinnedInTheOuterBody() {
    JavaFileObject runner =
        runner(
            """
              void start(int n) {
                Task a = new Task();
                outer:
                for (int i = 0; i < n; i++) {
                  for (int j = 0; j < n; j++) {
                    if (j == i) {
                      spawn(a);
                      break;
                    }
                  }
                  stash = a;
                }
              }
            """);
    Compilation compilation = compileRunner(runner);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:after-pin] 'a' moves into unpinned field 'stash', but it was pinned at line 14")
        .inFile(runner)
        .onLineContaining("stash = a;");
  }

  @Test
  void labelledBreakOutOfTheOuterLoopSkipsTheRestOfItsBody() {
    assertThat(
            compileRunner(
                runner(
                    """
                      void start(int n) {
                        Task a = new Task();
                        outer:
                        for (int i = 0; i < n; i++) {
                          for (int j = 0; j < n; j++) {
                            if (j == i) {
                              spawn(a);
                              break outer;
                            }
                          }
                          stash = a;
                        }
                      }
                    """)))
        .succeededWithoutWarnings();
  }

  /** Asserts that {@code runner} gets one error, {@code message}, on the line {@code line}. */
  private static void rejectedOnce(JavaFileObject runner, String message, String line) {
    Compilation compilation = compileRunner(runner);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining(message).inFile(runner).onLineContaining(line);
  }

  // Aliases through conditionals and pattern bindings

  @Test
  void aConditionalAliasIsPinnedWithItsOriginal() {
    rejectedOnce(
        runner(
            """
              void start(boolean ready) {
                Task a = new Task();
                Task alias = ready ? a : null;
                spawn(a);
                stash = alias;
              }
            """),
        "[pin:after-pin] 'alias' moves into unpinned field 'stash', but it was pinned at line 11",
        "stash = alias;");
  }

  @Test
  void pinningAConditionalAliasPinsItsOriginal() {
    rejectedOnce(
        runner(
            """
              void start(boolean ready) {
                Task a = new Task();
                Task alias = ready ? a : null;
                spawn(alias);
                stash = a;
              }
            """),
        "[pin:after-pin] 'a' moves into unpinned field 'stash', but it was pinned at line 11",
        "stash = a;");
  }

  @Test
  void aConditionalAliasReassignedBeforeThePinIsAccepted() {
    assertThat(
            compileRunner(
                runner(
                    """
                      void start(boolean ready) {
                        Task a = new Task();
                        Task alias = ready ? a : null;
                        alias = new Task();
                        spawn(a);
                        stash = alias;
                      }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void pinningAPatternBindingPinsTheLocalItTested() {
    rejectedOnce(
        runner(
            """
              void start() {
                Object o = new Task();
                if (o instanceof Task t) {
                  spawn(t);
                  stash = o;
                }
              }
            """),
        "[pin:after-pin] 'o' moves into unpinned field 'stash', but it was pinned at line 11",
        "stash = o;");
  }

  @Test
  void pinningTheLocalTestedPinsItsPatternBinding() {
    rejectedOnce(
        runner(
            """
              static void keep(@Pinned Object o) {}
              void start() {
                Object o = new Task();
                if (o instanceof Task t) {
                  keep(o);
                  backlog.add(t);
                }
              }
            """),
        "[pin:after-pin] 't' moves into an unpinned parameter of 'List.add(E)', but it was pinned"
            + " at line 12",
        "backlog.add(t);");
  }

  @Test
  void movingAPatternBindingBeforeThePinIsAccepted() {
    assertThat(
            compileRunner(
                runner(
                    """
                      void start() {
                        Object o = new Task();
                        if (o instanceof Task t) {
                          backlog.add(t);
                          spawn(t);
                        }
                      }
                    """)))
        .succeededWithoutWarnings();
  }

  // requireNonNull in a pinned place

  @Test
  void addingRequireNonNullOfALocalToAPinnedContainerPinsTheLocal() {
    rejectedOnce(
        runner(
            """
              final List<@Pinned Task> running = new ArrayList<>();
              void start() {
                Task t = new Task();
                running.add(Objects.requireNonNull(t));
                stash = t;
              }
            """),
        "[pin:after-pin] 't' moves into unpinned field 'stash', but it was pinned at line 11",
        "stash = t;");
  }

  @Test
  void initializingAPinnedLocalWithRequireNonNullPinsTheLocal() {
    rejectedOnce(
        runner(
            """
              void start() {
                Task t = new Task();
                @Pinned Task p = Objects.requireNonNull(t, "t");
                backlog.add(t);
              }
            """),
        "[pin:after-pin] 't' moves into an unpinned parameter of 'List.add(E)', but it was pinned"
            + " at line 10",
        "backlog.add(t);");
  }

  @Test
  void movingALocalBeforeRequireNonNullPinsItIsAccepted() {
    assertThat(
            compileRunner(
                runner(
                    """
                      final List<@Pinned Task> running = new ArrayList<>();
                      void start() {
                        Task t = new Task();
                        backlog.add(t);
                        running.add(Objects.requireNonNull(t));
                      }
                    """)))
        .succeededWithoutWarnings();
  }

  // Pinned locals initialised from a switch expression

  @Test
  void aPinnedLocalInitialisedFromASwitchPinsTheLocalsOfItsBranches() {
    rejectedOnce(
        runner(
            """
              void start(int k) {
                Task a = new Task();
                Task b = new Task();
                @Pinned Task p = switch (k) { case 1 -> a; default -> b; };
                stash = b;
              }
            """),
        "[pin:after-pin] 'b' moves into unpinned field 'stash', but it was pinned at line 11",
        "stash = b;");
  }

  @Test
  void aPinnedLocalInitialisedFromASwitchPinsTheLocalsItsBlocksYield() {
    rejectedOnce(
        runner(
            """
              void start(int k) {
                Task a = new Task();
                Task b = new Task();
                @Pinned Task p =
                    switch (k) {
                      case 1 -> a;
                      default -> {
                        b.poll();
                        yield b;
                      }
                    };
                stash = b;
              }
            """),
        "[pin:after-pin] 'b' moves into unpinned field 'stash', but it was pinned at line 16",
        "stash = b;");
  }

  @Test
  void aLocalNoBranchOfTheSwitchYieldsMayBeMoved() {
    assertThat(
            compileRunner(
                runner(
                    """
                      void start(int k) {
                        Task a = new Task();
                        Task b = new Task();
                        @Pinned Task p =
                            switch (k) {
                              case 1 -> a;
                              default -> {
                                b.poll();
                                yield new Task();
                              }
                            };
                        stash = b;
                      }
                    """)))
        .succeededWithoutWarnings();
  }

  // Values of earlier iterations

  @Test
  void aLookBehindLoopPinsOnlyThePreviousValue() {
    assertThat(
            compileRunner(
                runner(
                    """
                      void start(int n) {
                        Task prev = null;
                        for (int i = 0; i < n; i++) {
                          Task cur = new Task();
                          if (prev != null) {
                            spawn(prev);
                          }
                          prev = cur;
                          backlog.add(cur);
                        }
                        stash = prev;
                      }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void aLookBehindLoopMovingThePreviousValueAfterItsPinIsRejected() {
    rejectedOnce(
        runner(
            """
              void start(int n) {
                Task prev = null;
                for (int i = 0; i < n; i++) {
                  Task cur = new Task();
                  if (prev != null) {
                    spawn(prev);
                  }
                  backlog.add(prev);
                  prev = cur;
                }
              }
            """),
        "[pin:after-pin] 'prev' moves into an unpinned parameter of 'List.add(E)', but it was"
            + " pinned at line 13",
        "backlog.add(prev);");
  }

  @Test
  void aFreshValueInACatchIsNotPinnedByThePreviousIterationsPin() {
    assertThat(
            compileRunner(
                runner(
                    """
                      void start(int n) {
                        Task last = null;
                        for (int i = 0; i < n; i++) {
                          Task t = new Task();
                          try {
                            if (last != null) {
                              spawn(last);
                            }
                            last = t;
                            t.poll();
                          } catch (RuntimeException e) {
                            backlog.add(t);
                          }
                        }
                      }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void thePreviousIterationsValueInACatchIsPinned() {
    rejectedOnce(
        runner(
            """
              void start(int n) {
                Task last = null;
                for (int i = 0; i < n; i++) {
                  Task t = new Task();
                  try {
                    if (last != null) {
                      spawn(last);
                    }
                    last = t;
                  } catch (RuntimeException e) {
                    backlog.add(last);
                  }
                }
              }
            """),
        "[pin:after-pin] 'last' moves into an unpinned parameter of 'List.add(E)', but it was"
            + " pinned at line 14",
        "backlog.add(last);");
  }

  // Bodies that run later: lambdas and classes

  @Test
  void aPinInsideALambdaDoesNotReachTheCatchAroundIt() {
    assertThat(
            compileRunner(
                runner(
                    """
                      final List<@Pinned Task> running = new ArrayList<>();
                      void start(java.util.concurrent.Executor executor) {
                        Task task = new Task();
                        try {
                          executor.execute(() -> { running.add(task); });
                        } catch (java.util.concurrent.RejectedExecutionException e) {
                          backlog.add(task);
                        }
                      }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void aPinInsideAnAnonymousClassDoesNotReachTheCatchAroundIt() {
    assertThat(
            compileRunner(
                runner(
                    """
                      final List<@Pinned Task> running = new ArrayList<>();
                      void start(java.util.concurrent.Executor executor) {
                        Task task = new Task();
                        try {
                          executor.execute(
                              new Runnable() {
                                @Override
                                public void run() {
                                  running.add(task);
                                }
                              });
                        } catch (java.util.concurrent.RejectedExecutionException e) {
                          backlog.add(task);
                        }
                      }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void aPinInTheTryBesideALambdaStillReachesTheCatch() {
    rejectedOnce(
        runner(
            """
              final List<@Pinned Task> running = new ArrayList<>();
              void start(java.util.concurrent.Executor executor) {
                Task task = new Task();
                try {
                  executor.execute(() -> { task.poll(); });
                  running.add(task);
                } catch (java.util.concurrent.RejectedExecutionException e) {
                  backlog.add(task);
                }
              }
            """),
        "[pin:after-pin] 'task' moves into an unpinned parameter of 'List.add(E)', but it was"
            + " pinned at line 13",
        "backlog.add(task);");
  }

  @Test
  void aLocalPinnedBeforeAnAnonymousClassIsPinnedInsideIt() {
    rejectedOnce(
        runner(
            """
              Runnable start() {
                Task t = new Task();
                spawn(t);
                Object o = t;
                return new Runnable() {
                  @Override
                  public void run() {
                    stash = o;
                  }
                };
              }
            """),
        "[pin:after-pin] 'o' moves into unpinned field 'Runner.stash', but it was pinned at line"
            + " 10",
        "stash = o;");
  }
}
