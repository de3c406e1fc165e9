package org.pinning.processor.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;
import org.pinning.processor.options.PinOptions;

/**
 * The findings of one top-level class, between the rules and a {@link Printer}: the one place that
 * decides which are printed and how. Rules report everything they find; the collector keeps, per
 * subject (the construct judged), the first {@link Code} in precedence order (DESIGN.md §4), drops
 * what {@code @SuppressWarnings} silences (§6), and, where javac reported an error in the class,
 * the findings in trees whose code does not survive it (§8). Then it hands the rest, in source
 * order, to the printer with their severity (§7).
 */
public final class FindingCollector implements Reporter {
  private final SiteLocator locator;
  private final PinOptions options;
  private final Map<Object, Finding> bySubject = new LinkedHashMap<>();

  /** Where a site is, for suppression and for the order of the output. */
  public interface SiteLocator {
    /** The nearest declaration around {@code site}, whose suppressions apply; null for none. */
    Element declarationOf(Site site);

    /** The source position the caret of {@code site} goes to; equal for all where unknown. */
    long position(Site site);
  }

  /** Prints one finding; decides nothing. */
  public interface Printer {
    void print(Finding finding, Diagnostic.Kind kind);
  }

  public FindingCollector(SiteLocator locator, PinOptions options) {
    this.locator = locator;
    this.options = options;
  }

  @Override
  public void report(Finding finding) {
    bySubject.merge(finding.subject(), finding, FindingCollector::firstCode);
  }

  private static Finding firstCode(Finding kept, Finding next) {
    return next.code().compareTo(kept.code()) < 0 ? next : kept;
  }

  /**
   * javac reported an error in this class: a finding in a tree may be a cascade of it, unless its
   * code says it is not.
   */
  public void javacReportedErrors() {
    bySubject
        .values()
        .removeIf(
            finding -> finding.site().path() != null && !finding.code().survivesJavacErrors());
  }

  /** Prints what stands, in source order, and forgets it. */
  public void flush(Printer printer) {
    if (bySubject.isEmpty()) {
      return;
    }
    List<Finding> standing = new ArrayList<>(bySubject.size());
    for (Finding finding : bySubject.values()) {
      Element declaration = locator.declarationOf(finding.site());
      if (declaration == null || !Suppression.suppresses(declaration, finding.code())) {
        standing.add(finding);
      }
    }
    bySubject.clear();
    standing.sort(Comparator.comparingLong(finding -> locator.position(finding.site())));
    for (Finding finding : standing) {
      printer.print(finding, kindOf(finding.code()));
    }
  }

  private Diagnostic.Kind kindOf(Code code) {
    return code.isError() && !options.errorsAsWarnings()
        ? Diagnostic.Kind.ERROR
        : Diagnostic.Kind.WARNING;
  }
}
