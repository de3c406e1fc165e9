package org.pinning.processor.rules;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.pinning.processor.PinCompiler.compile;
import static org.pinning.processor.PinCompiler.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** {@code pin:copy} on declarations (DESIGN.md §4.3). */
class CopyRuleTest {

  @Test
  void cloneablePinnedTypeIsRejectedAtTheImplementsClause() {
    JavaFileObject task =
        source(
            "demo.Task",
            """
            package demo;
            import org.pinning.Pinned;
            @Pinned
            public final class Task
                implements Cloneable {
            }
            """);
    Compilation compilation = compile(task);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[pin:copy] pinned type 'Task' is Cloneable")
        .inFile(task)
        .onLineContaining("implements Cloneable");
  }

  @Test
  void pinnedTypeThatIsNotCloneableIsAccepted() {
    Compilation compilation =
        compile(
            source(
                "demo.Task",
                """
                package demo;
                import org.pinning.Pinned;
                @Pinned
                public final class Task implements Runnable {
                  public void run() {}
                }
                """));
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void cloneableUnpinnedTypeIsAccepted() {
    assertThat(
            compile(
                source(
                    "demo.Point",
                    """
                    package demo;
                    public final class Point implements Cloneable {
                      @Override public Point clone() {
                        try { return (Point) super.clone(); }
                        catch (CloneNotSupportedException e) { throw new AssertionError(e); }
                      }
                    }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void cloneInheritedThroughAnUnpinnedSupertypeIsRejectedAtTheExtendsClause() {
    JavaFileObject base =
        source("demo.Base", "package demo; public class Base implements Cloneable {}");
    JavaFileObject task =
        source(
            "demo.Task",
            """
            package demo;
            @org.pinning.Pinned
            public final class Task
                extends Base {}
            """);
    Compilation compilation = compile(base, task);
    assertThat(compilation)
        .hadErrorContaining("[pin:copy] pinned type 'Task' is Cloneable")
        .inFile(task)
        .onLineContaining("extends Base");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void subclassOfAPinnedCloneableTypeIsNotReportedAgain() {
    JavaFileObject task =
        source(
            "demo.Task",
            """
            package demo;
            @org.pinning.Pinned
            public class Task implements Cloneable {}
            class Job extends Task {}
            """);
    Compilation compilation = compile(task);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("'Task' is Cloneable").inFile(task).onLine(3);
  }

  @Test
  void declaredCloneIsRejectedAtTheMethod() {
    JavaFileObject task =
        source(
            "demo.Task",
            """
            package demo;
            @org.pinning.Pinned
            public final class Task {
              int state;
              public Task copy() { return clone(); }
              @Override protected Task clone() { return this; }
            }
            """);
    Compilation compilation = compile(task);
    assertThat(compilation)
        .hadErrorContaining("[pin:copy] pinned type 'Task' declares clone()")
        .inFile(task)
        .onLineContaining("protected Task clone()");
  }

  @Test
  void inheritedPublicCloneIsRejected() {
    JavaFileObject base =
        source(
            "demo.Base",
            """
            package demo;
            public class Base {
              @Override public Object clone() { return new Base(); }
            }
            """);
    JavaFileObject task =
        source(
            "demo.Task",
            "package demo;\n@org.pinning.Pinned public final class Task extends Base {}");
    Compilation compilation = compile(base, task);
    assertThat(compilation)
        .hadErrorContaining("[pin:copy] pinned type 'Task' inherits public 'Base.clone()'")
        .inFile(task)
        .onLine(2);
  }

  @Test
  void inheritedProtectedCloneLikeThreadsIsAccepted() {
    assertThat(
            compile(
                source(
                    "demo.Worker",
                    "package demo;\n"
                        + "@org.pinning.Pinned public final class Worker extends Thread {}")))
        .succeededWithoutWarnings();
  }

  @Test
  void serializablePinnedTypeIsRejected() {
    JavaFileObject task =
        source(
            "demo.Task",
            """
            package demo;
            @org.pinning.Pinned
            public final class Task
                implements java.io.Serializable {
              private static final long serialVersionUID = 1L;
            }
            """);
    Compilation compilation = compile(task);
    assertThat(compilation)
        .hadErrorContaining("[pin:copy] pinned type 'Task' is Serializable")
        .inFile(task)
        .onLineContaining("implements java.io.Serializable");
  }

  @Test
  void externalizablePinnedTypeIsRejectedAsExternalizable() {
    JavaFileObject task =
        source(
            "demo.Task",
            """
            package demo;
            import java.io.*;
            @org.pinning.Pinned
            public final class Task implements Externalizable {
              public void writeExternal(ObjectOutput out) {}
              public void readExternal(ObjectInput in) {}
            }
            """);
    assertThat(compile(task))
        .hadErrorContaining("[pin:copy] pinned type 'Task' is Externalizable")
        .inFile(task)
        .onLineContaining("implements Externalizable");
  }

  @Test
  void pinnedEnumMayBeSerializable() {
    assertThat(
            compile(
                source(
                    "demo.Mode",
                    "package demo;\n@org.pinning.Pinned public enum Mode { ON, OFF }")))
        .succeededWithoutWarnings();
  }

  @Test
  void pinnedRecordIsRejectedAtTheRecord() {
    JavaFileObject task =
        source(
            "demo.Task",
            """
            package demo;
            @org.pinning.Pinned
            public record Task(int state) {}
            """);
    Compilation compilation = compile(task);
    assertThat(compilation)
        .hadErrorContaining("[pin:copy] pinned type 'Task' is a record")
        .inFile(task)
        .onLineContaining("public record Task");
  }

  @Test
  void recordWithAPinnedComponentOfAPinnedTypeIsRejected() {
    JavaFileObject files =
        source(
            "demo.Pair",
            """
            package demo;
            import org.pinning.Pinned;
            public record Pair(@Pinned Buffer buffer, int size) {}
            @Pinned final class Buffer {}
            """);
    Compilation compilation = compile(files);
    assertThat(compilation)
        .hadErrorContaining("[pin:copy] pinned type 'Pair' is a record")
        .inFile(files)
        .onLineContaining("public record Pair");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void pinnedComponentOfAnUnpinnedRecordIsReportedOnceAtTheComponent() {
    // javac copies @Pinned onto the accessor, which has no tree: one diagnostic, at the component.
    JavaFileObject files =
        source(
            "demo.Pair",
            """
            package demo;
            import java.util.List;
            import org.pinning.Pinned;
            public record Pair(@Pinned String name, List<String> rest) {}
            """);
    Compilation compilation = compile(files);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadWarningCount(0);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:copy] record component 'name' of 'Pair' is @Pinned: records are copied through"
                + " their components")
        .inFile(files)
        .onLineContaining("public record Pair(@Pinned String name");
    assertThat(compilation)
        .hadErrorContaining(
            "help: make 'Pair' a final class with a @Pinned final field");
  }

  @Test
  void pinnedPrimitiveComponentIsMisplacedOnceAtTheComponent() {
    JavaFileObject files =
        source(
            "demo.Pair",
            """
            package demo;
            import java.util.List;
            import org.pinning.Pinned;
            public record Pair(@Pinned int size, List<String> rest) {}
            """);
    Compilation compilation = compile(files);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadWarningCount(0);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:misplaced] @Pinned on 'size' of primitive type 'int': a primitive has no"
                + " identity to pin")
        .inFile(files)
        .onLineContaining("public record Pair(@Pinned int size");
    assertThat(compilation).hadErrorContaining("help: remove @Pinned");
  }

  @Test
  void recordWithPlainComponentsIsAccepted() {
    assertThat(compile(source("demo.Pair", "package demo; public record Pair(String a, int b) {}")))
        .succeededWithoutWarnings();
  }

  @Test
  void copyConstructorThatReadsTheOthersFieldsIsRejected() {
    JavaFileObject task =
        source(
            "demo.Task",
            """
            package demo;
            @org.pinning.Pinned
            public final class Task {
              int state;
              Task() {}
              Task(Task other) {
                this.state = other.state;
              }
            }
            """);
    Compilation compilation = compile(task);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[pin:copy] constructor 'Task(Task)' copies pinned type 'Task'")
        .inFile(task)
        .onLineContaining("Task(Task other)");
  }

  @Test
  void linkingConstructorIsAccepted() {
    assertThat(
            compile(
                source(
                    "demo.Node",
                    """
                    package demo;
                    import org.pinning.Pinned;
                    import org.pinning.Unpin;
                    @Pinned
                    public final class Node {
                      @Unpin final Node prev;
                      Node(Node prev) {
                        this.prev = prev;
                        prev.hashCode();
                      }
                    }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void constructorTakingAPinnedBorrowIsNotACopy() {
    assertThat(
            compile(
                source(
                    "demo.Task",
                    """
                    package demo;
                    import org.pinning.Pinned;
                    @Pinned
                    public final class Task {
                      int state;
                      Task(@Pinned Task parent) { this.state = parent.state + 1; }
                    }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void suppressionOnTheClassSilencesTheRule() {
    assertThat(
            compile(
                source(
                    "demo.Task",
                    """
                    package demo;
                    @SuppressWarnings("pin:copy")
                    @org.pinning.Pinned
                    public final class Task implements Cloneable {}
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void suppressAllDoesNotSilenceTheRule() {
    assertThat(
            compile(
                source(
                    "demo.Task",
                    """
                    package demo;
                    @SuppressWarnings("all")
                    @org.pinning.Pinned
                    public final class Task implements Cloneable {}
                    """)))
        .hadErrorContaining("[pin:copy]");
  }
}
