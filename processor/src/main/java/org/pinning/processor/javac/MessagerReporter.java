package org.pinning.processor.javac;

import javax.annotation.processing.Messager;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;
import org.pinning.processor.report.Finding;
import org.pinning.processor.report.FindingCollector;
import org.pinning.processor.report.Site;

/**
 * Prints through the processor's {@link Messager}: the path for compilers without javac's plugins
 * (ECJ), where findings point at elements and annotations rather than trees. It decides nothing:
 * the {@link FindingCollector} it serves hands it what to print.
 */
public final class MessagerReporter
    implements FindingCollector.SiteLocator, FindingCollector.Printer {
  private final Messager messager;

  public MessagerReporter(Messager messager) {
    this.messager = messager;
  }

  @Override
  public void print(Finding finding, Diagnostic.Kind kind) {
    Element element = finding.site().element();
    if (element == null) {
      return; // a tree without javac's trees: the Messager has nowhere to put it
    }
    if (finding.site().annotation() != null) {
      messager.printMessage(kind, finding.message(), element, finding.site().annotation());
    } else {
      messager.printMessage(kind, finding.message(), element);
    }
  }

  @Override
  public Element declarationOf(Site site) {
    return site.element();
  }

  /** The Messager orders nothing by position: findings keep the order the rules found them in. */
  @Override
  public long position(Site site) {
    return 0;
  }
}
