package org.pinning.processor.projection;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.pinning.processor.PinProcessor;

/**
 * Generated projections (DESIGN.md §5). Expected sources are golden files under {@code
 * src/test/resources/goldens/ProjectionGenerationTest/<test method>/}; to rewrite them from the
 * processor's current output, run {@code mvn -pl processor test -Dpinning.updateGoldens=true}.
 */
class ProjectionGenerationTest {

  /**
   * Every lint but {@code processing}: javac's "No processor claimed any of these annotations"
   * is about the processor's claim, not about the code it generates.
   */
  private static final List<String> LINT_ALL_AS_ERRORS =
      List.of("-Xlint:all,-processing", "-Werror");

  private static final JavaFileObject BUFFER =
      source(
          "demo.Buffer",
          """
          package demo;

          public class Buffer {
            private final int size;

            public Buffer(int size) {
              this.size = size;
            }

            public int size() {
              return size;
            }
          }
          """);

  private static final JavaFileObject TASK =
      source(
          "demo.Task",
          """
          package demo;

          import org.pinning.Pinned;

          @Pinned
          public final class Task {
            @Pinned final Buffer buffer;
            int state;
            final long id;
            private int secret;

            public Task(@Pinned Buffer buffer, long id) {
              this.buffer = buffer;
              this.id = id;
            }

            int secret() {
              return secret;
            }
          }
          """);

  @Test
  void pinnedFieldIsProjectedPinnedAndOrdinaryFieldsGetGettersAndSetters(TestInfo test) {
    Compilation compilation = compile(BUFFER, TASK);
    assertThat(compilation).succeededWithoutWarnings();
    assertMatchesGolden(test, compilation, "demo.TaskProjection");
  }

  @Test
  void packagePrivateClassGetsPackagePrivateProjection(TestInfo test) {
    Compilation compilation =
        compile(
            BUFFER,
            source(
                "demo.Job",
                """
                package demo;

                import org.pinning.Pinned;

                final class Job {
                  @Pinned final Buffer buffer = new Buffer(1);
                  protected String name;
                }
                """));
    assertThat(compilation).succeededWithoutWarnings();
    assertMatchesGolden(test, compilation, "demo.JobProjection");
  }

  @Test
  void genericClassCarriesItsTypeParametersWithBounds(TestInfo test) {
    Compilation compilation =
        compile(
            source(
                "demo.Cell",
                """
                package demo;

                import java.util.List;
                import java.util.Map;
                import org.pinning.Pinned;

                public class Cell<T extends Comparable<T>> {
                  @Pinned final T value;
                  List<? extends T> history;
                  Map<String, ? super T> index;
                  T[] window;

                  Cell(@Pinned T value) {
                    this.value = value;
                  }
                }
                """));
    assertThat(compilation).succeededWithoutWarnings();
    assertMatchesGolden(test, compilation, "demo.CellProjection");
  }

  @Test
  void pinnedSlotGetsAPinnedGetterAndASetterThatPins(TestInfo test) {
    Compilation compilation =
        compile(
            BUFFER,
            source(
                "demo.Node",
                """
                package demo;

                import org.pinning.Pinned;

                @Pinned
                public final class Node {
                  @Pinned final Buffer buffer = new Buffer(4);
                  @Pinned Node prev, next;
                  int size;
                }
                """));
    assertThat(compilation).succeededWithoutWarnings();
    assertMatchesGolden(test, compilation, "demo.NodeProjection");
  }

  @Test
  void classWithOnlySlotsIsProjectedThoughItIsNotPinned(TestInfo test) {
    Compilation compilation =
        compile(
            BUFFER,
            TASK,
            source(
                "demo.Cursor",
                """
                package demo;

                import org.pinning.Pinned;

                public final class Cursor {
                  @Pinned Task current;
                  int moves;
                }
                """));
    assertThat(compilation).succeededWithoutWarnings();
    assertMatchesGolden(test, compilation, "demo.CursorProjection");
  }

  @Test
  void nestedStaticClassIsProjectedUnderItsFlatName(TestInfo test) {
    Compilation compilation =
        compile(
            BUFFER,
            source(
                "demo.Outer",
                """
                package demo;

                import org.pinning.Pinned;

                public class Outer {
                  @Pinned
                  public static final class Inner {
                    @Pinned final Buffer buffer = new Buffer(2);
                    int state;
                  }
                }
                """));
    assertThat(compilation).succeededWithoutWarnings();
    assertMatchesGolden(test, compilation, "demo.Outer_InnerProjection");
  }

  @Test
  void innerClassOfGenericOuterCarriesTheOuterTypeParameters(TestInfo test) {
    Compilation compilation =
        compile(
            source(
                "demo.Tree",
                """
                package demo;

                import org.pinning.Pinned;

                public class Tree<K> {
                  public class Node<V> {
                    @Pinned final V payload;
                    K key;

                    Node(@Pinned V payload) {
                      this.payload = payload;
                    }
                  }

                  // Shadow's K hides Tree's K; the projection, which needs both, renames Tree's.
                  class Shadow<K> {
                    @Pinned final K item;

                    Shadow(@Pinned K item) {
                      this.item = item;
                    }
                  }
                }
                """));
    assertThat(compilation).succeededWithoutWarnings();
    assertMatchesGolden(test, compilation, "demo.Tree_NodeProjection");
    assertMatchesGolden(test, compilation, "demo.Tree_ShadowProjection");
  }

  @Test
  void fieldNamedLikeAnObjectMethodIsReadThroughGet(TestInfo test) {
    Compilation compilation =
        compile(
            BUFFER,
            source(
                "demo.Clash",
                """
                package demo;

                import org.pinning.Pinned;

                public class Clash {
                  @Pinned final Buffer wait = new Buffer(3);
                  int hashCode;
                  String toString;
                  int self;
                }
                """));
    assertThat(compilation).succeededWithoutWarnings();
    assertMatchesGolden(test, compilation, "demo.ClashProjection");
  }

  @Test
  void accessorsThatWouldShareANameStillCompile(TestInfo test) {
    Compilation compilation =
        compile(
            BUFFER,
            source(
                "demo.Twins",
                """
                package demo;

                import org.pinning.Pinned;

                public class Twins {
                  @Pinned final Buffer buffer = new Buffer(3);
                  int hashCode;
                  int getHashCode;
                  int x;
                  int X;
                }
                """));
    assertThat(compilation).succeededWithoutWarnings();
    assertMatchesGolden(test, compilation, "demo.TwinsProjection");
  }

  @Test
  void pinnedContainerFieldKeepsItsTypeUseAnnotation(TestInfo test) {
    Compilation compilation =
        compile(
            BUFFER,
            source(
                "demo.Pool",
                """
                package demo;

                import java.util.ArrayList;
                import java.util.List;
                import org.pinning.Pinned;

                @Pinned
                public final class Pool {
                  final List<@Pinned Buffer> buffers = new ArrayList<>();
                  @Pinned final Buffer spare = new Buffer(4);
                }
                """));
    assertThat(compilation).succeededWithoutWarnings();
    assertMatchesGolden(test, compilation, "demo.PoolProjection");
  }

  @Test
  void pinnedArrayFieldIsProjectedAsAPlainArray() {
    JavaFileObject batch =
        source(
            "demo.Batch",
            """
            package demo;

            import org.pinning.Pinned;

            @Pinned
            public class Batch {
              @Pinned final Buffer[] buffers = new Buffer[2];
              @Pinned final int[][] counts = new int[2][2];
            }
            """);
    Compilation compilation = compile(BUFFER, batch);
    assertThat(compilation).succeeded();
    // Arrays are Unpin (§2): the user's fields are warned about, the projection adds nothing.
    assertThat(compilation).hadWarningCount(2);
    assertThat(compilation)
        .hadWarningContaining("[pin:useless] @Pinned has no effect on 'buffers'")
        .inFile(batch)
        .onLineContaining("Buffer[] buffers");
    assertThat(compilation)
        .generatedSourceFile("demo.BatchProjection")
        .contentsAsUtf8String()
        .contains(
            """
              public Buffer[] buffers() {
                return this.self.buffers;
              }
            """);
    assertThat(compilation)
        .generatedSourceFile("demo.BatchProjection")
        .contentsAsUtf8String()
        .contains("  public int[][] counts() {");
  }

  @Test
  void fieldWhoseTypeASiblingClassCannotNameIsLeftOut() {
    Compilation compilation =
        compile(
            LINT_ALL_AS_ERRORS,
            BUFFER,
            source(
                "lib.Base",
                """
                package lib;

                public class Base {
                  protected static class Helper {}
                }
                """),
            source(
                "demo.Chain",
                """
                package demo;

                import java.util.List;
                import org.pinning.Pinned;

                @Pinned
                public class Chain extends lib.Base {
                  Node head;
                  List<Node> nodes;
                  Helper helper;
                  int length;

                  private static final class Node {}
                }
                """));
    assertThat(compilation).succeededWithoutWarnings();
    String projection =
        read(compilation.generatedSourceFile("demo.ChainProjection").orElseThrow());
    assertTrue(projection.contains("public int length()"), projection);
    assertFalse(projection.contains("head"), projection);
    assertFalse(projection.contains("nodes"), projection);
    assertFalse(projection.contains("helper"), projection);
  }

  @Test
  void classWithNothingToProjectGetsNoProjection() {
    Compilation compilation =
        compile(
            BUFFER,
            source(
                "demo.Hidden",
                """
                package demo;

                import org.pinning.Pinned;

                @Pinned
                public final class Hidden {
                  private int state;
                  static int count;

                  int state() {
                    return state + count;
                  }
                }
                """),
            source(
                "demo.Plain",
                """
                package demo;

                public class Plain {
                  int state;
                }
                """),
            source(
                "demo.Base",
                """
                package demo;

                import org.pinning.Pinned;

                @Pinned
                public class Base {
                  private int x;

                  int x() {
                    return x;
                  }
                }
                """),
            source(
                "demo.Derived",
                """
                package demo;

                // Pinned through its supertype only (§2 rule 2): no projection (§5).
                public class Derived extends Base {
                  int y;
                }
                """),
            source(
                "demo.Host",
                """
                package demo;

                import org.pinning.Pinned;

                public class Host {
                  @Pinned
                  private static final class Secret {
                    @Pinned final Buffer buffer = new Buffer(5);
                  }

                  @Pinned
                  public static final class Visible {
                    int x;
                  }

                  static final class Wrapper {
                    private static final class Hidden {
                      @Pinned final Buffer buffer = new Buffer(6);
                    }
                  }

                  Object local() {
                    @Pinned
                    final class Local {
                      @Pinned final Buffer buffer = new Buffer(7);
                    }
                    return new Local().toString();
                  }

                  Object secret() {
                    return new Secret().toString() + new Wrapper.Hidden();
                  }
                }
                """));
    assertThat(compilation).succeeded();
    for (String absent :
        List.of(
            "demo.HiddenProjection",
            "demo.PlainProjection",
            "demo.BaseProjection",
            "demo.DerivedProjection",
            "demo.Host_SecretProjection",
            "demo.Host_Wrapper_HiddenProjection",
            "demo.LocalProjection",
            "demo.Host_LocalProjection")) {
      assertFalse(compilation.generatedSourceFile(absent).isPresent(), absent);
    }
    // A public nested class of a public class is projected, of course.
    assertTrue(compilation.generatedSourceFile("demo.Host_VisibleProjection").isPresent());
  }

  @Test
  void membersOfACompactSourceFilesImplicitClassAreNotProjected() {
    // JDK 25 (JEP 512): nothing can name the implicit class 'Main', so a 'Main_TaskProjection'
    // naming 'Main.Task' would not compile. No projection is written; the rules still run.
    assumeTrue(Runtime.version().feature() >= 25, "compact source files need JDK 25");
    Compilation compilation =
        compile(
            source(
                "Main",
                """
                import org.pinning.Pinned;

                @Pinned
                static final class Task {
                  int state;
                }

                void main() {
                  System.out.println(new Task().state);
                }
                """));
    assertThat(compilation).succeededWithoutWarnings();
    assertFalse(compilation.generatedSourceFile("Main_TaskProjection").isPresent());
  }

  @Test
  void memberOfAFinalClassInTheUnnamedPackageIsProjected() {
    // The closest named program: 'final class Main' is written out, so its members can be named.
    Compilation compilation =
        compile(
            source(
                "Main",
                """
                import org.pinning.Pinned;

                final class Main {
                  @Pinned
                  static final class Task {
                    int state;
                  }
                }
                """));
    assertThat(compilation).succeededWithoutWarnings();
    assertTrue(compilation.generatedSourceFile("Main_TaskProjection").isPresent());
  }

  @Test
  void nestedClassWhoseProjectionNameATopLevelClassHasIsMisplaced() {
    JavaFileObject outer =
        source(
            "demo.Outer",
            """
            package demo;

            import org.pinning.Pinned;

            public class Outer {
              @Pinned
              public static final class Inner {
                int state;
              }
            }
            """);
    JavaFileObject topLevel =
        source(
            "demo.Outer_Inner",
            """
            package demo;

            public class Outer_Inner {}
            """);
    Compilation compilation = compile(outer, topLevel);
    assertThat(compilation).hadErrorContaining("[pin:misplaced]");
    assertThat(compilation)
        .hadErrorContaining(
            "the projection of 'Outer.Inner' would be named 'Outer_InnerProjection'")
        .inFile(outer)
        .onLineContaining("class Inner");
    // A failed compilation shows no generated files: look again with the error as a warning.
    Compilation migrating = compile(List.of("-Apin.severity=warning"), outer, topLevel);
    assertThat(migrating).hadWarningContaining("[pin:misplaced]");
    assertFalse(migrating.generatedSourceFile("demo.Outer_InnerProjection").isPresent());
  }

  @Test
  void generationCanBeTurnedOff() {
    Compilation compilation = compile(List.of("-Apin.generate=false"), BUFFER, TASK);
    assertThat(compilation).succeededWithoutWarnings();
    assertFalse(compilation.generatedSourceFile("demo.TaskProjection").isPresent());
  }

  @Test
  void generatedCodeCompilesCleanUnderAllLintsAsErrors() {
    Compilation compilation =
        compile(
            LINT_ALL_AS_ERRORS,
            BUFFER,
            TASK,
            source(
                "demo.Registry",
                """
                package demo;

                import java.util.ArrayList;
                import java.util.List;
                import org.pinning.Pinned;

                public class Registry<K extends Comparable<K>, V> {
                  @Pinned final K key;
                  final List<@Pinned Buffer> buffers = new ArrayList<>();
                  V value;
                  int wait;
                  @Deprecated int old;

                  Registry(@Pinned K key) {
                    this.key = key;
                  }

                  public class Entry<E extends V> {
                    @Pinned final E element;
                    K owner;

                    Entry(@Pinned E element) {
                      this.element = element;
                    }
                  }

                  static class Raw {
                    @SuppressWarnings("rawtypes")
                    List list;
                    @Pinned final Buffer buffer = new Buffer(8);
                  }
                }
                """),
            source(
                "demo.Legacy",
                """
                package demo;

                import org.pinning.Pinned;

                @Deprecated
                public class Legacy {
                  @Pinned final Buffer buffer = new Buffer(9);
                }
                """));
    assertThat(compilation).succeededWithoutWarnings();
    for (String projection :
        List.of(
            "demo.TaskProjection",
            "demo.RegistryProjection",
            "demo.Registry_EntryProjection",
            "demo.Registry_RawProjection",
            "demo.LegacyProjection")) {
      assertTrue(compilation.generatedSourceFile(projection).isPresent(), projection);
    }
  }

  @Test
  void namesThatThePackageOrATypeVariableShadowsAreQualified() {
    Compilation compilation =
        compile(
            LINT_ALL_AS_ERRORS,
            BUFFER,
            source(
                "demo.String",
                """
                package demo;

                public final class String {}
                """),
            source(
                "demo.Objects",
                """
                package demo;

                public final class Objects {}
                """),
            source(
                "demo.Named",
                """
                package demo;

                import org.pinning.Pinned;

                @Pinned
                public class Named {
                  java.lang.String name;
                  String local;
                  @Pinned final Buffer buffer = new Buffer(10);
                }
                """),
            source(
                "demo.Box",
                """
                package demo;

                // Type variables named like the classes a projection uses.
                public class Box<Pinned, Objects extends Comparable<Objects>> {
                  @org.pinning.Pinned final Pinned content;
                  Objects label;

                  Box(@org.pinning.Pinned Pinned content) {
                    this.content = content;
                  }
                }
                """));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation)
        .generatedSourceFile("demo.NamedProjection")
        .contentsAsUtf8String()
        .contains("public java.lang.String name()");
    assertThat(compilation)
        .generatedSourceFile("demo.BoxProjection")
        .contentsAsUtf8String()
        .contains("java.util.Objects.requireNonNull(self, \"self\")");
  }

  @Test
  void fieldOfATypeAnotherProcessorGeneratesIsProjectedOnceTheTypeExists(TestInfo test) {
    Compilation compilation =
        Compiler.javac()
            .withProcessors(new PinProcessor(), new LaterGenerator())
            .compile(
                BUFFER,
                source(
                    "demo.Waiting",
                    """
                    package demo;

                    import org.pinning.Pinned;

                    @Pinned
                    public class Waiting {
                      Later later;
                      @Pinned final Buffer buffer = new Buffer(11);
                    }
                    """));
    assertThat(compilation).succeededWithoutWarnings();
    assertMatchesGolden(test, compilation, "demo.WaitingProjection");
  }

  @Test
  void outputIsTheSameFromRunToRun() {
    List<JavaFileObject> sources = new ArrayList<>(List.of(BUFFER, TASK));
    sources.add(
        source(
            "demo.Mixed",
            """
            package demo;

            import org.pinning.Pinned;

            public class Mixed<A, B extends A> {
              B second;
              @Pinned final A first;
              int third;

              Mixed(@Pinned A first) {
                this.first = first;
              }
            }
            """));
    Compilation first = compile(sources.toArray(new JavaFileObject[0]));
    Compilation second = compile(sources.toArray(new JavaFileObject[0]));
    assertThat(first).succeeded();
    assertThat(second).succeeded();
    assertEquals(contents(first), contents(second));
    assertTrue(contents(first).contains("public B second()"));
  }

  @Test
  void generatedApiWorksAtRunTime() throws Exception {
    Compilation compilation =
        compile(
            BUFFER,
            TASK,
            source(
                "demo.Use",
                """
                package demo;

                public final class Use {
                  private Use() {}

                  public static int run() {
                    Task task = new Task(new Buffer(7), 42L);
                    TaskProjection projection = TaskProjection.project(task);
                    projection.setState(3);
                    return projection.state() * 1000
                        + projection.buffer().size() * 100
                        + (int) projection.id();
                  }
                }
                """));
    assertThat(compilation).succeededWithoutWarnings();
    Class<?> use = new CompiledClasses(compilation).loadClass("demo.Use");
    Method run = use.getMethod("run");
    assertEquals(3742, run.invoke(null));
  }

  // --- helpers ---

  private static JavaFileObject source(String qualifiedName, String text) {
    return JavaFileObjects.forSourceString(qualifiedName, text);
  }

  private static Compilation compile(JavaFileObject... sources) {
    return compile(List.of(), sources);
  }

  private static Compilation compile(List<String> options, JavaFileObject... sources) {
    return Compiler.javac()
        .withProcessors(new PinProcessor())
        .withOptions(options)
        .compile(sources);
  }

  /** Every generated source, by name, in the order javac reports them. */
  private static String contents(Compilation compilation) {
    StringBuilder all = new StringBuilder();
    for (JavaFileObject file : compilation.generatedSourceFiles()) {
      all.append("// ").append(file.getName()).append('\n').append(read(file));
    }
    return all.toString();
  }

  private static String read(JavaFileObject file) {
    try {
      return file.getCharContent(false).toString();
    } catch (IOException e) {
      throw new AssertionError("cannot read " + file.getName(), e);
    }
  }

  /**
   * Compares the generated source {@code qualifiedName} with its golden file, or, under {@code
   * -Dpinning.updateGoldens=true}, rewrites the golden file with it.
   */
  private static void assertMatchesGolden(
      TestInfo test, Compilation compilation, String qualifiedName) {
    Optional<JavaFileObject> generated = compilation.generatedSourceFile(qualifiedName);
    assertTrue(generated.isPresent(), qualifiedName + " was not generated");
    String actual = read(generated.get());
    Path golden = goldenFile(test, qualifiedName);
    if (Boolean.getBoolean("pinning.updateGoldens")) {
      try {
        Files.createDirectories(golden.getParent());
        Files.writeString(golden, actual, UTF_8);
      } catch (IOException e) {
        throw new AssertionError("cannot write " + golden, e);
      }
      return;
    }
    assertTrue(
        Files.exists(golden),
        "no golden file " + golden + "; run mvn -pl processor test -Dpinning.updateGoldens=true");
    assertThat(compilation)
        .generatedSourceFile(qualifiedName)
        .contentsAsUtf8String()
        .isEqualTo(readGolden(golden));
  }

  private static Path goldenFile(TestInfo test, String qualifiedName) {
    // Surefire passes the directory; an IDE run from the module directory finds it relative.
    String root = System.getProperty("pinning.goldens", "src/test/resources/goldens");
    String method = test.getTestMethod().orElseThrow().getName();
    String simpleName = qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
    return Path.of(
        root, ProjectionGenerationTest.class.getSimpleName(), method, simpleName + ".java");
  }

  private static String readGolden(Path golden) {
    try {
      return Files.readString(golden, UTF_8);
    } catch (IOException e) {
      throw new AssertionError("cannot read " + golden, e);
    }
  }

  /** Stands for a processor that generates a type the user's fields name: {@code demo.Later}. */
  private static final class LaterGenerator extends AbstractProcessor {
    private boolean generated;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      if (generated) {
        return false;
      }
      generated = true;
      try (Writer writer = processingEnv.getFiler().createSourceFile("demo.Later").openWriter()) {
        writer.write("package demo;\n\npublic final class Later {}\n");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return false;
    }
  }

  /** Loads the classes of one compilation from its in-memory class files. */
  private static final class CompiledClasses extends ClassLoader {
    private final Compilation compilation;

    CompiledClasses(Compilation compilation) {
      super(ProjectionGenerationTest.class.getClassLoader());
      this.compilation = compilation;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      Optional<JavaFileObject> file =
          compilation.generatedFile(
              StandardLocation.CLASS_OUTPUT, name.replace('.', '/') + ".class");
      if (file.isEmpty()) {
        throw new ClassNotFoundException(name);
      }
      try (InputStream in = file.get().openInputStream()) {
        byte[] bytes = in.readAllBytes();
        return defineClass(name, bytes, 0, bytes.length);
      } catch (IOException e) {
        throw new ClassNotFoundException(name, e);
      }
    }
  }
}
