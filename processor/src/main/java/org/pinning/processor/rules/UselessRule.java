package org.pinning.processor.rules;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.TypeMirror;
import org.pinning.processor.model.PinAnnotations;
import org.pinning.processor.model.PinModel;
import org.pinning.processor.report.Finding;
import org.pinning.processor.report.Messages;
import org.pinning.processor.report.Site;

/**
 * Warning {@code pin:useless} (DESIGN.md §4.8): {@code @Pinned} on a place whose type is known
 * Unpin, where it protects nothing.
 *
 * <pre>{@code
 * @Pinned final String name;   // warned: a String may always be moved
 * @Pinned final Buffer buffer; // fine: Buffer is not known Unpin
 * }</pre>
 */
public final class UselessRule {
  private final PinModel model;
  private final PinAnnotations annotations;

  public UselessRule(PinModel model) {
    this.model = model;
    this.annotations = model.annotations();
  }

  /** The finding for a field, parameter, local or method, or null. */
  public Finding check(Element element) {
    AnnotationMirror pinned = annotations.pinned(element);
    if (pinned == null) {
      return null;
    }
    TypeMirror type =
        element instanceof ExecutableElement method ? method.getReturnType() : element.asType();
    if (type.getKind() == javax.lang.model.type.TypeKind.ERROR) {
      return null; // javac reports the missing type; nothing is known of it here
    }
    return model.isKnownUnpin(type)
        ? Messages.useless(Site.annotation(element, pinned), element, type)
        : null;
  }
}
