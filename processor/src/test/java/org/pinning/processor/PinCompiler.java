package org.pinning.processor;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.util.List;
import javax.tools.JavaFileObject;

/** Compiles test sources the way a user's build does: javac with the pinning processor on. */
public final class PinCompiler {
  private PinCompiler() {}

  /** A source file named after its public type, e.g. {@code source("demo.Task", "...")}. */
  public static JavaFileObject source(String qualifiedName, String text) {
    return JavaFileObjects.forSourceString(qualifiedName, text);
  }

  /** javac with the processor (and so, auto-started, the plugin). */
  public static Compilation compile(JavaFileObject... files) {
    return compile(List.of(), files);
  }

  /** javac with the processor and {@code options}. */
  public static Compilation compile(List<String> options, JavaFileObject... files) {
    return Compiler.javac().withProcessors(new PinProcessor()).withOptions(options).compile(files);
  }
}
