package org.pinning.processor.rules;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.pinning.processor.PinCompiler.compile;
import static org.pinning.processor.PinCompiler.source;

import com.google.testing.compile.Compilation;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** {@code pin:unpin} on declarations (DESIGN.md §4.4). */
class UnpinRuleTest {

  /** A generic whose type parameter is bounded {@code @Unpin}, and a pinned type to misuse it. */
  private static final String SLOT_AND_TASK =
      """
      package demo;
      import org.pinning.Pinned;
      import org.pinning.Unpin;
      public class Slot<@Unpin T> {}
      @Pinned final class Task {}
      """;

  private static JavaFileObject slot() {
    return source("demo.Slot", SLOT_AND_TASK);
  }

  // @Pinned and @Unpin on one element

  @Test
  void pinnedAndUnpinOnTheSameClassIsRejectedAtTheUnpinAnnotation() {
    JavaFileObject task =
        source(
            "demo.Task",
            """
            package demo;
            import org.pinning.Pinned;
            import org.pinning.Unpin;
            @Pinned
            @Unpin
            public final class Task {}
            """);
    Compilation compilation = compile(task);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[pin:unpin] 'Task' is declared both @Pinned and @Unpin")
        .inFile(task)
        .onLineContaining("@Unpin");
    assertThat(compilation)
        .hadErrorContaining(
            "help: keep @Pinned if its identity matters, @Unpin if it may be moved");
  }

  @Test
  void pinnedClassWithoutUnpinIsAccepted() {
    assertThat(
            compile(
                source(
                    "demo.Task",
                    """
                    package demo;
                    import org.pinning.Pinned;
                    @Pinned
                    public final class Task {}
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void unpinClassWithoutPinnedIsAccepted() {
    assertThat(
            compile(
                source(
                    "demo.Point",
                    """
                    package demo;
                    import org.pinning.Unpin;
                    @Unpin
                    public class Point {}
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void pinnedAndUnpinOnTheSameFieldIsRejectedAtTheUnpinAnnotation() {
    JavaFileObject task =
        source(
            "demo.Task",
            """
            package demo;
            import org.pinning.Pinned;
            import org.pinning.Unpin;
            @Pinned
            public final class Task {
              @Pinned
              @Unpin
              final Buffer buffer = new Buffer();
            }
            @Pinned final class Buffer {}
            """);
    Compilation compilation = compile(task);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[pin:unpin] 'buffer' is declared both @Pinned and @Unpin")
        .inFile(task)
        .onLineContaining("@Unpin");
  }

  @Test
  void fieldThatIsOnlyPinnedOrOnlyUnpinIsAccepted() {
    assertThat(
            compile(
                source(
                    "demo.Task",
                    """
                    package demo;
                    import org.pinning.Pinned;
                    import org.pinning.Unpin;
                    @Pinned
                    public final class Task {
                      @Pinned final Buffer buffer = new Buffer();
                      @Unpin Buffer scratch;
                    }
                    @Pinned final class Buffer {}
                    """)))
        .succeededWithoutWarnings();
  }

  // @Unpin on a type that rule 2 or 3 of §2 pins

  @Test
  void unpinClassExtendingAPinnedClassIsRejectedAtTheUnpinAnnotation() {
    JavaFileObject job =
        source(
            "demo.Job",
            """
            package demo;
            import org.pinning.Pinned;
            import org.pinning.Unpin;
            @Unpin
            public final class Job extends Task {}
            @Pinned class Task {}
            """);
    Compilation compilation = compile(job);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:unpin] @Unpin type 'Job' is pinned: it extends pinned type 'Task'")
        .inFile(job)
        .onLineContaining("@Unpin");
    assertThat(compilation)
        .hadErrorContaining(
            "help: remove @Unpin; every subtype of a pinned type is pinned");
  }

  // §2 rule 3 is about the parameterization: Cell<String> is not pinned, Cell<Task> is.

  private static JavaFileObject cell() {
    return source(
        "demo.Cell",
        """
        package demo;
        import org.pinning.Pinned;
        public class Cell<T> {
          @Pinned final T value;
          Cell(@Pinned T value) { this.value = value; }
        }
        @Pinned final class Task {}
        """);
  }

  @Test
  void unpinClassExtendingACellOfAKnownUnpinTypeIsAccepted() {
    JavaFileObject names =
        source(
            "demo.Names",
            """
            package demo;
            @org.pinning.Unpin
            public final class Names extends Cell<String> {
              Names() { super("n"); }
            }
            """);
    assertThat(compile(cell(), names)).succeededWithoutWarnings();
  }

  @Test
  void unpinClassExtendingACellOfAPinnedTypeIsRejectedAtTheUnpinAnnotation() {
    JavaFileObject tasks =
        source(
            "demo.Tasks",
            """
            package demo;
            @org.pinning.Unpin
            public final class Tasks extends Cell<Task> {
              Tasks() { super(new Task()); }
            }
            """);
    Compilation compilation = compile(cell(), tasks);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:unpin] @Unpin type 'Tasks' is pinned: it extends pinned type 'Cell'")
        .inFile(tasks)
        .onLineContaining("@org.pinning.Unpin");
  }

  @Test
  void classExtendingAPinnedClassWithoutUnpinIsAccepted() {
    assertThat(
            compile(
                source(
                    "demo.Job",
                    """
                    package demo;
                    import org.pinning.Pinned;
                    public final class Job extends Task {}
                    @Pinned class Task {}
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void unpinClassWithAPinnedFieldOfAPinnedTypeIsRejectedAtTheUnpinAnnotation() {
    JavaFileObject holder =
        source(
            "demo.Holder",
            """
            package demo;
            import org.pinning.Pinned;
            import org.pinning.Unpin;
            @Unpin
            public final class Holder {
              @Pinned final Task task = new Task();
            }
            @Pinned final class Task {}
            """);
    Compilation compilation = compile(holder);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:unpin] @Unpin type 'Holder' is pinned by its @Pinned field 'task'")
        .inFile(holder)
        .onLineContaining("@Unpin");
    assertThat(compilation)
        .hadErrorContaining(
            "help: remove @Unpin, or make 'task' @Unpin instead of @Pinned");
  }

  @Test
  void unpinClassWithAnUnpinFieldOfAPinnedTypeIsAccepted() {
    assertThat(
            compile(
                source(
                    "demo.Holder",
                    """
                    package demo;
                    import org.pinning.Pinned;
                    import org.pinning.Unpin;
                    @Unpin
                    public final class Holder {
                      @Unpin final Task task = new Task();
                    }
                    @Pinned final class Task {}
                    """)))
        .succeededWithoutWarnings();
  }

  // a pinned type whose supertype is @Unpin

  @Test
  void pinnedClassExtendingAnUnpinClassIsRejectedAtThePinnedAnnotation() {
    JavaFileObject task =
        source(
            "demo.Task",
            """
            package demo;
            import org.pinning.Pinned;
            import org.pinning.Unpin;
            @Pinned
            public final class Task extends Base {}
            @Unpin class Base {}
            """);
    Compilation compilation = compile(task);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[pin:unpin] pinned type 'Task' extends @Unpin type 'Base'")
        .inFile(task)
        .onLineContaining("@Pinned");
    assertThat(compilation)
        .hadErrorContaining(
            "help: an @Unpin type promises that no subtype is pinned: unpin 'Task' or remove @Unpin"
                + " from 'Base'");
  }

  @Test
  void pinnedClassImplementingAnUnpinInterfaceIsRejectedAtThePinnedAnnotation() {
    JavaFileObject task =
        source(
            "demo.Task",
            """
            package demo;
            import org.pinning.Pinned;
            import org.pinning.Unpin;
            @Pinned
            public final class Task implements Handle {}
            @Unpin interface Handle {}
            """);
    Compilation compilation = compile(task);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[pin:unpin] pinned type 'Task' extends @Unpin type 'Handle'")
        .inFile(task)
        .onLineContaining("@Pinned");
  }

  @Test
  void pinnedClassWithAnUnpinGrandparentClassIsRejectedAtThePinnedAnnotation() {
    JavaFileObject task =
        source(
            "demo.Task",
            """
            package demo;
            import org.pinning.Pinned;
            import org.pinning.Unpin;
            @Pinned
            public final class Task extends Middle {}
            class Middle extends Base {}
            @Unpin class Base {}
            """);
    Compilation compilation = compile(task);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[pin:unpin] pinned type 'Task' extends @Unpin type 'Base'")
        .inFile(task)
        .onLineContaining("@Pinned");
  }

  @Test
  void pinnedClassWithAnUnpinInterfaceFurtherUpIsRejectedAtThePinnedAnnotation() {
    JavaFileObject task =
        source(
            "demo.Task",
            """
            package demo;
            import org.pinning.Pinned;
            import org.pinning.Unpin;
            @Pinned
            public final class Task extends Base implements Job {}
            class Base {}
            interface Job extends Handle {}
            @Unpin interface Handle {}
            """);
    Compilation compilation = compile(task);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[pin:unpin] pinned type 'Task' extends @Unpin type 'Handle'")
        .inFile(task)
        .onLineContaining("@Pinned");
  }

  @Test
  void pinnedClassWhoseSuperclassImplementsAnUnpinInterfaceIsRejected() {
    JavaFileObject task =
        source(
            "demo.Task",
            """
            package demo;
            import org.pinning.Pinned;
            import org.pinning.Unpin;
            @Pinned
            public final class Task extends Base {}
            class Base implements Handle {}
            @Unpin interface Handle {}
            """);
    Compilation compilation = compile(task);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[pin:unpin] pinned type 'Task' extends @Unpin type 'Handle'")
        .inFile(task)
        .onLineContaining("@Pinned");
  }

  @Test
  void pinnedClassWhoseSupertypesAreNotUnpinIsAccepted() {
    assertThat(
            compile(
                source(
                    "demo.Task",
                    """
                    package demo;
                    import org.pinning.Pinned;
                    @Pinned
                    public final class Task extends Middle implements Job {}
                    class Middle extends Base {}
                    class Base {}
                    interface Job extends Handle {}
                    interface Handle {}
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void unpinnedClassExtendingAnUnpinClassIsAccepted() {
    assertThat(
            compile(
                source(
                    "demo.Task",
                    """
                    package demo;
                    import org.pinning.Unpin;
                    public final class Task extends Base {}
                    @Unpin class Base {}
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void classPinnedByItsFieldThatExtendsAnUnpinClassIsRejectedAtTheExtendsClause() {
    JavaFileObject holder =
        source(
            "demo.Holder",
            """
            package demo;
            import org.pinning.Pinned;
            import org.pinning.Unpin;
            public final class Holder
                extends Base {
              @Pinned final Task task = new Task();
            }
            @Unpin class Base {}
            @Pinned final class Task {}
            """);
    Compilation compilation = compile(holder);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[pin:unpin] pinned type 'Holder' extends @Unpin type 'Base'")
        .inFile(holder)
        .onLineContaining("extends Base");
  }

  @Test
  void classWithAnUnpinFieldThatExtendsAnUnpinClassIsAccepted() {
    assertThat(
            compile(
                source(
                    "demo.Holder",
                    """
                    package demo;
                    import org.pinning.Pinned;
                    import org.pinning.Unpin;
                    public final class Holder extends Base {
                      @Unpin final Task task = new Task();
                    }
                    @Unpin class Base {}
                    @Pinned final class Task {}
                    """)))
        .succeededWithoutWarnings();
  }

  // a pinned type argument for an @Unpin type parameter

  @Test
  void pinnedTypeArgumentInAnExtendsClauseIsRejectedAtTheTypeArgument() {
    JavaFileObject tasks =
        source(
            "demo.Tasks",
            """
            package demo;
            public class Tasks extends Slot<
                Task> {}
            """);
    Compilation compilation = compile(slot(), tasks);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:unpin] pinned type 'Task' for @Unpin type parameter 'T' of 'Slot'")
        .inFile(tasks)
        .onLineContaining("Task> {}");
    assertThat(compilation)
        .hadErrorContaining(
            "help: 'Slot' may move its 'T' values: use an unpinned type argument");
  }

  @Test
  void pinnedTypeArgumentInAFieldTypeIsRejectedAtTheTypeArgument() {
    JavaFileObject registry =
        source(
            "demo.Registry",
            """
            package demo;
            public class Registry {
              Slot<
                  Task> slot;
            }
            """);
    Compilation compilation = compile(slot(), registry);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:unpin] pinned type 'Task' for @Unpin type parameter 'T' of 'Slot'")
        .inFile(registry)
        .onLineContaining("Task> slot;");
  }

  @Test
  void pinnedTypeArgumentInAParameterTypeIsRejectedAtTheTypeArgument() {
    JavaFileObject registry =
        source(
            "demo.Registry",
            """
            package demo;
            public class Registry {
              void keep(Slot<
                  Task> slot) {}
            }
            """);
    Compilation compilation = compile(slot(), registry);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:unpin] pinned type 'Task' for @Unpin type parameter 'T' of 'Slot'")
        .inFile(registry)
        .onLineContaining("Task> slot)");
  }

  @Test
  void unpinnedTypeArgumentsForAnUnpinTypeParameterAreAccepted() {
    JavaFileObject registry =
        source(
            "demo.Registry",
            """
            package demo;
            public class Registry extends Slot<String> {
              Slot<Object> anything;
              void keep(Slot<Integer> slot) {}
            }
            """);
    assertThat(compile(slot(), registry)).succeededWithoutWarnings();
  }

  @Test
  void conditionallyPinnedTypeArgumentIsJudgedByItsOwnTypeArgument() {
    JavaFileObject cell =
        source(
            "demo.Cell",
            """
            package demo;
            import org.pinning.Pinned;
            public final class Cell<T> {
              @Pinned final T value;
              Cell(@Pinned T value) { this.value = value; }
            }
            """);
    JavaFileObject registry =
        source(
            "demo.Registry",
            """
            package demo;
            public class Registry {
              Slot<Cell<String>> names;
              Slot<Cell<Task>> tasks;
            }
            """);
    Compilation compilation = compile(slot(), cell, registry);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:unpin] pinned type 'Cell<Task>' for @Unpin type parameter 'T' of 'Slot'")
        .inFile(registry)
        .onLineContaining("Slot<Cell<Task>> tasks;");
  }

  @Test
  void conditionallyPinnedTypeWithAnUnpinTypeArgumentIsAccepted() {
    JavaFileObject cell =
        source(
            "demo.Cell",
            """
            package demo;
            import org.pinning.Pinned;
            public final class Cell<T> {
              @Pinned final T value;
              Cell(@Pinned T value) { this.value = value; }
            }
            """);
    JavaFileObject registry =
        source(
            "demo.Registry",
            """
            package demo;
            public class Registry {
              Slot<Cell<String>> names;
            }
            """);
    assertThat(compile(slot(), cell, registry)).succeededWithoutWarnings();
  }

  // suppression and severity

  @Test
  void suppressingPinOnTheClassSilencesTheRule() {
    assertThat(
            compile(
                source(
                    "demo.Task",
                    """
                    package demo;
                    import org.pinning.Pinned;
                    import org.pinning.Unpin;
                    @SuppressWarnings("pin")
                    @Pinned
                    @Unpin
                    public final class Task {}
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void suppressingPinUnpinOnTheClassSilencesTheRule() {
    assertThat(
            compile(
                source(
                    "demo.Job",
                    """
                    package demo;
                    import org.pinning.Pinned;
                    import org.pinning.Unpin;
                    @SuppressWarnings("pin:unpin")
                    @Unpin
                    public final class Job extends Task {}
                    @Pinned class Task {}
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void suppressingPinUnpinOnTheEnclosingClassSilencesAPinnedTypeArgument() {
    JavaFileObject tasks =
        source(
            "demo.Tasks",
            """
            package demo;
            @SuppressWarnings("pin:unpin")
            public class Tasks extends Slot<Task> {}
            """);
    assertThat(compile(slot(), tasks)).succeededWithoutWarnings();
  }

  @Test
  void suppressingAnotherCodeDoesNotSilenceTheRule() {
    JavaFileObject job =
        source(
            "demo.Job",
            """
            package demo;
            import org.pinning.Pinned;
            import org.pinning.Unpin;
            @SuppressWarnings("pin:copy")
            @Unpin
            public final class Job extends Task {}
            @Pinned class Task {}
            """);
    assertThat(compile(job))
        .hadErrorContaining("[pin:unpin] @Unpin type 'Job' is pinned: it extends pinned type 'Task'")
        .inFile(job)
        .onLineContaining("@Unpin");
  }

  @Test
  void severityWarningReportsTheSameMessageAsAWarning() {
    JavaFileObject job =
        source(
            "demo.Job",
            """
            package demo;
            import org.pinning.Pinned;
            import org.pinning.Unpin;
            @Unpin
            public final class Job extends Task {}
            @Pinned class Task {}
            """);
    Compilation compilation = compile(List.of("-Apin.severity=warning"), job);
    assertThat(compilation).succeeded();
    assertThat(compilation)
        .hadWarningContaining(
            "[pin:unpin] @Unpin type 'Job' is pinned: it extends pinned type 'Task'")
        .inFile(job)
        .onLineContaining("@Unpin");
  }

  @Test
  void pinnedTypeArgumentInANewExpressionInABodyIsRejectedAtTheTypeArgument() {
    JavaFileObject file =
        source(
            "demo.Use",
            """
            package demo;
            import org.pinning.Pinned;
            import org.pinning.Unpin;
            @Pinned final class Task {}
            final class Slot<@Unpin T> {}
            public final class Use {
              Object make() {
                return new Slot<
                    Task>();
              }
              Object fine() {
                return new Slot<String>();
              }
            }
            """);
    Compilation compilation = compile(file);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:unpin] pinned type 'Task' for @Unpin type parameter 'T' of 'Slot'")
        .inFile(file)
        .onLineContaining("Task>();");
  }

  @Test
  void pinnedExplicitMethodTypeArgumentIsRejectedAtTheTypeArgument() {
    JavaFileObject file =
        source(
            "demo.Use",
            """
            package demo;
            import org.pinning.Pinned;
            import org.pinning.Unpin;
            @Pinned final class Task {}
            public final class Use {
              static <@Unpin T> T identity(T t) { return t; }
              Object make(Task task) {
                return Use.<
                    Task>identity(null);
              }
            }
            """);
    Compilation compilation = compile(file);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:unpin] pinned type 'Task' for @Unpin type parameter 'T' of 'Use.identity(T)'")
        .inFile(file)
        .onLineContaining("Task>identity(null);");
    assertThat(compilation)
        .hadErrorContaining(
            "help: 'Use.identity(T)' may move its 'T' values: use an unpinned type argument");
  }

  @Test
  void unpinnedExplicitMethodTypeArgumentIsAccepted() {
    JavaFileObject file =
        source(
            "demo.Use",
            """
            package demo;
            import org.pinning.Pinned;
            import org.pinning.Unpin;
            @Pinned final class Task {}
            public final class Use {
              static <@Unpin T> T identity(T t) { return t; }
              Object make(Task task) {
                return Use.<String>identity("name");
              }
            }
            """);
    assertThat(compile(file)).succeededWithoutWarnings();
  }

  @Test
  void anErrorInAProjectedClassIsNotRepeatedInItsProjection() {
    JavaFileObject nodes =
        source(
            "demo.Nodes",
            """
            package demo;
            import org.pinning.Pinned;
            import org.pinning.Unpin;
            @Pinned final class Task {}
            final class Slot<@Unpin T> { T value; }
            public final class Nodes {
              @Pinned final Task head = new Task();
              final Slot<Task> spare = new Slot<>();
            }
            """);
    Compilation compilation = compile(nodes);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[pin:unpin] pinned type 'Task' for @Unpin type parameter 'T'")
        .inFile(nodes)
        .onLineContaining("final Slot<Task> spare");
  }

  // Type arguments javac infers (issue 14): judged once, where inferred, not again where written

  /** {@code Slot<@Unpin T>}, a generic factory, a functional interface bounded {@code @Unpin}. */
  private static final String INFERRED_PRELUDE =
      """
      package demo;
      import java.util.List;
      import java.util.function.Consumer;
      import org.pinning.Pinned;
      import org.pinning.Unpin;
      @Pinned final class Task {}
      final class Slot<@Unpin T> {
        Slot() {}
        Slot(T value) {}
        static <U> Slot<U> of(U value) { return new Slot<>(value); }
      }
      interface Sink<@Unpin T> { void accept(T value); }
      """;

  private static JavaFileObject inferred(String body) {
    return source("demo.Use", INFERRED_PRELUDE + "public final class Use {\n" + body + "}\n");
  }

  /** The line of {@code Use} whose text contains {@code fragment}, 1-based. */
  private static long lineOf(String body, String fragment) {
    String text = INFERRED_PRELUDE + "public final class Use {\n" + body;
    String before = text.substring(0, text.indexOf(fragment));
    return before.chars().filter(c -> c == '\n').count() + 1;
  }

  private static void assertOneUnpinErrorAt(String body, String line, long column, String owner) {
    JavaFileObject file = inferred(body);
    Compilation compilation = compile(file);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:unpin] pinned type 'Task' for @Unpin type parameter 'T' of '" + owner + "'")
        .inFile(file)
        .onLine(lineOf(body, line))
        .atColumn(column);
  }

  @Test
  void diamondCopyingAWrittenTypeIsRejectedOnlyWhereTheTypeArgumentIsWritten() {
    String body =
        """
          void make() {
            Slot<Task> slot = new Slot<>();
          }
        """;
    assertOneUnpinErrorAt(body, "Slot<Task> slot", 10, "Slot");
  }

  @Test
  void fieldDiamondCopyingAWrittenTypeIsRejectedOnlyWhereTheTypeArgumentIsWritten() {
    String body =
        """
          final Slot<Task> slot = new Slot<>();
          Slot<Task> fill() { return new Slot<>(); }
          void keep(Slot<Task> s) {}
          void refill(Slot<Task> s) { s = new Slot<>(); keep(new Slot<>()); }
        """;
    JavaFileObject file = inferred(body);
    Compilation compilation = compile(file);
    assertThat(compilation).hadErrorCount(4); // the four declarations, not the four diamonds
    assertThat(compilation)
        .hadErrorContaining("[pin:unpin] pinned type 'Task'")
        .inFile(file)
        .onLine(lineOf(body, "final Slot<Task> slot"))
        .atColumn(14);
  }

  @Test
  void diamondInferringAPinnedTypeArgumentIsRejectedAtTheDiamond() {
    String body =
        """
          Object make(Task task) {
            return new Slot<>(task);
          }
        """;
    assertOneUnpinErrorAt(body, "new Slot<>(task)", 12, "Slot");
  }

  @Test
  void diamondInitializingAVarIsRejectedAtTheDiamondOnly() {
    String body =
        """
          void make(Task task) {
            var slot = new Slot<>(task);
          }
        """;
    assertOneUnpinErrorAt(body, "new Slot<>(task)", 16, "Slot");
  }

  @Test
  void varCopyingATypeArgumentWrittenInTheInitializerIsRejectedOnlyThere() {
    String body =
        """
          void make() {
            var slot = new Slot<Task>();
          }
        """;
    assertOneUnpinErrorAt(body, "new Slot<Task>()", 25, "Slot");
  }

  @Test
  void varOfATypeInferredByAGenericMethodIsRejectedAtTheVarDeclaration() {
    String body =
        """
          void make(Task task) {
            var slot = Slot.of(task);
          }
        """;
    assertOneUnpinErrorAt(body, "var slot", 9, "Slot");
  }

  @Test
  void varCopyingAWrittenFieldTypeIsNotRejectedAgain() {
    String body =
        """
          Slot<Task> kept;
          List<Slot<Task>> all;
          void copy() {
            var slot = kept;
            var first = all.get(0);
            all.forEach(s -> {});
            for (var s : all) {}
          }
        """;
    JavaFileObject file = inferred(body);
    Compilation compilation = compile(file);
    assertThat(compilation).hadErrorCount(2); // the two field declarations
    assertThat(compilation)
        .hadErrorContaining("[pin:unpin] pinned type 'Task'")
        .inFile(file)
        .onLine(lineOf(body, "List<Slot<Task>> all"));
  }

  @Test
  void lambdaParameterInferredAsAPinnedTypeArgumentIsRejectedAtTheParameter() {
    String body =
        """
          static <X> void take(Sink<X> sink, X value) {}
          void give() {
            take((t) -> {}, new Task());
          }
        """;
    assertOneUnpinErrorAt(body, "take((t)", 11, "Sink");
  }

  @Test
  void lambdaParameterOfAWrittenTargetTypeIsRejectedOnlyAtTheTarget() {
    String body =
        """
          void give() {
            Sink<Task> sink = (t) -> {};
            Consumer<Slot<Task>> consumer = (s) -> {};
          }
        """;
    JavaFileObject file = inferred(body);
    Compilation compilation = compile(file);
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation)
        .hadErrorContaining("of 'Sink'")
        .inFile(file)
        .onLine(lineOf(body, "Sink<Task> sink"))
        .atColumn(10);
    assertThat(compilation)
        .hadErrorContaining("of 'Slot'")
        .inFile(file)
        .onLine(lineOf(body, "Consumer<Slot<Task>>"))
        .atColumn(19);
  }

  @Test
  void resultOfAGenericCallIsRejectedAtTheCallWhereNoDeclarationNamesIt() {
    String body =
        """
          Object make(Task task) {
            return Slot.of(task);
          }
        """;
    assertOneUnpinErrorAt(body, "Slot.of(task)", 19, "Slot");
  }

  @Test
  void genericCallInsideAVarInitializerIsRejectedAtTheCallNotAgainAtTheVar() {
    String body =
        """
          void make(Task task) {
            var byName = java.util.Map.of("a", Slot.of(task));
          }
        """;
    assertOneUnpinErrorAt(body, "var byName", 47, "Slot"); // under the call's parenthesis
  }

  @Test
  void diamondsAndCallsCopyingAWrittenTargetAreNotRejectedAgain() {
    String body =
        """
          Slot<Task> make(Task task) {
            java.util.function.Supplier<Slot<Task>> supplier = () -> new Slot<>();
            Slot<Task> slot = Slot.of(task);
            return Slot.of(task);
          }
        """;
    JavaFileObject file = inferred(body);
    Compilation compilation = compile(file);
    assertThat(compilation).hadErrorCount(3); // the three written 'Slot<Task>'
    assertThat(compilation)
        .hadErrorContaining("[pin:unpin] pinned type 'Task'")
        .inFile(file)
        .onLine(lineOf(body, "Supplier<Slot<Task>>"))
        .atColumn(38);
  }

  @Test
  void inferredUnpinnedTypeArgumentsAreAccepted() {
    String body =
        """
          static <X> void take(Sink<X> sink, X value) {}
          Object make() {
            var slot = Slot.of("name");
            take((t) -> {}, "name");
            Slot<String> names = new Slot<>();
            return new Slot<>(1);
          }
        """;
    assertThat(compile(inferred(body))).succeededWithoutWarnings();
  }
}
