package org.pinning.processor.report;

/**
 * One diagnostic, ready to print: its code, the construct it judges, where it points, what happened
 * and one fix.
 *
 * @param code the rule that was broken
 * @param site what the caret goes under
 * @param subject the construct judged: one construct gets one diagnostic, the first code in {@link
 *     Code}'s order ({@link FindingCollector}). By default the site itself; a rule family that
 *     judges one declaration under several codes names the declaration.
 * @param what the first line, without the code
 * @param help the fix, without the {@code help: } prefix
 */
public record Finding(Code code, Site site, Object subject, String what, String help) {

  /** A finding whose subject is its site. */
  public Finding(Code code, Site site, String what, String help) {
    this(code, site, site.subject(), what, help);
  }

  /** The same finding, judging {@code construct}. */
  public Finding about(Object construct) {
    return new Finding(code, site, construct, what, help);
  }

  /** The two lines of DESIGN.md §4: {@code [code] what} and {@code help: fix}. */
  public String message() {
    return "[" + code.id() + "] " + what + "\nhelp: " + help;
  }
}
