package org.pinning.processor.rules;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.pinning.processor.PinCompiler.compile;
import static org.pinning.processor.PinCompiler.source;

import com.google.testing.compile.Compilation;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** {@code pin:misplaced} on declarations and type uses (DESIGN.md §4.8). */
class MisplacedRuleTest {

  private static JavaFileObject task() {
    return source("demo.Task", "package demo;\n@org.pinning.Pinned public class Task {}");
  }

  // primitives

  @Test
  void pinnedPrimitiveFieldIsRejectedAtTheAnnotation() {
    JavaFileObject counter =
        source(
            "demo.Counter",
            """
            package demo;
            import org.pinning.Pinned;
            public final class Counter {
              @Pinned
              final int count = 0;
            }
            """);
    Compilation compilation = compile(counter);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadWarningCount(0);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:misplaced] @Pinned on 'count' of primitive type 'int': a primitive has no"
                + " identity to pin")
        .inFile(counter)
        .onLineContaining("@Pinned");
  }

  @Test
  void pinnedFieldOfAPinnedTypeIsAccepted() {
    JavaFileObject holder =
        source(
            "demo.Holder",
            """
            package demo;
            import org.pinning.Pinned;
            public final class Holder {
              @Pinned final Task task = new Task();
              final int count = 0;
            }
            """);
    assertThat(compile(task(), holder)).succeededWithoutWarnings();
  }

  @Test
  void pinnedPrimitiveParameterIsRejectedAtTheAnnotation() {
    JavaFileObject counter =
        source(
            "demo.Counter",
            """
            package demo;
            import org.pinning.Pinned;
            public final class Counter {
              void add(@Pinned int n) {}
            }
            """);
    Compilation compilation = compile(counter);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadWarningCount(0);
    assertThat(compilation)
        .hadErrorContaining("[pin:misplaced] @Pinned on 'n' of primitive type 'int'")
        .inFile(counter)
        .onLineContaining("void add(@Pinned int n)");
  }

  @Test
  void pinnedParameterOfAPinnedTypeIsAccepted() {
    JavaFileObject runner =
        source(
            "demo.Runner",
            """
            package demo;
            import org.pinning.Pinned;
            public final class Runner {
              void run(@Pinned Task task, int n) {}
            }
            """);
    assertThat(compile(task(), runner)).succeededWithoutWarnings();
  }

  @Test
  void pinnedPrimitiveLocalIsMisplacedAndNotAlsoUseless() {
    JavaFileObject counter =
        source(
            "demo.Counter",
            """
            package demo;
            import org.pinning.Pinned;
            public final class Counter {
              int twice() {
                @Pinned int x = 2;
                return x + x;
              }
            }
            """);
    Compilation compilation = compile(counter);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadWarningCount(0);
    assertThat(compilation)
        .hadErrorContaining("[pin:misplaced] @Pinned on 'x' of primitive type 'int'")
        .inFile(counter)
        .onLineContaining("@Pinned int x = 2;");
  }

  @Test
  void pinnedPrimitiveEnhancedForVariableIsMisplaced() {
    JavaFileObject counter =
        source(
            "demo.Counter",
            """
            package demo;
            import org.pinning.Pinned;
            public final class Counter {
              int sum(int[] xs) {
                int s = 0;
                for (@Pinned int x : xs) {
                  s += x;
                }
                return s;
              }
            }
            """);
    Compilation compilation = compile(counter);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadWarningCount(0);
    assertThat(compilation)
        .hadErrorContaining("[pin:misplaced] @Pinned on 'x' of primitive type 'int'")
        .inFile(counter)
        .onLineContaining("for (@Pinned int x : xs)");
  }

  @Test
  void pinnedEnhancedForVariableOfAPinnedTypeIsAccepted() {
    JavaFileObject runner =
        source(
            "demo.Runner",
            """
            package demo;
            import java.util.List;
            import org.pinning.Pinned;
            public final class Runner {
              int count(List<@Pinned Task> tasks) {
                int n = 0;
                for (@Pinned Task t : tasks) {
                  n += t.hashCode();
                }
                return n;
              }
            }
            """);
    assertThat(compile(task(), runner)).succeededWithoutWarnings();
  }

  @Test
  void pinnedLocalOfAPinnedTypeIsAccepted() {
    JavaFileObject runner =
        source(
            "demo.Runner",
            """
            package demo;
            import org.pinning.Pinned;
            public final class Runner {
              void run() {
                @Pinned Task t = new Task();
                int x = 2;
              }
            }
            """);
    assertThat(compile(task(), runner)).succeededWithoutWarnings();
  }

  @Test
  void pinnedMethodReturningAPrimitiveIsRejectedAtTheAnnotation() {
    JavaFileObject counter =
        source(
            "demo.Counter",
            """
            package demo;
            import org.pinning.Pinned;
            public final class Counter {
              @Pinned
              int size() { return 0; }
            }
            """);
    Compilation compilation = compile(counter);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadWarningCount(0);
    assertThat(compilation)
        .hadErrorContaining("[pin:misplaced] @Pinned on 'size' of primitive type 'int'")
        .inFile(counter)
        .onLineContaining("@Pinned");
  }

  @Test
  void pinnedMethodReturningAPinnedTypeIsAccepted() {
    JavaFileObject holder =
        source(
            "demo.Holder",
            """
            package demo;
            import org.pinning.Pinned;
            public final class Holder {
              @Pinned final Task task = new Task();
              @Pinned Task task() { return task; }
              int size() { return 0; }
            }
            """);
    assertThat(compile(task(), holder)).succeededWithoutWarnings();
  }

  // declarations that have nothing to pin

  @Test
  void pinnedVoidMethodIsRejectedAtTheAnnotation() {
    JavaFileObject runner =
        source(
            "demo.Runner",
            """
            package demo;
            import org.pinning.Pinned;
            public final class Runner {
              @Pinned
              void run() {}
            }
            """);
    Compilation compilation = compile(runner);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[pin:misplaced] @Pinned on method 'run()', which returns nothing")
        .inFile(runner)
        .onLineContaining("@Pinned");
  }

  @Test
  void unannotatedVoidMethodIsAccepted() {
    assertThat(
            compile(
                source(
                    "demo.Runner",
                    """
                    package demo;
                    public final class Runner {
                      void run() {}
                    }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void pinnedConstructorIsNotMisplaced() {
    assertThat(
            compile(
                task(),
                source(
                    "demo.Job",
                    """
                    package demo;
                    import org.pinning.Pinned;
                    public class Job {
                      @Pinned
                      Job(java.util.List<@Pinned Object> all) {}
                    }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void pinnedReceiverIsNotMisplaced() {
    assertThat(
            compile(
                task(),
                source(
                    "demo.Future",
                    """
                    package demo;
                    import org.pinning.Pinned;
                    public interface Future {
                      boolean poll(@Pinned Future this, int waker);
                      default void cancel(@Pinned Future this) {}
                    }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void pinnedClassWithAnUnannotatedConstructorIsAccepted() {
    assertThat(
            compile(
                source(
                    "demo.Job",
                    """
                    package demo;
                    import org.pinning.Pinned;
                    @Pinned
                    public final class Job {
                      Job() {}
                    }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void pinnedEnumConstantIsRejectedAtTheAnnotation() {
    JavaFileObject mode =
        source(
            "demo.Mode",
            """
            package demo;
            import org.pinning.Pinned;
            public enum Mode {
              @Pinned
              ON,
              OFF
            }
            """);
    Compilation compilation = compile(mode);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:misplaced] @Pinned on enum constant 'ON': enum constants are never copied")
        .inFile(mode)
        .onLineContaining("@Pinned");
  }

  @Test
  void pinnedEnumIsAccepted() {
    assertThat(
            compile(
                source(
                    "demo.Mode",
                    """
                    package demo;
                    import org.pinning.Pinned;
                    @Pinned
                    public enum Mode { ON, OFF }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void pinnedAnnotationMemberIsRejectedAtTheAnnotation() {
    JavaFileObject config =
        source(
            "demo.Config",
            """
            package demo;
            import org.pinning.Pinned;
            public @interface Config {
              @Pinned
              String name();
            }
            """);
    Compilation compilation = compile(config);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[pin:misplaced] @Pinned on annotation member 'name()'")
        .inFile(config)
        .onLineContaining("@Pinned");
  }

  @Test
  void annotationMemberWithoutPinnedIsAccepted() {
    assertThat(
            compile(
                source(
                    "demo.Config",
                    """
                    package demo;
                    public @interface Config {
                      String name();
                    }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void pinnedTypeParameterIsRejectedAtTheAnnotation() {
    JavaFileObject box =
        source(
            "demo.Box",
            """
            package demo;
            import org.pinning.Pinned;
            public final class Box<@Pinned T> {}
            """);
    Compilation compilation = compile(box);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[pin:misplaced] @Pinned on type parameter 'T'")
        .inFile(box)
        .onLineContaining("class Box<@Pinned T>");
  }

  @Test
  void typeParameterWithAPinnedFieldOfItsTypeIsAccepted() {
    assertThat(
            compile(
                source(
                    "demo.Box",
                    """
                    package demo;
                    import org.pinning.Pinned;
                    public final class Box<T> {
                      @Pinned final T value;
                      Box(@Pinned T value) { this.value = value; }
                    }
                    """)))
        .succeededWithoutWarnings();
  }

  // type-use positions

  @Test
  void pinnedInANewExpressionIsRejectedAtTheAnnotation() {
    JavaFileObject runner =
        source(
            "demo.Runner",
            """
            package demo;
            public final class Runner {
              Object make() {
                return new @org.pinning.Pinned Task();
              }
            }
            """);
    Compilation compilation = compile(task(), runner);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:misplaced] @Pinned in a 'new' expression: it pins places, not the types of"
                + " expressions")
        .inFile(runner)
        .onLineContaining("new @org.pinning.Pinned Task()");
  }

  @Test
  void pinnedLocalInitializedWithANewExpressionIsAccepted() {
    JavaFileObject runner =
        source(
            "demo.Runner",
            """
            package demo;
            import org.pinning.Pinned;
            public final class Runner {
              void run() {
                @Pinned Task t = new Task();
              }
            }
            """);
    assertThat(compile(task(), runner)).succeededWithoutWarnings();
  }

  @Test
  void pinnedInACastIsRejectedAtTheAnnotation() {
    JavaFileObject runner =
        source(
            "demo.Runner",
            """
            package demo;
            import org.pinning.Pinned;
            public final class Runner {
              int hash(Object o) {
                return ((@Pinned Task) o).hashCode();
              }
            }
            """);
    Compilation compilation = compile(task(), runner);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[pin:misplaced] @Pinned in a cast")
        .inFile(runner)
        .onLineContaining("(@Pinned Task) o");
  }

  @Test
  void castWithoutPinnedIsAccepted() {
    JavaFileObject runner =
        source(
            "demo.Runner",
            """
            package demo;
            public final class Runner {
              int hash(Object o) {
                return ((Task) o).hashCode();
              }
            }
            """);
    assertThat(compile(task(), runner)).succeededWithoutWarnings();
  }

  @Test
  void pinnedOnAnArrayDimensionIsRejectedAtTheAnnotation() {
    JavaFileObject runner =
        source(
            "demo.Runner",
            """
            package demo;
            import org.pinning.Pinned;
            public final class Runner {
              void run(Task @Pinned [] ts) {}
            }
            """);
    Compilation compilation = compile(task(), runner);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[pin:misplaced] @Pinned in an array dimension")
        .inFile(runner)
        .onLineContaining("Task @Pinned [] ts");
  }

  @Test
  void pinnedOnAnArrayDimensionOfAFieldALocalAndAReturnIsRejectedAtEachAnnotation() {
    JavaFileObject runner =
        source(
            "demo.Runner",
            """
            package demo;
            import org.pinning.Pinned;
            public final class Runner {
              final Task @Pinned [] field = new Task[1];
              Task @Pinned [] make() { return null; }
              void run() {
                Task @Pinned [] local = new Task[1];
                Task[] @Pinned [] inner = new Task[1][];
              }
            }
            """);
    Compilation compilation = compile(task(), runner);
    assertThat(compilation).hadErrorCount(4);
    assertThat(compilation).hadWarningCount(0); // the declaration reading does not apply here
    // the caret under each annotation: line, column
    for (long[] at : new long[][] {{4, 14}, {5, 8}, {7, 10}, {8, 12}}) {
      assertThat(compilation)
          .hadErrorContaining("[pin:misplaced] @Pinned in an array dimension")
          .inFile(runner)
          .onLine(at[0])
          .atColumn(at[1]);
    }
  }

  @Test
  void pinnedOnAnArrayDeclarationIsUselessNotMisplaced() {
    JavaFileObject runner =
        source(
            "demo.Runner",
            """
            package demo;
            import org.pinning.Pinned;
            public final class Runner {
              void run(@Pinned Task[] ts) {}
            }
            """);
    Compilation compilation = compile(task(), runner);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation)
        .hadWarningContaining("[pin:useless] @Pinned has no effect on 'ts'")
        .inFile(runner)
        .onLineContaining("@Pinned Task[] ts");
  }

  @Test
  void pinnedInAnExtendsClauseIsRejectedAtTheAnnotation() {
    JavaFileObject job =
        source(
            "demo.Job",
            """
            package demo;
            import org.pinning.Pinned;
            public class Job extends @Pinned Base {}
            class Base {}
            """);
    Compilation compilation = compile(job);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[pin:misplaced] @Pinned in a supertype clause")
        .inFile(job)
        .onLineContaining("extends @Pinned Base");
  }

  @Test
  void pinnedClassExtendingAnUnannotatedBaseIsAccepted() {
    assertThat(
            compile(
                source(
                    "demo.Job",
                    """
                    package demo;
                    import org.pinning.Pinned;
                    @Pinned
                    public class Job extends Base {}
                    class Base {}
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void pinnedTypeArgumentsAndDeclarationsAreAccepted() {
    JavaFileObject scheduler =
        source(
            "demo.Scheduler",
            """
            package demo;
            import java.util.List;
            import java.util.Map;
            import org.pinning.Pinned;
            public final class Scheduler {
              final List<@Pinned Task> tasks = new java.util.ArrayList<>();
              final Map<String, ? extends @Pinned Task> byName = Map.of();
              @Pinned final Task current = new Task();
              void run(@Pinned Task t, List<@Pinned Task> more) {
                @Pinned Task local = new Task();
              }
            }
            """);
    assertThat(compile(task(), scheduler)).succeededWithoutWarnings();
  }

  // suppression and severity

  @Test
  void suppressingPinOnTheClassSilencesTheRule() {
    assertThat(
            compile(
                source(
                    "demo.Counter",
                    """
                    package demo;
                    import org.pinning.Pinned;
                    @SuppressWarnings("pin")
                    public final class Counter {
                      @Pinned final int count = 0;
                      @Pinned void run() {}
                    }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void suppressingPinMisplacedOnTheMethodSilencesItsTypeUses() {
    JavaFileObject runner =
        source(
            "demo.Runner",
            """
            package demo;
            public final class Runner {
              @SuppressWarnings("pin:misplaced")
              Object make() {
                return new @org.pinning.Pinned Task();
              }
            }
            """);
    assertThat(compile(task(), runner)).succeededWithoutWarnings();
  }

  @Test
  void suppressingPinMisplacedOnTheFieldSilencesTheRule() {
    assertThat(
            compile(
                source(
                    "demo.Counter",
                    """
                    package demo;
                    import org.pinning.Pinned;
                    public final class Counter {
                      @SuppressWarnings("pin:misplaced")
                      @Pinned final int count = 0;
                    }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void suppressingAnotherCodeDoesNotSilenceTheRule() {
    JavaFileObject counter =
        source(
            "demo.Counter",
            """
            package demo;
            import org.pinning.Pinned;
            public final class Counter {
              @SuppressWarnings("pin:useless")
              @Pinned final int count = 0;
            }
            """);
    assertThat(compile(counter))
        .hadErrorContaining("[pin:misplaced]")
        .inFile(counter)
        .onLineContaining("@Pinned final int count");
  }

  @Test
  void severityWarningReportsTheSameMessageAsAWarning() {
    JavaFileObject counter =
        source(
            "demo.Counter",
            """
            package demo;
            import org.pinning.Pinned;
            public final class Counter {
              @Pinned final int count = 0;
            }
            """);
    Compilation compilation = compile(List.of("-Apin.severity=warning"), counter);
    assertThat(compilation).succeeded();
    assertThat(compilation)
        .hadWarningContaining(
            "[pin:misplaced] @Pinned on 'count' of primitive type 'int': a primitive has no"
                + " identity to pin")
        .inFile(counter)
        .onLineContaining("@Pinned final int count");
  }

  @Test
  void severityWarningAlsoDowngradesAMisplacedTypeUse() {
    JavaFileObject runner =
        source(
            "demo.Runner",
            """
            package demo;
            public final class Runner {
              Object make() {
                return new @org.pinning.Pinned Task();
              }
            }
            """);
    Compilation compilation = compile(List.of("-Apin.severity=warning"), task(), runner);
    assertThat(compilation).succeeded();
    assertThat(compilation)
        .hadWarningContaining("[pin:misplaced] @Pinned in a 'new' expression")
        .inFile(runner)
        .onLineContaining("new @org.pinning.Pinned Task()");
  }

  @Test
  void pinnedGenericTypeArgumentIsAccepted() {
    assertThat(
            compile(
                source(
                    "demo.Use",
                    """
                    package demo;
                    import java.util.List;
                    import java.util.Optional;
                    import org.pinning.Pinned;
                    @Pinned final class Box<T> { T value; }
                    public final class Use {
                      final List<@Pinned Box<String>> boxes = null;
                      Optional<@Pinned Box<?>> first(List<@Pinned Box<?>> all) {
                        return Optional.empty();
                      }
                    }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void pinnedGenericTypeInACastIsRejected() {
    JavaFileObject file =
        source(
            "demo.Use",
            """
            package demo;
            import org.pinning.Pinned;
            @Pinned final class Box<T> { T value; }
            public final class Use {
              Object cast(Object o) {
                return (@Pinned Box<String>) o;
              }
            }
            """);
    assertThat(compile(file))
        .hadErrorContaining("[pin:misplaced] @Pinned in a cast")
        .inFile(file)
        .onLineContaining("return (@Pinned Box<String>) o;");
  }

  // @Pinned before a qualified name annotates its qualifier

  private static final String QUALIFIER =
      "[pin:misplaced] @Pinned before the qualified name 'Map.Entry' annotates its qualifier"
          + " 'Map', not the type\n  help: write it before the simple name: 'Map.@Pinned"
          + " Entry<String, Task>'";

  @Test
  void pinnedOnTheQualifierOfATypeArgumentShowsTheJavaSpellingInEveryPosition() {
    JavaFileObject entries =
        source(
            "demo.Entries",
            """
            package demo;
            import java.util.*;
            import org.pinning.Pinned;
            abstract class It implements Iterator<@Pinned Map.Entry<String, Task>> {}
            public class Entries {
              List<@Pinned Map.Entry<String, Task>> field;
              void param(List<@Pinned Map.Entry<String, Task>> p) {
                List<@Pinned Map.Entry<String, Task>> local = p;
                Object made = new ArrayList<@Pinned Map.Entry<String, Task>>();
                Object called = List.<@Pinned Map.Entry<String, Task>>of();
              }
              List<? extends @Pinned Map.Entry<String, Task>> bounded;
            }
            """);
    Compilation compilation = compile(task(), entries);
    // javac itself rejects the annotated qualifier everywhere but in the supertype clause
    for (String line :
        List.of(
            "abstract class It implements",
            "List<@Pinned Map.Entry<String, Task>> field;",
            "void param(",
            "List<@Pinned Map.Entry<String, Task>> local = p;",
            "Object made =",
            "Object called =",
            "bounded;")) {
      assertThat(compilation).hadErrorContaining(QUALIFIER).inFile(entries).onLineContaining(line);
    }
  }

  @Test
  void pinnedBeforeTheSimpleNameOfAQualifiedTypeArgumentIsAccepted() {
    JavaFileObject entries =
        source(
            "demo.Entries",
            """
            package demo;
            import java.util.*;
            import org.pinning.Pinned;
            abstract class It implements Iterator<Map.@Pinned Entry<String, Task>> {}
            public class Entries {
              List<Map.@Pinned Entry<String, Task>> field;
              void param(List<Map.@Pinned Entry<String, Task>> p) {
                List<Map.@Pinned Entry<String, Task>> local = p;
                List<Map.@Pinned Entry<String, Task>> made =
                    new ArrayList<Map.@Pinned Entry<String, Task>>();
                List<Map.@Pinned Entry<String, Task>> called =
                    List.<Map.@Pinned Entry<String, Task>>of();
              }
              List<? extends Map.@Pinned Entry<String, Task>> bounded;
              List<java.util.Map.@Pinned Entry<String, Task>> qualified;
            }
            """);
    assertThat(compile(task(), entries)).succeededWithoutWarnings();
  }

  @Test
  void pinnedOnTheQualifierOfAQualifiedNameShowsWhereItGoes() {
    JavaFileObject deep =
        source(
            "demo.Deep",
            """
            package demo;
            import java.util.*;
            import org.pinning.Pinned;
            class Outer { static class Mid { @Pinned static class Inner {} } }
            abstract class Deep implements Iterator<@Pinned Outer.Mid.Inner> {}
            """);
    Compilation compilation = compile(deep);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:misplaced] @Pinned before the qualified name 'Outer.Mid.Inner' annotates its"
                + " qualifier 'Outer', not the type\n  help: write it before the simple name:"
                + " 'Outer.Mid.@Pinned Inner'")
        .inFile(deep)
        .onLineContaining("abstract class Deep");
  }
}
