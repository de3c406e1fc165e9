package org.pinning.processor.report;

/**
 * One diagnostic, ready to print: its code, where it points, what happened and one fix.
 *
 * @param code the rule that was broken
 * @param site what the caret goes under
 * @param what the first line, without the code
 * @param help the fix, without the {@code help: } prefix
 */
public record Finding(Code code, Site site, String what, String help) {

  /** The two lines of DESIGN.md §4: {@code [code] what} and {@code help: fix}. */
  public String message() {
    return "[" + code.id() + "] " + what + "\nhelp: " + help;
  }
}
