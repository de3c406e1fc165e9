package org.pinning.processor.rules;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import org.pinning.processor.model.PinAnnotations;
import org.pinning.processor.report.Finding;
import org.pinning.processor.report.Messages;
import org.pinning.processor.report.Site;

/**
 * {@code pin:misplaced} for declarations (DESIGN.md §4.8): {@code @Pinned} where nothing can be
 * pinned.
 *
 * <pre>{@code
 * @Pinned int count;          // rejected: a primitive has no identity
 * @Pinned void run() {}       // rejected: nothing is returned
 * @Pinned final Task task;    // fine
 * @Pinned Task(Executor e)    // fine: pinned from birth
 * }</pre>
 *
 * <p>Type-use positions ({@code new @Pinned Task()}) are judged from trees by {@link
 * TypeUsePlacementRule}.
 */
public final class MisplacedRule {
  private final PinAnnotations annotations;

  public MisplacedRule(PinAnnotations annotations) {
    this.annotations = annotations;
  }

  /** The finding for {@code @Pinned} on a field, parameter, local or method, or null. */
  public Finding check(Element element) {
    AnnotationMirror pinned = annotations.pinned(element);
    if (pinned == null) {
      return null;
    }
    Site site = Site.annotation(element, pinned);
    switch (element.getKind()) {
      case ENUM_CONSTANT:
        return Messages.pinnedEnumConstant(site, (VariableElement) element);
      case CONSTRUCTOR:
        return null; // pinned from birth (§4.10); on a known-Unpin class only useless
      case METHOD:
        return checkMethod(site, (ExecutableElement) element);
      case TYPE_PARAMETER:
        return Messages.pinnedTypeParameter(site, element);
      default:
        return checkVariable(site, element);
    }
  }

  private static Finding checkMethod(Site site, ExecutableElement method) {
    if (method.getEnclosingElement().getKind() == ElementKind.ANNOTATION_TYPE) {
      return Messages.pinnedAnnotationMember(site, method);
    }
    TypeMirror returned = method.getReturnType();
    if (returned.getKind() == TypeKind.VOID) {
      return Messages.pinnedVoidMethod(site, method);
    }
    return returned.getKind().isPrimitive()
        ? Messages.pinnedPrimitive(site, method, returned)
        : null;
  }

  private static Finding checkVariable(Site site, Element variable) {
    TypeMirror type = variable.asType();
    return type.getKind().isPrimitive() ? Messages.pinnedPrimitive(site, variable, type) : null;
  }
}
