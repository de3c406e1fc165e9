package org.pinning.processor.rules;

import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import org.pinning.processor.model.PinAnnotations;
import org.pinning.processor.model.PinModel;
import org.pinning.processor.report.Finding;
import org.pinning.processor.report.Messages;
import org.pinning.processor.report.Site;

/**
 * Warning {@code pin:field} (DESIGN.md §4.8): a pinned type holds a pinned type in a field that
 * says neither whether it is structurally pinned nor that it is deliberately movable.
 *
 * <pre>{@code
 * @Pinned final class Task {
 *   Buffer buffer;                  // warned: @Pinned final, or @Unpin?
 *   @Pinned final Buffer pinned;    // fine
 *   @Unpin Buffer scratch;          // fine: deliberately not structurally pinned
 * }
 * }</pre>
 */
public final class FieldRule {
  private final PinModel model;
  private final PinAnnotations annotations;

  public FieldRule(PinModel model) {
    this.model = model;
    this.annotations = model.annotations();
  }

  /** The finding for {@code field} of {@code owner}, or null. */
  public Finding check(TypeElement owner, VariableElement field) {
    // The owner first: most classes are not pinned, and the modifiers are a new set each time.
    if (field.getKind() != ElementKind.FIELD
        || !model.isPinnedDeclaration(owner)
        || annotations.hasPinned(field)
        || annotations.hasUnpin(field)
        || field.getModifiers().contains(Modifier.STATIC)
        || !model.isPinned(field.asType())) {
      return null;
    }
    return Messages.unannotatedPinnedField(Site.of(field), field, owner, field.asType());
  }
}
