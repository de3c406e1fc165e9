package org.pinning.processor.compat;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pinning.processor.PinCompiler.source;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.annotation.processing.Processor;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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

  /** Where the sources of a compilation with a {@code lombok.config} are written. */
  @TempDir Path project;

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
    Compilation compilation = compileWithLombokConfig(task, BUFFER);
    assertNothingFailedInside(compilation);
    // a pinned slot may be given another value (DESIGN.md §4.2); the setter pins its argument,
    // which lombok.config's copyableAnnotations declares @Pinned
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
  void withOfAnotherFieldReturnsThisUnpinned() {
    JavaFileObject task =
        onDisk(
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
            """));
    Compilation compilation = compileWithLombokConfig(task, BUFFER);
    assertNothingFailedInside(compilation);
    // withState(int) is: return this.state == state ? this : new Task(this.buffer, state);
    // the constructor's parameter is @Pinned (copied by Lombok), so only 'this' moves
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[pin:move] pinned value 'this' moves into the return value of 'withState(int)'")
        .inFile(task)
        .onLineContaining("@lombok.With");
  }

  @Test
  void withOfThePinnedFieldReturnsThisUnpinned() {
    JavaFileObject task =
        onDisk(
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
            """));
    Compilation compilation = compileWithLombokConfig(task, BUFFER);
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
        onDisk(
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
            """));
    Compilation compilation = compileWithLombokConfig(task, BUFFER);
    assertNothingFailedInside(compilation);
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation)
        .hadErrorContaining("moves into the return value of 'withBuffer(Buffer)'")
        .inFile(task)
        .onLineContaining("@Pinned final Buffer buffer;");
    assertThat(compilation)
        .hadErrorContaining("moves into the return value of 'withState(int)'")
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
  void dataOnAPinnedClassIsAcceptedWhenLombokCopiesPinnedOntoTheGetter() {
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
    Compilation compilation = compileWithLombokConfig(task, BUFFER);
    assertNothingFailedInside(compilation);
    // copyableAnnotations puts @Pinned on the getter too: it returns a pinned reference, like a
    // projection; and on the constructor's parameters, so the constructor pins what it is given
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void valueOnAPinnedClassIsAcceptedWhenLombokCopiesPinnedOntoTheGetter() {
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
    Compilation compilation = compileWithLombokConfig(task, BUFFER);
    assertNothingFailedInside(compilation);
    // copyableAnnotations puts @Pinned on the getter too: it returns a pinned reference, like a
    // projection; and on the constructor's parameters, so the constructor pins what it is given
    assertThat(compilation).succeededWithoutWarnings();
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
  void builderOfAPinnedFieldIsUnownedInTheConstructorItCalls() {
    JavaFileObject task =
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
            """);
    Compilation compilation = compileWithLombok(task, BUFFER);
    assertNothingFailedInside(compilation);
    // the builder keeps the value in an unpinned field until build() hands it to the
    // constructor, which pins it: the builder, not the constructor, owns it (a DESIGN.md §10 limit)
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[pin:unowned] 'buffer' is pinned here, but it is a parameter")
        .inFile(task)
        .onLineContaining("@lombok.Builder");
  }

  // Constructors and setters Lombok writes, with @Pinned copied onto their parameters

  @Test
  void constructorsAndSettersOfPinnedFieldsAreUnownedWithoutTheConfigKey() {
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
            }
            """);
    Compilation compilation = compileWithLombok(task, BUFFER);
    assertNothingFailedInside(compilation);
    // Task(Buffer buffer) { this.buffer = buffer; } pins a value its caller still holds
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[pin:unowned] 'buffer' is pinned here, but it is a parameter")
        .inFile(task)
        .onLineContaining("@lombok.AllArgsConstructor");
  }

  @Test
  void copyableAnnotationsMakeGeneratedConstructorsAndSettersOfPinnedFieldsAndSlotsClean() {
    Compilation compilation =
        compileWithLombokConfig(
            source(
                "demo.Task",
                """
                package demo;
                import org.pinning.Pinned;
                @Pinned
                @lombok.AllArgsConstructor
                public final class Task {
                  @Pinned final Buffer buffer;
                  @lombok.Setter
                  @Pinned Buffer spare;
                }
                """),
            source(
                "demo.Slot",
                """
                package demo;
                import org.pinning.Pinned;
                @lombok.RequiredArgsConstructor
                @lombok.Setter
                public final class Slot {
                  @Pinned final Buffer first;
                  @Pinned Buffer current;
                }
                """),
            BUFFER);
    assertNothingFailedInside(compilation);
    assertThat(compilation).succeededWithoutWarnings();
  }

  /**
   * Lombok as a project configures it for the checker: {@code lombok.config} beside the sources
   * has {@code lombok.copyableAnnotations += org.pinning.Pinned}, so that the parameters Lombok
   * generates for pinned fields are {@code @Pinned} too. Lombok finds the file from the sources'
   * location, so they are written to disk.
   */
  private Compilation compileWithLombokConfig(JavaFileObject... files) {
    try {
      Files.writeString(
          project.resolve("lombok.config"), "lombok.copyableAnnotations += org.pinning.Pinned\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    JavaFileObject[] onDisk = new JavaFileObject[files.length];
    for (int i = 0; i < files.length; i++) {
      onDisk[i] = "file".equals(files[i].toUri().getScheme()) ? files[i] : onDisk(files[i]);
    }
    return compileWithLombok(onDisk);
  }

  /** {@code file}, written under {@link #project}: where Lombok looks for its configuration. */
  private JavaFileObject onDisk(JavaFileObject file) {
    try {
      String name = file.toUri().getPath();
      Path path = project.resolve(name.startsWith("/") ? name.substring(1) : name);
      Files.createDirectories(path.getParent());
      Files.writeString(path, file.getCharContent(true));
      return JavaFileObjects.forResource(path.toUri().toURL());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
