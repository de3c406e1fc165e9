package org.pinning.processor.model;

import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * Why a type is pinned (§2): its own {@code @Pinned} (rule 1), a pinned supertype (rule 2) or a
 * structurally pinned field (rule 3). Exactly one of the three is set.
 *
 * @param annotatedType the type itself, when it is annotated {@code @Pinned}
 * @param supertype the pinned supertype it inherits the pin from
 * @param field the {@code @Pinned} field that pins it
 */
public record PinReason(TypeElement annotatedType, TypeElement supertype, VariableElement field) {

  static PinReason annotated(TypeElement type) {
    return new PinReason(type, null, null);
  }

  static PinReason supertype(TypeElement supertype) {
    return new PinReason(null, supertype, null);
  }

  static PinReason field(VariableElement field) {
    return new PinReason(null, null, field);
  }

  /** Whether the pin comes from the type's own annotation rather than rule 2 or 3. */
  public boolean isAnnotated() {
    return annotatedType != null;
  }
}
