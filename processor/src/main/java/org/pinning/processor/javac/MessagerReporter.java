package org.pinning.processor.javac;

import javax.annotation.processing.Messager;
import javax.tools.Diagnostic;
import org.pinning.processor.options.PinOptions;
import org.pinning.processor.report.Finding;
import org.pinning.processor.report.Reporter;
import org.pinning.processor.report.Suppression;

/**
 * Reports through the processor's {@link Messager}: the path for compilers without javac's plugins
 * (ECJ), where findings point at elements and annotations rather than trees.
 */
public final class MessagerReporter implements Reporter {
  private final Messager messager;
  private final PinOptions options;

  public MessagerReporter(Messager messager, PinOptions options) {
    this.messager = messager;
    this.options = options;
  }

  @Override
  public void report(Finding finding) {
    if (finding.site().element() == null
        || Suppression.suppresses(finding.site().element(), finding.code())) {
      return;
    }
    Diagnostic.Kind kind =
        finding.code().isError() && !options.errorsAsWarnings()
            ? Diagnostic.Kind.ERROR
            : Diagnostic.Kind.WARNING;
    if (finding.site().annotation() != null) {
      messager.printMessage(
          kind, finding.message(), finding.site().element(), finding.site().annotation());
    } else {
      messager.printMessage(kind, finding.message(), finding.site().element());
    }
  }
}
