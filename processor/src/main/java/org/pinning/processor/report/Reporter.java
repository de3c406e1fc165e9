package org.pinning.processor.report;

/**
 * Where rules send their findings: a {@link FindingCollector}, which decides what is printed. Rules
 * report everything they find and leave precedence, suppression and severity to it.
 */
public interface Reporter {
  void report(Finding finding);
}
