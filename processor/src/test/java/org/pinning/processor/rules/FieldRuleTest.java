package org.pinning.processor.rules;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.pinning.processor.PinCompiler.compile;
import static org.pinning.processor.PinCompiler.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Warning {@code pin:field}: a pinned type holds a pinned type in a field that is neither
 * {@code @Pinned} nor {@code @Unpin} (DESIGN.md §4.8).
 */
class FieldRuleTest {

  private static final JavaFileObject BUFFER =
      source("demo.Buffer", "package demo;\n@org.pinning.Pinned public final class Buffer {}");

  @Test
  void plainFieldOfAPinnedTypeInAPinnedClassIsWarnedAtTheField() {
    JavaFileObject task =
        source(
            "demo.Task",
            """
            package demo;
            import org.pinning.Pinned;
            @Pinned
            public final class Task {
              Buffer buffer;
            }
            """);
    Compilation compilation = compile(BUFFER, task);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation)
        .hadWarningContaining(
            "[pin:field] field 'buffer' of pinned type 'Task' holds pinned type 'Buffer' but is"
                + " neither @Pinned nor @Unpin")
        .inFile(task)
        .onLineContaining("Buffer buffer;");
  }

  @Test
  void fieldWarningHasAHelpLine() {
    JavaFileObject task =
        source(
            "demo.Task",
            """
            package demo;
            @org.pinning.Pinned
            public final class Task {
              Buffer buffer;
            }
            """);
    assertThat(compile(BUFFER, task))
        .hadWarningContaining(
            "help: annotate 'buffer' @Pinned to make it a pinned slot, or @Unpin to keep it"
                + " movable")
        .inFile(task)
        .onLineContaining("Buffer buffer;");
  }

  @Test
  void pinnedFinalFieldIsAccepted() {
    assertThat(
            compile(
                BUFFER,
                source(
                    "demo.Task",
                    """
                    package demo;
                    import org.pinning.Pinned;
                    @Pinned
                    public final class Task {
                      @Pinned final Buffer buffer = new Buffer();
                    }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void unpinFieldIsAccepted() {
    assertThat(
            compile(
                BUFFER,
                source(
                    "demo.Task",
                    """
                    package demo;
                    import org.pinning.Pinned;
                    import org.pinning.Unpin;
                    @Pinned
                    public final class Task {
                      @Unpin Buffer scratch;
                    }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void unpinnedClassHoldingAPinnedTypeIsNotWarned() {
    assertThat(
            compile(
                BUFFER,
                source(
                    "demo.Registry",
                    """
                    package demo;
                    public final class Registry {
                      Buffer buffer;
                    }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void staticFieldOfAPinnedTypeIsNotWarned() {
    assertThat(
            compile(
                BUFFER,
                source(
                    "demo.Task",
                    """
                    package demo;
                    @org.pinning.Pinned
                    public final class Task {
                      static Buffer shared;
                    }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void plainFieldOfAnUnpinnedTypeIsNotWarned() {
    assertThat(
            compile(
                source(
                    "demo.Task",
                    """
                    package demo;
                    @org.pinning.Pinned
                    public final class Task {
                      Runnable next;
                      String name;
                      int state;
                    }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void classPinnedByItsPinnedFieldIsWarnedForAnotherPlainField() {
    JavaFileObject pair =
        source(
            "demo.Pair",
            """
            package demo;
            import org.pinning.Pinned;
            public final class Pair {
              @Pinned final Buffer first = new Buffer();
              Buffer second;
            }
            """);
    Compilation compilation = compile(BUFFER, pair);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation)
        .hadWarningContaining(
            "[pin:field] field 'second' of pinned type 'Pair' holds pinned type 'Buffer'")
        .inFile(pair)
        .onLineContaining("Buffer second;");
  }

  @Test
  void fieldOfATypePinnedThroughItsSupertypeIsWarned() {
    JavaFileObject task =
        source(
            "demo.Task",
            """
            package demo;
            @org.pinning.Pinned
            public class Task {
              Job job;
            }
            final class Job extends Task {}
            """);
    Compilation compilation = compile(task);
    assertThat(compilation)
        .hadWarningContaining(
            "[pin:field] field 'job' of pinned type 'Task' holds pinned type 'Job'")
        .inFile(task)
        .onLineContaining("Job job;");
  }

  @Test
  void fieldOfAConditionallyPinnedTypeIsWarnedOnlyForAPinnedTypeArgument() {
    JavaFileObject task =
        source(
            "demo.Task",
            """
            package demo;
            import org.pinning.Pinned;
            @Pinned
            public final class Task {
              Cell<String> names;
              Cell<Buffer> buffers;
            }
            final class Cell<T> {
              @Pinned final T value;
              Cell(@Pinned T value) { this.value = value; }
            }
            """);
    Compilation compilation = compile(BUFFER, task);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation)
        .hadWarningContaining(
            "[pin:field] field 'buffers' of pinned type 'Task' holds pinned type 'Cell<Buffer>'")
        .inFile(task)
        .onLineContaining("Cell<Buffer> buffers;");
  }

  @Test
  void suppressionOnTheFieldSilencesTheWarning() {
    assertThat(
            compile(
                BUFFER,
                source(
                    "demo.Task",
                    """
                    package demo;
                    @org.pinning.Pinned
                    public final class Task {
                      @SuppressWarnings("pin:field")
                      Buffer buffer;
                    }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void suppressionOnTheClassSilencesTheWarning() {
    assertThat(
            compile(
                BUFFER,
                source(
                    "demo.Task",
                    """
                    package demo;
                    @SuppressWarnings("pin")
                    @org.pinning.Pinned
                    public final class Task {
                      Buffer buffer;
                    }
                    """)))
        .succeededWithoutWarnings();
  }
}
