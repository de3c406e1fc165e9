package org.pinning.processor.rules;

import javax.lang.model.element.Modifier;
import javax.lang.model.element.VariableElement;
import org.pinning.processor.model.PinAnnotations;
import org.pinning.processor.report.Finding;
import org.pinning.processor.report.Messages;
import org.pinning.processor.report.Site;

/**
 * {@code pin:replace} for fields (DESIGN.md §4.2): a {@code @Pinned} field must be final, since
 * Java has no in-place drop and so no sound analog of Rust's {@code Pin::set}.
 *
 * <pre>{@code
 * @Pinned Buffer buffer;         // rejected: could be replaced
 * @Pinned final Buffer buffer;   // fine
 * }</pre>
 */
public final class ReplaceRule {
  private final PinAnnotations annotations;

  public ReplaceRule(PinAnnotations annotations) {
    this.annotations = annotations;
  }

  /** The finding for a non-final {@code @Pinned} field, or null. */
  public Finding checkField(VariableElement field) {
    if (!annotations.hasPinned(field) || field.getModifiers().contains(Modifier.FINAL)) {
      return null;
    }
    return Messages.nonFinalPinnedField(Site.of(field), field);
  }
}
