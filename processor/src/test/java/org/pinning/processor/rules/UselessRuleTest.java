package org.pinning.processor.rules;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.pinning.processor.PinCompiler.compile;
import static org.pinning.processor.PinCompiler.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Warning {@code pin:useless}: {@code @Pinned} on a place whose type is known Unpin (DESIGN.md
 * §4.8).
 */
class UselessRuleTest {

  private static final JavaFileObject TASK =
      source("demo.Task", "package demo;\n@org.pinning.Pinned public class Task {}");

  @Test
  void pinnedFinalStringFieldIsWarnedAtTheAnnotation() {
    JavaFileObject job =
        source(
            "demo.Job",
            """
            package demo;
            import org.pinning.Pinned;
            public final class Job {
              @Pinned final String name = "job";
            }
            """);
    Compilation compilation = compile(job);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation)
        .hadWarningContaining(
            "[pin:useless] @Pinned has no effect on 'name': type 'String' is Unpin")
        .inFile(job)
        .onLineContaining("@Pinned final String name");
  }

  @Test
  void uselessWarningHasAHelpLine() {
    JavaFileObject job =
        source(
            "demo.Job",
            """
            package demo;
            public final class Job {
              @org.pinning.Pinned final String name = "job";
            }
            """);
    assertThat(compile(job))
        .hadWarningContaining("help: remove @Pinned")
        .inFile(job)
        .onLineContaining("final String name");
  }

  @Test
  void pinnedFinalFieldOfAPinnedTypeIsAccepted() {
    assertThat(
            compile(
                TASK,
                source(
                    "demo.Job",
                    """
                    package demo;
                    import org.pinning.Pinned;
                    public final class Job {
                      @Pinned final Task task = new Task();
                    }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void pinnedFinalFieldOfAnInterfaceIsAccepted() {
    assertThat(
            compile(
                source(
                    "demo.Job",
                    """
                    package demo;
                    import org.pinning.Pinned;
                    public final class Job {
                      @Pinned final Runnable r = () -> {};
                    }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void pinnedPrimitiveArrayIsWarnedSinceArraysAreUnpin() {
    JavaFileObject job =
        source(
            "demo.Job",
            """
            package demo;
            import org.pinning.Pinned;
            public final class Job {
              @Pinned final int[] counts = new int[4];
            }
            """);
    Compilation compilation = compile(job);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation)
        .hadWarningContaining(
            "[pin:useless] @Pinned has no effect on 'counts': type 'int[]' is Unpin")
        .inFile(job)
        .onLineContaining("@Pinned final int[] counts");
  }

  @Test
  void pinnedArrayOfAPinnedTypeIsWarnedNotMisplaced() {
    JavaFileObject batch =
        source(
            "demo.Batch",
            """
            package demo;
            import org.pinning.Pinned;
            public final class Batch {
              void run() {
                @Pinned Task[] ts = new Task[2];
                ts.hashCode();
              }
            }
            """);
    Compilation compilation = compile(TASK, batch);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation)
        .hadWarningContaining("[pin:useless] @Pinned has no effect on 'ts': type 'Task[]' is Unpin")
        .inFile(batch)
        .onLineContaining("@Pinned Task[] ts");
  }

  @Test
  void pinnedArrayFieldOfAPinnedTypeIsWarned() {
    JavaFileObject batch =
        source(
            "demo.Batch",
            """
            package demo;
            import org.pinning.Pinned;
            public final class Batch {
              @Pinned final Task[] tasks = new Task[2];
            }
            """);
    Compilation compilation = compile(TASK, batch);
    assertThat(compilation).succeeded();
    assertThat(compilation)
        .hadWarningContaining(
            "[pin:useless] @Pinned has no effect on 'tasks': type 'Task[]' is Unpin")
        .inFile(batch)
        .onLineContaining("@Pinned final Task[] tasks");
  }

  /**
   * DESIGN.md §4.8: on a declaration of array type javac also puts {@code @Pinned} on the element
   * type ({@code @Pinned Task}), innermost for {@code Task[][]}; the declaration reading wins, so
   * each is {@code pin:useless} on the array (and never {@code pin:misplaced} for the element).
   */
  @Test
  void pinnedArrayReturnAndArraysOfArraysAreWarnedAtTheAnnotation() {
    JavaFileObject batch =
        source(
            "demo.Batch",
            """
            package demo;
            import org.pinning.Pinned;
            public final class Batch {
              @Pinned Task[] single() { return null; }
              @Pinned final Task[][] grid = new Task[1][];
              @Pinned Task[][] rows() { return grid; }
              void run(@Pinned Task[][] given) {
                @Pinned Task[][] local = given;
                local.hashCode();
              }
            }
            """);
    Compilation compilation = compile(TASK, batch);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(5);
    assertThat(compilation)
        .hadWarningContaining(
            "[pin:useless] @Pinned has no effect on 'single': type 'Task[]' is Unpin")
        .inFile(batch)
        .onLine(4)
        .atColumn(3); // @Pinned Task[] single()
    assertThat(compilation)
        .hadWarningContaining(
            "[pin:useless] @Pinned has no effect on 'grid': type 'Task[][]' is Unpin")
        .inFile(batch)
        .onLine(5)
        .atColumn(3); // @Pinned final Task[][] grid
    assertThat(compilation)
        .hadWarningContaining(
            "[pin:useless] @Pinned has no effect on 'rows': type 'Task[][]' is Unpin")
        .inFile(batch)
        .onLine(6)
        .atColumn(3); // @Pinned Task[][] rows()
    assertThat(compilation)
        .hadWarningContaining(
            "[pin:useless] @Pinned has no effect on 'given': type 'Task[][]' is Unpin")
        .inFile(batch)
        .onLine(7)
        .atColumn(12); // @Pinned Task[][] given
    assertThat(compilation)
        .hadWarningContaining(
            "[pin:useless] @Pinned has no effect on 'local': type 'Task[][]' is Unpin")
        .inFile(batch)
        .onLine(8)
        .atColumn(5); // @Pinned Task[][] local
  }

  /**
   * The element type javac annotates on {@code @Pinned Task[] ts} is not read as pinned elements:
   * arrays are never pinned places (DESIGN.md §4.8), so reading an element is no move and storing
   * a pinned value into one is.
   */
  @Test
  void elementsOfAPinnedArrayDeclarationAreNotPinnedPlaces() {
    JavaFileObject batch =
        source(
            "demo.Batch",
            """
            package demo;
            import org.pinning.Pinned;
            public final class Batch {
              @SuppressWarnings("pin:useless") @Pinned final Task[] field = new Task[1];
              Object stash;
              @SuppressWarnings("pin:useless") @Pinned Task[] all() { return field; }
              void read(@SuppressWarnings("pin:useless") @Pinned Task[][] grid) {
                stash = field[0];
                stash = all()[0];
                stash = grid[0][0];
                for (Task t : all()) { stash = t; }
              }
              void write(@Pinned Task task) {
                field[0] =
                    task;
              }
            }
            """);
    Compilation compilation = compile(TASK, batch);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadWarningCount(0);
    assertThat(compilation)
        .hadErrorContaining("[pin:move] pinned value 'task' moves into an array element")
        .inFile(batch)
        .onLineContaining("task;");
  }

  @Test
  void pinnedVarargsParameterIsJudgedByItsElementType() {
    JavaFileObject log =
        source(
            "demo.Log",
            """
            package demo;
            import org.pinning.Pinned;
            public final class Log {
              static void keep(@Pinned Task... tasks) {}
              static void write(@Pinned String... lines) {}
            }
            """);
    Compilation compilation = compile(TASK, log);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation)
        .hadWarningContaining(
            "[pin:useless] @Pinned has no effect on 'lines': type 'String' is Unpin")
        .inFile(log)
        .onLineContaining("@Pinned String... lines");
  }

  @Test
  void pinnedStringParameterIsWarned() {
    JavaFileObject log =
        source(
            "demo.Log",
            """
            package demo;
            import org.pinning.Pinned;
            public final class Log {
              void write(
                  @Pinned String line) {}
            }
            """);
    Compilation compilation = compile(log);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation)
        .hadWarningContaining(
            "[pin:useless] @Pinned has no effect on 'line': type 'String' is Unpin")
        .inFile(log)
        .onLineContaining("@Pinned String line");
  }

  @Test
  void pinnedParameterOfAPinnedTypeIsAccepted() {
    assertThat(
            compile(
                TASK,
                source(
                    "demo.Runner",
                    """
                    package demo;
                    import org.pinning.Pinned;
                    public final class Runner {
                      void run(@Pinned Task task, @Pinned Runnable r) {}
                    }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void pinnedMethodReturningStringIsWarned() {
    JavaFileObject job =
        source(
            "demo.Job",
            """
            package demo;
            import org.pinning.Pinned;
            public final class Job {
              @Pinned
              String name() { return "job"; }
            }
            """);
    Compilation compilation = compile(job);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation)
        .hadWarningContaining(
            "[pin:useless] @Pinned has no effect on 'name': type 'String' is Unpin")
        .inFile(job)
        .onLine(4);
  }

  @Test
  void pinnedMethodReturningAPinnedTypeIsAccepted() {
    assertThat(
            compile(
                TASK,
                source(
                    "demo.Job",
                    """
                    package demo;
                    import org.pinning.Pinned;
                    public final class Job {
                      @Pinned final Task task = new Task();
                      @Pinned Task task() { return task; }
                    }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void pinnedStringLocalIsWarned() {
    JavaFileObject job =
        source(
            "demo.Job",
            """
            package demo;
            import org.pinning.Pinned;
            public final class Job {
              void run() {
                @Pinned String label = "x";
                label.length();
              }
            }
            """);
    Compilation compilation = compile(job);
    assertThat(compilation).succeeded();
    assertThat(compilation)
        .hadWarningContaining(
            "[pin:useless] @Pinned has no effect on 'label': type 'String' is Unpin")
        .inFile(job)
        .onLineContaining("@Pinned String label");
  }

  @Test
  void fieldOfATypeVariableBoundedUnpinIsWarned() {
    JavaFileObject box =
        source(
            "demo.Box",
            """
            package demo;
            import org.pinning.Pinned;
            import org.pinning.Unpin;
            public final class Box<@Unpin T> {
              @Pinned final T value;
              Box(T value) { this.value = value; }
            }
            """);
    Compilation compilation = compile(box);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation)
        .hadWarningContaining("[pin:useless] @Pinned has no effect on 'value': type 'T' is Unpin")
        .inFile(box)
        .onLineContaining("@Pinned final T value");
  }

  @Test
  void fieldOfAnUnboundedTypeVariableIsAccepted() {
    assertThat(
            compile(
                source(
                    "demo.Cell",
                    """
                    package demo;
                    import org.pinning.Pinned;
                    public final class Cell<T> {
                      @Pinned final T value;
                      Cell(@Pinned T value) { this.value = value; }
                    }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void pinnedFieldOfAnUnpinTypeIsWarned() {
    JavaFileObject job =
        source(
            "demo.Job",
            """
            package demo;
            import org.pinning.Pinned;
            import org.pinning.Unpin;
            public final class Job {
              @Pinned final Name name = new Name();
            }
            @Unpin class Name {}
            """);
    Compilation compilation = compile(job);
    assertThat(compilation).succeeded();
    assertThat(compilation)
        .hadWarningContaining("[pin:useless] @Pinned has no effect on 'name': type 'Name' is Unpin")
        .inFile(job)
        .onLineContaining("@Pinned final Name name");
  }

  @Test
  void pinnedFieldOfARecordIsWarnedSinceRecordsAreFinal() {
    JavaFileObject job =
        source(
            "demo.Job",
            """
            package demo;
            import org.pinning.Pinned;
            public final class Job {
              @Pinned final Point origin = new Point(0, 0);
            }
            record Point(int x, int y) {}
            """);
    assertThat(compile(job))
        .hadWarningContaining(
            "[pin:useless] @Pinned has no effect on 'origin': type 'Point' is Unpin")
        .inFile(job)
        .onLineContaining("@Pinned final Point origin");
  }

  @Test
  void pinnedPrimitiveIsMisplacedAndNotAlsoUseless() {
    JavaFileObject job =
        source(
            "demo.Job",
            """
            package demo;
            import org.pinning.Pinned;
            public final class Job {
              @Pinned final int count = 0;
            }
            """);
    Compilation compilation = compile(job);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[pin:misplaced]")
        .inFile(job)
        .onLineContaining("@Pinned final int count");
    assertThat(compilation).hadWarningCount(0);
  }

  @Test
  void suppressionOnTheFieldSilencesTheWarning() {
    assertThat(
            compile(
                source(
                    "demo.Job",
                    """
                    package demo;
                    import org.pinning.Pinned;
                    public final class Job {
                      @SuppressWarnings("pin:useless")
                      @Pinned final String name = "job";
                    }
                    """)))
        .succeededWithoutWarnings();
  }

  // constructors pinned from birth and pinned receivers (§4.10)

  @Test
  void pinnedConstructorOfAKnownUnpinClassIsWarnedAtTheAnnotation() {
    JavaFileObject job =
        source(
            "demo.Job",
            """
            package demo;
            import org.pinning.Pinned;
            public final class Job {
              @Pinned
              Job() {}
            }
            """);
    Compilation compilation = compile(job);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation)
        .hadWarningContaining(
            "[pin:useless] @Pinned has no effect on constructor 'Job()': type 'Job' is Unpin\n"
                + "  "
                + "help: remove @Pinned; values of 'Job' may always be moved")
        .inFile(job)
        .onLineContaining("@Pinned");
  }

  @Test
  void pinnedConstructorOfAPinnedOrExtensibleClassIsAccepted() {
    assertThat(
            compile(
                TASK,
                source(
                    "demo.Job",
                    """
                    package demo;
                    import org.pinning.Pinned;
                    public final class Job {
                      @Pinned final Task task = new Task();
                      @Pinned Job() {}
                    }
                    class Base {
                      @Pinned Base() {}
                    }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void pinnedReceiverOfAKnownUnpinClassIsWarnedAtTheAnnotation() {
    JavaFileObject job =
        source(
            "demo.Job",
            """
            package demo;
            import org.pinning.Pinned;
            public final class Job {
              void run(@Pinned Job this, int times) {}
            }
            """);
    Compilation compilation = compile(job);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation)
        .hadWarningContaining(
            "[pin:useless] @Pinned has no effect on the receiver of 'run(int)': type 'Job' is"
                + " Unpin")
        .inFile(job)
        .onLine(4)
        .atColumn(12); // under the annotation, not the method name
  }

  @Test
  void pinnedReceiverOfAPinnedOrExtensibleClassIsAccepted() {
    assertThat(
            compile(
                source(
                    "demo.Job",
                    """
                    package demo;
                    import org.pinning.Pinned;
                    @Pinned
                    public final class Job {
                      void run(@Pinned Job this, int times) {}
                    }
                    class Base {
                      void run(@Pinned Base this) {}
                    }
                    """)))
        .succeededWithoutWarnings();
  }
}
