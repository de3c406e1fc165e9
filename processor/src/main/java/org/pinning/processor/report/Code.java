package org.pinning.processor.report;

/**
 * The closed set of diagnostic codes (DESIGN.md §4), in precedence order: where one construct would
 * get several, it gets the first.
 */
public enum Code {
  MISPLACED("pin:misplaced", true),
  UNPIN("pin:unpin", true),
  COPY("pin:copy", true),
  OVERRIDE("pin:override", true),
  AFTER_PIN("pin:after-pin", true),
  MOVE("pin:move", true),
  INTERNAL("pin:internal", true),
  USELESS("pin:useless", false),
  FIELD("pin:field", false),
  SUPERTYPE("pin:supertype", false);

  private final String id;
  private final boolean error;

  Code(String id, boolean error) {
    this.id = id;
    this.error = error;
  }

  /** The code as users write it, e.g. in {@code @SuppressWarnings("pin:move")}. */
  public String id() {
    return id;
  }

  /** Errors unless DESIGN.md marks the code a warning. */
  public boolean isError() {
    return error;
  }
}
