package org.pinning.processor.report;

/**
 * The closed set of diagnostic codes (DESIGN.md §4), in precedence order: where one construct
 * would get several, it gets the first ({@link FindingCollector} keeps it).
 */
public enum Code {
  MISPLACED("pin:misplaced", Severity.ERROR, Trust.SURVIVES_JAVAC_ERRORS),
  UNPIN("pin:unpin", Severity.ERROR, Trust.SURVIVES_JAVAC_ERRORS),
  COPY("pin:copy", Severity.ERROR, Trust.ONLY_WITHOUT_JAVAC_ERRORS),
  OVERRIDE("pin:override", Severity.ERROR, Trust.ONLY_WITHOUT_JAVAC_ERRORS),
  AFTER_PIN("pin:after-pin", Severity.ERROR, Trust.ONLY_WITHOUT_JAVAC_ERRORS),
  MOVE("pin:move", Severity.ERROR, Trust.ONLY_WITHOUT_JAVAC_ERRORS),
  INTERNAL("pin:internal", Severity.ERROR, Trust.ONLY_WITHOUT_JAVAC_ERRORS),
  USELESS("pin:useless", Severity.WARNING, Trust.ONLY_WITHOUT_JAVAC_ERRORS),
  FIELD("pin:field", Severity.WARNING, Trust.ONLY_WITHOUT_JAVAC_ERRORS),
  SUPERTYPE("pin:supertype", Severity.WARNING, Trust.ONLY_WITHOUT_JAVAC_ERRORS);

  private enum Severity {
    ERROR,
    WARNING
  }

  /**
   * Whether a finding in a tree of a class where javac reported an error still stands (DESIGN.md
   * §8: no cascades). Findings about annotations read as written stand; findings that depend on
   * attributed expressions may be cascades of javac's error. Findings about declarations, judged
   * from elements, always stand.
   */
  private enum Trust {
    SURVIVES_JAVAC_ERRORS,
    ONLY_WITHOUT_JAVAC_ERRORS
  }

  private final String id;
  private final Severity severity;
  private final Trust trust;

  Code(String id, Severity severity, Trust trust) {
    this.id = id;
    this.severity = severity;
    this.trust = trust;
  }

  /** The code as users write it, e.g. in {@code @SuppressWarnings("pin:move")}. */
  public String id() {
    return id;
  }

  /** Errors unless DESIGN.md marks the code a warning. */
  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** Whether its findings in trees stand where javac reported an error in the same class. */
  public boolean survivesJavacErrors() {
    return trust == Trust.SURVIVES_JAVAC_ERRORS;
  }
}
