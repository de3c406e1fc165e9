package org.pinning.processor.compat;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pinning.processor.PinCompiler.source;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.util.Locale;
import javax.annotation.processing.Processor;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.pinning.processor.PinProcessor;

/**
 * Lombok's processor and ours in one compilation (DESIGN.md §8): what Lombok generates is checked
 * like hand-written code, because the plugin runs at {@code ANALYZE}, on the final trees. Lombok
 * puts its generated members at the position of the annotation that asked for them (a field's
 * own annotation, or the field for a class-level annotation), so that is where errors point.
 *
 * <p>Lombok runs in-process here, on JDK 17, without {@code --add-opens}: it opens javac's
 * internals itself. Its processor class is {@code
 * lombok.launch.AnnotationProcessorHider$AnnotationProcessor} (the name in its {@code
 * META-INF/services}); the outer class is package-private, so it is created reflectively.
 */
class LombokTest {

  private static final JavaFileObject BUFFER =
      source(
          "demo.Buffer",
          """
          package demo;
          @org.pinning.Pinned
          public final class Buffer {}
          """);

  // @Setter

  @Test
  void setterOnANonFinalPinnedFieldIsAccepted() {
    JavaFileObject task =
        source(
            "demo.Task",
            """
            package demo;
            import org.pinning.Pinned;
            @Pinned
            public final class Task {
              @lombok.Setter
              @Pinned Buffer buffer = new Buffer();
            }
            """);
    Compilation compilation = compileWithLombok(task, BUFFER);
    assertNothingFailedInside(compilation);
    // a pinned slot may be given another value (DESIGN.md §4.2); the setter pins its argument
    assertThat(compilation).hadErrorCount(0);
  }

  @Test
  void setterOnAFinalPinnedFieldIsLeftOutByLombok() {
    JavaFileObject task =
        source(
            "demo.Task",
            """
            package demo;
            import org.pinning.Pinned;
            @Pinned
            public final class Task {
              @lombok.Setter
              @Pinned final Buffer buffer = new Buffer();
            }
            """);
    Compilation compilation = compileWithLombok(task, BUFFER);
    assertNothingFailedInside(compilation);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining("Setters cannot be generated for final fields");
    assertNoPinDiagnostics(compilation);
  }

  @Test
  void settersOfOrdinaryFieldsOfAPinnedClassAreAccepted() {
    Compilation compilation =
        compileWithLombok(
            source(
                "demo.Task",
                """
                package demo;
                import org.pinning.Pinned;
                @Pinned
                @lombok.Getter
                @lombok.Setter
                public final class Task {
                  private int state;
                  private String name;
                }
                """));
    assertThat(compilation).succeededWithoutWarnings();
  }

  // @With

  @Test
  void withOfAnotherFieldMovesThePinnedFieldIntoTheNewInstance() {
    JavaFileObject task =
        source(
            "demo.Task",
            """
            package demo;
            import org.pinning.Pinned;
            @Pinned
            @lombok.AllArgsConstructor
            public final class Task {
              @Pinned final Buffer buffer;
              @lombok.With
              final int state;
            }
            """);
    Compilation compilation = compileWithLombok(task, BUFFER);
    assertNothingFailedInside(compilation);
    // withState(int) is: return this.state == state ? this : new Task(this.buffer, state);
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:move] pinned value 'buffer' moves into unpinned parameter 'buffer' of"
                + " 'new Task(Buffer, int)'")
        .inFile(task)
        .onLineContaining("@lombok.With");
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:move] pinned value 'this' moves into the return value of 'withState(int)'")
        .inFile(task)
        .onLineContaining("@lombok.With");
  }

  @Test
  void withOfThePinnedFieldReturnsThisUnpinned() {
    JavaFileObject task =
        source(
            "demo.Task",
            """
            package demo;
            import org.pinning.Pinned;
            @Pinned
            @lombok.AllArgsConstructor
            public final class Task {
              @lombok.With
              @Pinned final Buffer buffer;
              final int state;
            }
            """);
    Compilation compilation = compileWithLombok(task, BUFFER);
    assertNothingFailedInside(compilation);
    // withBuffer(Buffer) pins its argument in the new instance, but may return this
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:move] pinned value 'this' moves into the return value of 'withBuffer(Buffer)'")
        .inFile(task)
        .onLineContaining("@lombok.With");
  }

  @Test
  void withOnAPinnedClassIsReportedAtEachField() {
    JavaFileObject task =
        source(
            "demo.Task",
            """
            package demo;
            import org.pinning.Pinned;
            @Pinned
            @lombok.With
            @lombok.AllArgsConstructor
            public final class Task {
              @Pinned final Buffer buffer;
              final int state;
            }
            """);
    Compilation compilation = compileWithLombok(task, BUFFER);
    assertNothingFailedInside(compilation);
    assertThat(compilation).hadErrorCount(3);
    assertThat(compilation)
        .hadErrorContaining("moves into the return value of 'withBuffer(Buffer)'")
        .inFile(task)
        .onLineContaining("@Pinned final Buffer buffer;");
    assertThat(compilation)
        .hadErrorContaining("moves into the return value of 'withState(int)'")
        .inFile(task)
        .onLineContaining("final int state;");
    assertThat(compilation)
        .hadErrorContaining("pinned value 'buffer' moves into unpinned parameter 'buffer'")
        .inFile(task)
        .onLineContaining("final int state;");
  }

  // @Getter, @Data, @Value

  @Test
  void getterOnAPinnedClassWithoutPinnedFieldsIsAccepted() {
    Compilation compilation =
        compileWithLombok(
            source(
                "demo.Task",
                """
                package demo;
                import org.pinning.Pinned;
                @Pinned
                @lombok.Getter
                public final class Task {
                  private final int state = 0;
                  private final String name = "task";
                }
                """));
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void getterOfAPinnedFieldMovesItDespiteLombokSuppressingAll() {
    JavaFileObject task =
        source(
            "demo.Task",
            """
            package demo;
            import org.pinning.Pinned;
            @Pinned
            @lombok.Getter
            public final class Task {
              @Pinned private final Buffer buffer = new Buffer();
              private final int state = 0;
            }
            """);
    Compilation compilation = compileWithLombok(task, BUFFER);
    assertNothingFailedInside(compilation);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:move] pinned value 'buffer' moves into the return value of 'getBuffer()',"
                + " which is not @Pinned")
        .inFile(task)
        .onLineContaining("@Pinned private final Buffer buffer");
  }

  @Test
  void getterDeclaredPinnedThroughOnMethodIsAccepted() {
    Compilation compilation =
        compileWithLombok(
            source(
                "demo.Task",
                """
                package demo;
                import org.pinning.Pinned;
                @Pinned
                public final class Task {
                  @lombok.Getter(onMethod_ = @Pinned)
                  @Pinned private final Buffer buffer = new Buffer();
                }
                """),
            BUFFER);
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void suppressionOnTheClassSilencesWhatLombokGenerates() {
    Compilation compilation =
        compileWithLombok(
            source(
                "demo.Task",
                """
                package demo;
                import org.pinning.Pinned;
                @Pinned
                @lombok.Getter
                @SuppressWarnings("pin:move")
                public final class Task {
                  @Pinned private final Buffer buffer = new Buffer();
                }
                """),
            BUFFER);
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void dataOnAPinnedClassReportsOnlyTheGetterOfThePinnedField() {
    JavaFileObject task =
        source(
            "demo.Task",
            """
            package demo;
            import org.pinning.Pinned;
            @Pinned
            @lombok.Data
            public final class Task {
              @Pinned final Buffer buffer;
              int state;
            }
            """);
    Compilation compilation = compileWithLombok(task, BUFFER);
    assertNothingFailedInside(compilation);
    // equals() passes 'this' to canEqual(Object), a borrowing method (DESIGN.md §4.1)
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:move] pinned value 'buffer' moves into the return value of 'getBuffer()'")
        .inFile(task)
        .onLineContaining("@Pinned final Buffer buffer;");
  }

  @Test
  void valueOnAPinnedClassReportsOnlyTheGetterOfThePinnedField() {
    JavaFileObject task =
        source(
            "demo.Task",
            """
            package demo;
            import org.pinning.Pinned;
            @Pinned
            @lombok.Value
            public class Task {
              @Pinned Buffer buffer;
              int state;
            }
            """);
    Compilation compilation = compileWithLombok(task, BUFFER);
    assertNothingFailedInside(compilation);
    // @Value makes the fields private final: nothing to project
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:move] pinned value 'buffer' moves into the return value of 'getBuffer()'")
        .inFile(task)
        .onLineContaining("@Pinned Buffer buffer;");
  }

  @Test
  void fieldsLombokMakesPrivateAreLeftOutOfTheProjection() {
    Compilation compilation =
        compileWithLombok(
            source(
                "demo.Task",
                """
                package demo;
                import lombok.AccessLevel;
                import lombok.experimental.FieldDefaults;
                import org.pinning.Pinned;
                @Pinned
                @FieldDefaults(level = AccessLevel.PRIVATE)
                public class Task {
                  int state;
                }
                """));
    // DESIGN.md §5: private fields are left out; the projection must compile
    assertThat(compilation).succeededWithoutWarnings();
  }

  // generated code the checker must accept

  @Test
  void equalsHashCodeAndToStringOfAPinnedClassAreAccepted() {
    Compilation compilation =
        compileWithLombok(
            source(
                "demo.Task",
                """
                package demo;
                import org.pinning.Pinned;
                @Pinned
                @lombok.EqualsAndHashCode
                @lombok.ToString
                public final class Task {
                  @Pinned final Buffer buffer = new Buffer();
                  int state;
                }
                """),
            BUFFER);
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void builderOfAPinnedClassIsAccepted() {
    Compilation compilation =
        compileWithLombok(
            source(
                "demo.Task",
                """
                package demo;
                import org.pinning.Pinned;
                @Pinned
                @lombok.Builder
                public final class Task {
                  @Pinned final Buffer buffer;
                  final int state;
                }
                """),
            BUFFER);
    assertThat(compilation).succeededWithoutWarnings();
  }

  // Lombok, then the pinning processor, as in a build listing both

  private static Compilation compileWithLombok(JavaFileObject... files) {
    return Compiler.javac().withProcessors(lombok(), new PinProcessor()).compile(files);
  }

  private static Processor lombok() {
    try {
      return (Processor)
          Class.forName("lombok.launch.AnnotationProcessorHider$AnnotationProcessor")
              .getDeclaredConstructor()
              .newInstance();
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("Lombok's annotation processor", e);
    }
  }

  private static void assertNothingFailedInside(Compilation compilation) {
    assertTrue(
        compilation.diagnostics().stream()
            .noneMatch(d -> d.getMessage(Locale.ROOT).contains("[pin:internal]")),
        () -> "the checker failed: " + compilation.diagnostics());
  }

  private static void assertNoPinDiagnostics(Compilation compilation) {
    assertTrue(
        compilation.diagnostics().stream()
            .noneMatch(d -> d.getMessage(Locale.ROOT).contains("[pin:")),
        () -> "no pin diagnostics: " + compilation.diagnostics());
  }
}
