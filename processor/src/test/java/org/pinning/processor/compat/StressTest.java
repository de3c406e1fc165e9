package org.pinning.processor.compat;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pinning.processor.PinCompiler.compile;
import static org.pinning.processor.PinCompiler.source;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * Large and deeply nested inputs — a 10,000-term string concatenation, 300 nested lambdas, 300
 * nested anonymous classes, a class of more than 30,000 lines, a 5,000-case switch, generics nested
 * 300 deep — compile with the checks on as they do with javac alone: no stack overflow, no
 * exception, no {@code pin:internal}. Each input comes in two variants: one without any pins, which
 * must compile clean, and one with pinned values throughout and a single move placed deep inside,
 * which must be reported once, with its code, on its line.
 *
 * <p>The pinned variant is also compiled by javac alone (no processor, and the plugin kept from
 * starting), which must accept it clean: the processor fails nowhere javac succeeds, and adds only
 * the deep move. Where javac alone overflows its default stack on an input (the concatenation, the
 * anonymous classes), every compilation of that input runs on a thread with a large stack ({@link
 * Stack#LARGE}): the point is that the checks add no failure javac does not have.
 */
class StressTest {
  /** Marks the one line of the pinned variant that moves a pinned value. */
  private static final String DEEP_MOVE = "/* the deep move */";

  @Test
  void tenThousandTermStringConcatenation() {
    for (Pins pins : Pins.values()) {
      // Terms alternate, so that javac's parser cannot fold adjacent literals into one.
      StringBuilder terms = new StringBuilder("\"\"\n");
      for (int i = 0; i < 10_000; i++) {
        terms.append(i % 2 == 0 ? "      + task.state\n" : "      + \"-\"\n");
        if (i == 5_000) {
          terms.append("      + keep(task) ").append(DEEP_MOVE).append('\n');
        }
      }
      String text =
          pins.header
              + "public final class Concat {\n"
              + "  static Object keep(Object o) { return o; }\n"
              + "  String describe("
              + pins.pin
              + "Task task) {\n    return "
              + terms
              + "    ;\n  }\n}\n";
      // javac's own Attr and Gen recurse once per term and overflow the default stack.
      check(Stack.LARGE, pins, source("demo.Concat", text));
    }
  }

  @Test
  void threeHundredNestedLambdas() {
    for (Pins pins : Pins.values()) {
      StringBuilder body = new StringBuilder();
      for (int i = 0; i < 300; i++) {
        body.append("    Runnable r").append(i).append(" = () -> {\n");
      }
      body.append("    last = task; ").append(DEEP_MOVE).append('\n');
      body.append("    };\n".repeat(300));
      String text =
          pins.header
              + "public final class Lambdas {\n"
              + "  Task last;\n"
              + "  void run("
              + pins.pin
              + "Task task) {\n"
              + body
              + "  }\n}\n";
      check(Stack.DEFAULT, pins, source("demo.Lambdas", text));
    }
  }

  @Test
  void threeHundredNestedAnonymousClasses() {
    for (Pins pins : Pins.values()) {
      StringBuilder body = new StringBuilder();
      for (int i = 0; i < 300; i++) {
        body.append("    new Runnable() { public void run() {\n");
      }
      body.append("    task.state++;\n");
      body.append("    last = task; ").append(DEEP_MOVE).append('\n');
      body.append("    } }.run();\n".repeat(300));
      String text =
          pins.header
              + "public final class Anonymous {\n"
              + "  Task last;\n"
              + "  void run("
              + pins.pin
              + "Task task) {\n"
              + body
              + "  }\n}\n";
      // javac's Attr overflows the default stack from about 200 nested anonymous classes on.
      check(Stack.LARGE, pins, source("demo.Anonymous", text));
    }
  }

  @Test
  void classOfMoreThanThirtyThousandLines() {
    for (Pins pins : Pins.values()) {
      StringBuilder methods = new StringBuilder();
      for (int m = 0; m < 600; m++) {
        methods.append("  int m").append(m).append('(').append(pins.pin).append("Task task) {\n");
        methods.append("    int n = 0;\n");
        for (int i = 0; i < 50; i++) {
          methods.append("    if (n > ").append(i).append(") { n -= task.state; } else { n++; }\n");
        }
        if (m == 543) {
          methods.append("    last = task; ").append(DEEP_MOVE).append('\n');
        }
        methods.append("    return n;\n  }\n");
      }
      String text = pins.header + "public final class Big {\n  Task last;\n" + methods + "}\n";
      assertTrue(text.lines().count() > 30_000, "the class has fewer than 30,000 lines");
      check(Stack.DEFAULT, pins, source("demo.Big", text));
    }
  }

  @Test
  void fiveThousandCaseSwitchStatementAndExpression() {
    for (Pins pins : Pins.values()) {
      // Case bodies are small: javac rejects a method whose bytecode passes 64 KiB.
      StringBuilder statement = new StringBuilder();
      StringBuilder expression = new StringBuilder();
      for (int i = 0; i < 5_000; i++) {
        statement.append("      case ").append(i);
        statement.append(i % 100 == 0 ? ": return task.state;\n" : ": return " + i + ";\n");
        expression.append("      case ").append(i);
        if (i == 4_321) {
          expression.append(" -> keep(task); ").append(DEEP_MOVE).append('\n');
        } else {
          expression.append(i % 2 == 0 ? " -> task;\n" : " -> null;\n");
        }
      }
      String text =
          pins.header
              + "public final class Switch {\n"
              + "  static Object keep(Object o) { return o; }\n"
              + "  int pick("
              + pins.pin
              + "Task task, int k) {\n"
              + "    switch (k) {\n"
              + statement
              + "      default: return -1;\n"
              + "    }\n"
              + "  }\n"
              + "  int choose("
              + pins.pin
              + "Task task, int k) {\n"
              + "    Object chosen = switch (k) {\n"
              + expression
              + "      default -> null;\n"
              + "    };\n"
              + "    return chosen == null ? 0 : 1;\n"
              + "  }\n}\n";
      check(Stack.DEFAULT, pins, source("demo.Switch", text));
    }
  }

  @Test
  void genericsNestedThreeHundredDeep() {
    for (Pins pins : Pins.values()) {
      // The element type is pinned only at its innermost type argument; each local takes the
      // type one level down, so the pin must survive 300 inferred locals.
      String type = pins.pin + "Task";
      for (int i = 0; i < 300; i++) {
        type = "java.util.List<" + type + ">";
      }
      StringBuilder steps = new StringBuilder("    var l300 = nested;\n");
      for (int i = 299; i >= 0; i--) {
        steps.append("    var l").append(i).append(" = l").append(i + 1).append(".get(0);\n");
      }
      String text =
          pins.header
              + "public final class Generic {\n"
              + "  Task last;\n"
              + "  final "
              + type
              + " nested = null;\n"
              + "  void stash() {\n"
              + steps
              + "    last = l0; "
              + DEEP_MOVE
              + "\n  }\n}\n";
      check(Stack.DEFAULT, pins, source("demo.Generic", text));
    }
  }

  /**
   * With the checks on, the variant without pins compiles clean, and the pinned variant gets
   * exactly its deep move where javac alone accepts it clean. (javac alone is asked only about the
   * pinned variant: that the other compiles clean with the checks on says more, and each
   * compilation of these inputs takes seconds.)
   */
  private static void check(Stack stack, Pins pins, JavaFileObject file) {
    Compilation checked = stack.run(() -> compile(file));
    assertNoInternalError(checked);
    if (pins == Pins.NONE) {
      assertThat(checked).succeededWithoutWarnings();
      return;
    }
    assertJavacAloneAcceptsClean(stack, file);
    assertThat(checked).hadErrorCount(1);
    assertThat(checked).hadWarningCount(0);
    assertThat(checked)
        .hadErrorContaining("[pin:move] pinned value")
        .inFile(file)
        .onLineContaining(DEEP_MOVE);
  }

  /** javac with neither the processor nor the plugin accepts {@code file} with no diagnostic. */
  private static void assertJavacAloneAcceptsClean(Stack stack, JavaFileObject file) {
    JavacAlone javacAlone = stack.run(() -> JavacAlone.compile(List.of(file)));
    assertTrue(javacAlone.accepted(), () -> "javac alone rejects it: " + javacAlone.diagnostics());
    assertEquals(List.of(), javacAlone.diagnostics(), "javac alone");
  }

  private static void assertNoInternalError(Compilation compilation) {
    for (Diagnostic<? extends JavaFileObject> d : compilation.diagnostics()) {
      String message = d.getMessage(Locale.ROOT);
      assertFalse(message.contains("[pin:internal]"), message);
    }
  }

  /** The two variants of each input. */
  private enum Pins {
    NONE("package demo;\nfinal class Task { int state; }\n", ""),
    PINNED(
        "package demo;\nimport org.pinning.Pinned;\n@Pinned final class Task { int state; }\n",
        "@Pinned ");

    /** The package, imports and the class {@code Task}, pinned or not. */
    final String header;

    /** The annotation that pins a parameter or a type argument, or nothing. */
    final String pin;

    Pins(String header, String pin) {
      this.header = header;
      this.pin = pin;
    }
  }

  /** Where a compilation runs. */
  private enum Stack {
    DEFAULT {
      @Override
      <T> T run(Supplier<T> compilation) {
        return compilation.get();
      }
    },
    /** A thread with a 512 MiB stack, for inputs on which javac alone overflows the default. */
    LARGE {
      @Override
      <T> T run(Supplier<T> compilation) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread deep =
            new Thread(
                null,
                () -> {
                  try {
                    result.set(compilation.get());
                  } catch (Throwable t) {
                    failure.set(t);
                  }
                },
                "deep",
                512L << 20);
        deep.start();
        try {
          deep.join();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError("interrupted", e);
        }
        if (failure.get() != null) {
          throw new AssertionError("the compilation threw", failure.get());
        }
        return result.get();
      }
    };

    abstract <T> T run(Supplier<T> compilation);
  }

  /**
   * What javac makes of some files without the checks (MutationTest asks it too). javac looks for
   * plugins through the class loader its file manager gives for the class path, whose parent is the
   * loader of javac itself: in this JVM, the test class path, plugin included. A file manager whose
   * class loader sees only the JDK keeps the plugin from starting.
   */
  record JavacAlone(boolean accepted, List<Diagnostic<? extends JavaFileObject>> diagnostics) {
    /** javac with neither the processor nor the plugin, and no annotation processing. */
    static JavacAlone compile(List<JavaFileObject> files) {
      return compile(files, List.of("-proc:none"), List.of());
    }

    /**
     * javac with annotation processing on, through a processor that does nothing, and no plugin:
     * javac has bugs that only processing sets off, whichever the processor.
     */
    static JavacAlone compileWithIdleProcessor(List<JavaFileObject> files) {
      return compile(files, List.of(), List.of(new IdleProcessor()));
    }

    private static JavacAlone compile(
        List<JavaFileObject> files, List<String> options, List<Processor> processors) {
      JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
      DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
      try (JavaFileManager withoutPlugins =
          new JdkOnlyFileManager(
              javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8))) {
        JavaCompiler.CompilationTask task =
            javac.getTask(null, withoutPlugins, diagnostics, options, null, files);
        task.setProcessors(processors);
        return new JavacAlone(task.call(), diagnostics.getDiagnostics());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** javac failed without an error to show for it: it crashed, and said so on System.err. */
    boolean crashed() {
      return !accepted && diagnostics.stream().noneMatch(d -> d.getKind() == Diagnostic.Kind.ERROR);
    }
  }

  /** Claims nothing and generates nothing. */
  @SupportedAnnotationTypes("*")
  private static final class IdleProcessor extends AbstractProcessor {
    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      return false;
    }
  }

  /**
   * Finds classes for the class path but no plugins or processors; discards class files (300 nested
   * anonymous classes have names longer than a file system allows).
   */
  private static final class JdkOnlyFileManager
      extends ForwardingJavaFileManager<StandardJavaFileManager> {
    JdkOnlyFileManager(StandardJavaFileManager standard) {
      super(standard);
    }

    @Override
    public ClassLoader getClassLoader(Location location) {
      return new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader());
    }

    @Override
    public JavaFileObject getJavaFileForOutput(
        Location location, String className, JavaFileObject.Kind kind, FileObject sibling) {
      URI uri = URI.create("discarded:///" + className.replace('.', '/') + kind.extension);
      return new SimpleJavaFileObject(uri, kind) {
        @Override
        public OutputStream openOutputStream() {
          return OutputStream.nullOutputStream();
        }
      };
    }
  }
}
