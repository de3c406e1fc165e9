package org.pinning.processor.docs;

import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/** A diagnostic as javac's command line prints it: location, message, source line, caret. */
final class JavacFormat {
  private JavacFormat() {}

  /** {@code error} or {@code warning}, as javac labels them. */
  static String kind(Diagnostic<? extends JavaFileObject> d) {
    return d.getKind() == Diagnostic.Kind.ERROR ? "error" : "warning";
  }

  /**
   * {@code path:LINE: kind: first line}, the source line, a caret under the column, then the
   * remaining lines of the message (javac puts the source between the first line and the rest).
   */
  static String full(String path, String source, Diagnostic<? extends JavaFileObject> d) {
    String[] message = d.getMessage(Locale.ROOT).split("\n");
    String sourceLine = source.split("\n", -1)[(int) d.getLineNumber() - 1];
    StringBuilder out = new StringBuilder();
    out.append(path).append(':').append(d.getLineNumber()).append(": ");
    out.append(kind(d)).append(": ").append(message[0]).append('\n');
    out.append(sourceLine).append('\n');
    out.append(" ".repeat((int) d.getColumnNumber() - 1)).append("^\n");
    for (int i = 1; i < message.length; i++) {
      out.append(message[i]).append('\n');
    }
    return out.toString();
  }
}
