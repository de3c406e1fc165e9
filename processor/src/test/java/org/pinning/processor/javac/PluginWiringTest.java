package org.pinning.processor.javac;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pinning.processor.PinCompiler.compile;
import static org.pinning.processor.PinCompiler.source;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.sun.source.util.JavacTask;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * How the checker runs inside javac (DESIGN.md §7–§8): the plugin starts by itself, with or without
 * annotation processing; its {@code -Xplugin} arguments win over {@code -A} options; the processor
 * finds javac under the wrappers build tools put around its environment.
 */
class PluginWiringTest {

  private static final JavaFileObject CLONEABLE_TASK =
      source(
          "demo.Task",
          """
          package demo;
          @org.pinning.Pinned
          public final class Task
              implements Cloneable {}
          """);

  /** What the checks say of {@link #CLONEABLE_TASK}, whichever way they run. */
  private static final String CLONEABLE =
      "[pin:copy] pinned type 'Task' is Cloneable: clone() would copy it";

  private static final String CLONEABLE_HELP =
      "help: remove Cloneable; a pinned value is never copied, share the reference instead";

  // the plugin without the processor

  @Test
  void pluginChecksWithAnnotationProcessingOff() {
    Compilation compilation = compile(List.of("-proc:none"), CLONEABLE_TASK);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertCloneableReported(compilation, Diagnostic.Kind.ERROR);
  }

  @Test
  void pluginChecksWithNoProcessorAtAll() {
    Compilation compilation = Compiler.javac().compile(CLONEABLE_TASK);
    assertThat(compilation).failed();
    assertCloneableReported(compilation, Diagnostic.Kind.ERROR);
  }

  @Test
  void pluginArgumentsDowngradeErrorsWithAnnotationProcessingOff() {
    Compilation compilation =
        compile(List.of("-proc:none", "-Xplugin:Pinning severity=warning"), CLONEABLE_TASK);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(1);
    assertCloneableReported(compilation, Diagnostic.Kind.WARNING);
  }

  @Test
  void namingThePluginExplicitlyDoesNotRunItTwice() {
    Compilation compilation = compile(List.of("-Xplugin:Pinning"), CLONEABLE_TASK);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void unknownPluginArgumentIsWarned() {
    Compilation compilation =
        compile(
            List.of("-proc:none", "-Xplugin:Pinning foo=1"),
            source("demo.Plain", "package demo; public final class Plain {}"));
    assertThat(compilation).succeeded();
    assertThat(compilation)
        .hadWarningContaining("pinning: unknown option 'pin.foo'; the known options are [");
  }

  // the processor and the plugin together

  @Test
  void processorAndPluginReportAnErrorOnce() {
    Compilation compilation = compile(CLONEABLE_TASK);
    assertThat(compilation).hadErrorCount(1);
    assertCloneableReported(compilation, Diagnostic.Kind.ERROR);
  }

  @Test
  void processorLeavesTheChecksToThePluginUnderJavac() {
    Compilation compilation = compile(CLONEABLE_TASK);
    assertFalse(
        compilation.notes().stream()
            .map(d -> d.getMessage(Locale.ROOT))
            .anyMatch(m -> m.contains("method bodies were not")),
        () -> "the processor thought no plugin runs: " + compilation.notes());
  }

  @Test
  void processorOptionsReachThePlugin() {
    Compilation compilation = compile(List.of("-Apin.severity=warning"), CLONEABLE_TASK);
    assertThat(compilation).succeeded();
    assertCloneableReported(compilation, Diagnostic.Kind.WARNING);
  }

  @Test
  void pluginArgumentsWinOverProcessorOptions() {
    Compilation compilation =
        compile(
            List.of("-Apin.severity=warning", "-Xplugin:Pinning severity=error"), CLONEABLE_TASK);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertCloneableReported(compilation, Diagnostic.Kind.ERROR);
  }

  @Test
  void processorOptionsThePluginArgumentsDoNotNameStillApply() {
    Compilation compilation =
        compile(List.of("-Apin.severity=warning", "-Xplugin:Pinning stats=true"), CLONEABLE_TASK);
    assertThat(compilation).succeeded();
    assertCloneableReported(compilation, Diagnostic.Kind.WARNING);
    assertThat(compilation).hadNoteContaining("classes checked");
  }

  // stats

  @Test
  void statsPrintANote() {
    Compilation compilation =
        compile(
            List.of("-Apin.stats=true"),
            source("demo.Plain", "package demo; public final class Plain {}"));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).hadNoteContaining("classes checked");
    // The checks' share of the compilation, both timed on one clock in one process.
    String note = statsNote(compilation);
    assertTrue(
        note.matches(
            "pinning: 1 classes checked, 0 pinned types found, \\d+ ms in the checks \\(\\d+\\.\\d%"
                + " of the \\d+ ms this compilation took since the plugin started\\); 0 class files"
                + " read for their type annotations"),
        note);
  }

  @Test
  void statsAskedOfThePluginAreTimedInCpuOfTheCompilingThread() {
    Compilation compilation =
        compile(
            List.of("-Xplugin:Pinning stats=true"),
            source("demo.Plain", "package demo; public final class Plain {}"));
    assertThat(compilation).succeededWithoutWarnings();
    String note = statsNote(compilation);
    assertTrue(
        note.matches(
            "pinning: 1 classes checked, 0 pinned types found, \\d+ ms of CPU in the checks"
                + " \\(\\d+\\.\\d% of the \\d+ ms of CPU the compiling thread used since the"
                + " plugin started\\); 0 class files read for their type annotations"),
        note);
  }

  @Test
  void statsNoteStandsForTheWholeCompilationWithoutAPosition() {
    for (String stats : List.of("-Apin.stats=true", "-Xplugin:Pinning stats=true")) {
      Compilation compilation =
          compile(
              List.of(stats),
              source("demo.A", "package demo;\npublic final class A {}"),
              source("demo.B", "package demo;\npublic final class B {}"));
      var note =
          compilation.notes().stream()
              .filter(d -> d.getMessage(Locale.ROOT).contains("classes checked"))
              .findFirst()
              .orElseThrow();
      assertNull(note.getSource(), note::toString);
      assertEquals(javax.tools.Diagnostic.NOPOS, note.getLineNumber(), note::toString);
    }
  }

  /** The note {@code pin.stats} prints. */
  private static String statsNote(Compilation compilation) {
    return compilation.notes().stream()
        .map(d -> d.getMessage(Locale.ROOT))
        .filter(m -> m.contains("classes checked"))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void statsPrintOneNote() {
    Compilation compilation =
        compile(
            List.of("-Apin.stats=true"),
            source("demo.A", "package demo; public final class A {}"),
            source("demo.B", "package demo; public final class B {}"));
    long notes =
        compilation.notes().stream()
            .filter(d -> d.getMessage(Locale.ROOT).contains("classes checked"))
            .count();
    assertEquals(1, notes, () -> "expected one stats note: " + compilation.notes());
  }

  @Test
  void statsThroughThePluginArgumentsWithAnnotationProcessingOff() {
    Compilation compilation =
        compile(
            List.of("-proc:none", "-Xplugin:Pinning stats=true"),
            source("demo.Plain", "package demo; public final class Plain {}"));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).hadNoteContaining("classes checked");
  }

  @Test
  void noStatsNoteByDefault() {
    Compilation compilation =
        compile(source("demo.Plain", "package demo; public final class Plain {}"));
    assertFalse(
        compilation.notes().stream()
            .anyMatch(d -> d.getMessage(Locale.ROOT).contains("classes checked")),
        () -> compilation.notes().toString());
  }

  // EnvironmentUnwrapper

  @Test
  void unwrapperSeesThroughTheWrappersOfBuildTools() {
    UnwrappingProbe probe = new UnwrappingProbe();
    Compilation compilation =
        Compiler.javac()
            .withProcessors(probe)
            .compile(source("demo.Plain", "package demo; public final class Plain {}"));
    assertThat(compilation).succeeded();

    assertNotNull(probe.environment, "the probe was not initialised");
    assertSame(probe.environment, probe.unwrappedPlain, "javac's own environment");
    assertNotNull(probe.taskOfPlain, "javac's own environment leads to its JavacTask");
    assertEquals(8, probe.wrapped.size());
    for (Probed probed : probe.wrapped) {
      assertSame(probe.environment, probed.unwrapped, "unwrap under " + probed.name);
      assertNotNull(probed.task, "javacTask under " + probed.name);
      assertSame(probe.taskOfPlain, probed.task, "the same JavacTask under " + probed.name);
    }
  }

  @Test
  void environmentWithoutJavacInsideGivesNull() {
    UnwrappingProbe probe = new UnwrappingProbe();
    assertThat(
            Compiler.javac()
                .withProcessors(probe)
                .compile(source("demo.Plain", "package demo; public final class Plain {}")))
        .succeeded();

    assertNull(probe.unwrappedForeign, "an environment of another compiler");
    assertNull(probe.taskOfForeign, "an environment of another compiler");
    assertNull(probe.unwrappedEmptyGradle, "a Gradle wrapper holding nothing");
    assertNull(probe.taskOfEmptyGradle, "a Gradle wrapper holding nothing");
    assertNull(probe.unwrappedForeignInProxy, "an IntelliJ proxy around another compiler");
    assertNull(probe.unwrappedSelfReferencing, "a wrapper that holds itself");
  }

  /** What {@link EnvironmentUnwrapper} made of one wrapped environment. */
  private record Probed(String name, ProcessingEnvironment unwrapped, JavacTask task) {}

  /**
   * A processor that, in {@code init}, wraps javac's environment the ways build tools do and
   * records what {@link EnvironmentUnwrapper} finds under each wrapper.
   */
  private static final class UnwrappingProbe extends AbstractProcessor {
    ProcessingEnvironment environment;
    ProcessingEnvironment unwrappedPlain;
    JavacTask taskOfPlain;
    final List<Probed> wrapped = new ArrayList<>();
    ProcessingEnvironment unwrappedForeign;
    JavacTask taskOfForeign;
    ProcessingEnvironment unwrappedEmptyGradle;
    JavacTask taskOfEmptyGradle;
    ProcessingEnvironment unwrappedForeignInProxy;
    ProcessingEnvironment unwrappedSelfReferencing;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public synchronized void init(ProcessingEnvironment env) {
      super.init(env);
      environment = env;
      unwrappedPlain = EnvironmentUnwrapper.unwrap(env);
      taskOfPlain = EnvironmentUnwrapper.javacTask(env);

      probe("IntelliJ proxy", intellij(env));
      probe("Gradle delegate", new GradleEnvironment(env));
      probe("kapt processingEnv", new KaptEnvironment(env));
      probe("Gradle around IntelliJ", new GradleEnvironment(intellij(env)));
      probe("IntelliJ around Gradle", intellij(new GradleEnvironment(env)));
      probe("kapt around Gradle", new KaptEnvironment(new GradleEnvironment(env)));
      probe("Gradle around kapt", new GradleEnvironment(new KaptEnvironment(env)));
      probe("IntelliJ around kapt", intellij(new KaptEnvironment(env)));

      ProcessingEnvironment foreign = new ForeignEnvironment();
      unwrappedForeign = EnvironmentUnwrapper.unwrap(foreign);
      taskOfForeign = EnvironmentUnwrapper.javacTask(foreign);
      GradleEnvironment empty = new GradleEnvironment(null);
      unwrappedEmptyGradle = EnvironmentUnwrapper.unwrap(empty);
      taskOfEmptyGradle = EnvironmentUnwrapper.javacTask(empty);
      unwrappedForeignInProxy = EnvironmentUnwrapper.unwrap(intellij(foreign));
      SelfReferencingEnvironment self = new SelfReferencingEnvironment();
      unwrappedSelfReferencing = EnvironmentUnwrapper.unwrap(self);
    }

    private void probe(String name, ProcessingEnvironment wrapper) {
      wrapped.add(
          new Probed(
              name, EnvironmentUnwrapper.unwrap(wrapper), EnvironmentUnwrapper.javacTask(wrapper)));
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      return false;
    }
  }

  /** IntelliJ: a {@link Proxy} whose handler holds the real environment. */
  static ProcessingEnvironment intellij(ProcessingEnvironment target) {
    return (ProcessingEnvironment)
        Proxy.newProxyInstance(
            PluginWiringTest.class.getClassLoader(),
            new Class<?>[] {ProcessingEnvironment.class},
            new IdeaHandler(target));
  }

  /** The handler of IntelliJ's proxy: it forwards every call to the environment it holds. */
  static final class IdeaHandler implements InvocationHandler {
    private final ProcessingEnvironment myDelegate;

    IdeaHandler(ProcessingEnvironment delegate) {
      this.myDelegate = delegate;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      try {
        return method.invoke(myDelegate, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }
  }

  /** Forwards every call to {@link #target()}. */
  abstract static class ForwardingEnvironment implements ProcessingEnvironment {
    abstract ProcessingEnvironment target();

    @Override
    public Map<String, String> getOptions() {
      return target().getOptions();
    }

    @Override
    public Messager getMessager() {
      return target().getMessager();
    }

    @Override
    public Filer getFiler() {
      return target().getFiler();
    }

    @Override
    public Elements getElementUtils() {
      return target().getElementUtils();
    }

    @Override
    public Types getTypeUtils() {
      return target().getTypeUtils();
    }

    @Override
    public SourceVersion getSourceVersion() {
      return target().getSourceVersion();
    }

    @Override
    public Locale getLocale() {
      return target().getLocale();
    }
  }

  /** Gradle's incremental processing: the real environment in a field named {@code delegate}. */
  static final class GradleEnvironment extends ForwardingEnvironment {
    private final ProcessingEnvironment delegate;

    GradleEnvironment(ProcessingEnvironment delegate) {
      this.delegate = delegate;
    }

    @Override
    ProcessingEnvironment target() {
      return delegate;
    }
  }

  /** Kotlin's kapt: the real environment in a field named {@code processingEnv}. */
  static final class KaptEnvironment extends ForwardingEnvironment {
    private final ProcessingEnvironment processingEnv;

    KaptEnvironment(ProcessingEnvironment processingEnv) {
      this.processingEnv = processingEnv;
    }

    @Override
    ProcessingEnvironment target() {
      return processingEnv;
    }
  }

  /** A wrapper whose field points back at itself. */
  static final class SelfReferencingEnvironment extends ForwardingEnvironment {
    private final ProcessingEnvironment delegate = this;

    @Override
    ProcessingEnvironment target() {
      return delegate;
    }
  }

  /** The environment of a compiler that is not javac (ECJ, say): nothing inside. */
  static final class ForeignEnvironment implements ProcessingEnvironment {
    @Override
    public Map<String, String> getOptions() {
      return Map.of();
    }

    @Override
    public Messager getMessager() {
      throw new UnsupportedOperationException();
    }

    @Override
    public Filer getFiler() {
      throw new UnsupportedOperationException();
    }

    @Override
    public Elements getElementUtils() {
      throw new UnsupportedOperationException();
    }

    @Override
    public Types getTypeUtils() {
      throw new UnsupportedOperationException();
    }

    @Override
    public SourceVersion getSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public Locale getLocale() {
      return Locale.ROOT;
    }
  }

  /** The message and the help line a user reads, at the line they name, as {@code kind}. */
  private static void assertCloneableReported(Compilation compilation, Diagnostic.Kind kind) {
    for (String text : List.of(CLONEABLE, CLONEABLE_HELP)) {
      (kind == Diagnostic.Kind.ERROR
              ? assertThat(compilation).hadErrorContaining(text)
              : assertThat(compilation).hadWarningContaining(text))
          .inFile(CLONEABLE_TASK)
          .onLineContaining("implements Cloneable");
    }
  }
}
