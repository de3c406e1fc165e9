package org.pinning.processor.rules;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.pinning.processor.PinCompiler.compile;
import static org.pinning.processor.PinCompiler.source;

import com.google.testing.compile.Compilation;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** {@code pin:replace} on field declarations (DESIGN.md §4.2). */
class ReplaceRuleTest {

  @Test
  void nonFinalPinnedInstanceFieldIsRejectedAtTheField() {
    JavaFileObject owner =
        source(
            "demo.Owner",
            """
            package demo;
            import org.pinning.Pinned;
            public final class Owner {
              @Pinned Task task;
            }
            @Pinned final class Task {}
            """);
    Compilation compilation = compile(owner);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:replace] pinned field 'task' is not final: its value could be replaced")
        .inFile(owner)
        .onLineContaining("@Pinned Task task;");
  }

  @Test
  void messageSaysHowToFixIt() {
    assertThat(
            compile(
                source(
                    "demo.Owner",
                    """
                    package demo;
                    import org.pinning.Pinned;
                    public final class Owner {
                      @Pinned Task task;
                    }
                    @Pinned final class Task {}
                    """)))
        .hadErrorContaining("help: declare 'task' final; a pinned value is never replaced");
  }

  @Test
  void finalPinnedInstanceFieldIsAccepted() {
    assertThat(
            compile(
                source(
                    "demo.Owner",
                    """
                    package demo;
                    import org.pinning.Pinned;
                    public final class Owner {
                      @Pinned final Task task;
                      Owner(Task task) { this.task = task; }
                    }
                    @Pinned final class Task {}
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void nonFinalPinnedFieldOfAPinnedTypeIsRejectedAtTheField() {
    JavaFileObject task =
        source(
            "demo.Task",
            """
            package demo;
            import org.pinning.Pinned;
            @Pinned
            public final class Task {
              @Pinned
              Buffer buffer = new Buffer();
            }
            @Pinned final class Buffer {}
            """);
    Compilation compilation = compile(task);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[pin:replace] pinned field 'buffer' is not final")
        .inFile(task)
        .onLineContaining("Buffer buffer = new Buffer();");
  }

  @Test
  void nonFinalPinnedStaticFieldIsRejectedAtTheField() {
    JavaFileObject registry =
        source(
            "demo.Registry",
            """
            package demo;
            import org.pinning.Pinned;
            public final class Registry {
              @Pinned static Task shared;
            }
            @Pinned final class Task {}
            """);
    Compilation compilation = compile(registry);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:replace] pinned field 'shared' is not final: its value could be replaced")
        .inFile(registry)
        .onLineContaining("@Pinned static Task shared;");
  }

  @Test
  void finalPinnedStaticFieldIsAccepted() {
    assertThat(
            compile(
                source(
                    "demo.Registry",
                    """
                    package demo;
                    import org.pinning.Pinned;
                    public final class Registry {
                      @Pinned static final Task SHARED = new Task();
                    }
                    @Pinned final class Task {}
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void nonFinalUnannotatedFieldIsAccepted() {
    assertThat(
            compile(
                source(
                    "demo.Owner",
                    """
                    package demo;
                    public final class Owner {
                      Task task;
                      static Task shared;
                    }
                    @org.pinning.Pinned final class Task {}
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void nonFinalPinnedPrimitiveFieldIsMisplacedNotReplaced() {
    JavaFileObject owner =
        source(
            "demo.Owner",
            """
            package demo;
            import org.pinning.Pinned;
            public final class Owner {
              @Pinned int count;
            }
            """);
    Compilation compilation = compile(owner);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[pin:misplaced] @Pinned on 'count' of primitive type 'int'")
        .inFile(owner)
        .onLineContaining("@Pinned int count;");
  }

  @Test
  void nonFinalFieldBothPinnedAndUnpinIsReportedOnlyAsUnpin() {
    JavaFileObject owner =
        source(
            "demo.Owner",
            """
            package demo;
            import org.pinning.Pinned;
            import org.pinning.Unpin;
            public final class Owner {
              @Pinned @Unpin Task task;
            }
            @Pinned final class Task {}
            """);
    Compilation compilation = compile(owner);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[pin:unpin] 'task' is declared both @Pinned and @Unpin")
        .inFile(owner)
        .onLineContaining("@Pinned @Unpin Task task;");
  }

  // suppression and severity

  @Test
  void suppressingPinOnTheClassSilencesTheRule() {
    assertThat(
            compile(
                source(
                    "demo.Owner",
                    """
                    package demo;
                    import org.pinning.Pinned;
                    @SuppressWarnings("pin")
                    public final class Owner {
                      @Pinned Task task;
                    }
                    @Pinned final class Task {}
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void suppressingPinReplaceOnTheFieldSilencesTheRule() {
    assertThat(
            compile(
                source(
                    "demo.Owner",
                    """
                    package demo;
                    import org.pinning.Pinned;
                    public final class Owner {
                      @SuppressWarnings("pin:replace")
                      @Pinned Task task;
                    }
                    @Pinned final class Task {}
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void suppressingAnotherCodeDoesNotSilenceTheRule() {
    JavaFileObject owner =
        source(
            "demo.Owner",
            """
            package demo;
            import org.pinning.Pinned;
            public final class Owner {
              @SuppressWarnings("pin:move")
              @Pinned Task task;
            }
            @Pinned final class Task {}
            """);
    assertThat(compile(owner))
        .hadErrorContaining("[pin:replace]")
        .inFile(owner)
        .onLineContaining("@Pinned Task task;");
  }

  @Test
  void severityWarningReportsTheSameMessageAsAWarning() {
    JavaFileObject owner =
        source(
            "demo.Owner",
            """
            package demo;
            import org.pinning.Pinned;
            public final class Owner {
              @Pinned Task task;
            }
            @Pinned final class Task {}
            """);
    Compilation compilation = compile(List.of("-Apin.severity=warning"), owner);
    assertThat(compilation).succeeded();
    assertThat(compilation)
        .hadWarningContaining(
            "[pin:replace] pinned field 'task' is not final: its value could be replaced")
        .inFile(owner)
        .onLineContaining("@Pinned Task task;");
  }
}
