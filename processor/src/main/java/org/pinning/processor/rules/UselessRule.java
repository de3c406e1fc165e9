package org.pinning.processor.rules;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.TypeMirror;
import org.pinning.processor.model.PinAnnotations;
import org.pinning.processor.model.PinModel;
import org.pinning.processor.model.VarargsParameters;
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
 * final class Plain {
 *   @Pinned Plain() {}                     // warned: a Plain may always be moved
 *   void poll(@Pinned Plain this) {}       // warned, for the same reason
 * }
 * }</pre>
 */
public final class UselessRule {
  private final PinModel model;
  private final PinAnnotations annotations;

  public UselessRule(PinModel model) {
    this.model = model;
    this.annotations = model.annotations();
  }

  /** The finding for a field, parameter, local, method or constructor, or null. */
  public Finding check(Element element) {
    AnnotationMirror pinned = annotations.pinned(element);
    if (pinned == null) {
      return null;
    }
    if (element.getKind() == ElementKind.CONSTRUCTOR) {
      return model.isKnownUnpin(element.getEnclosingElement().asType())
          ? Messages.uselessConstructor(Site.annotation(element, pinned), (ExecutableElement) element)
          : null;
    }
    TypeMirror type =
        element instanceof ExecutableElement method ? method.getReturnType() : varargsElement(element);
    if (type.getKind() == javax.lang.model.type.TypeKind.ERROR) {
      return null; // javac reports the missing type; nothing is known of it here
    }
    return model.isKnownUnpin(type)
        ? Messages.useless(Site.annotation(element, pinned), element, type)
        : null;
  }

  /**
   * The type a {@code @Pinned} on {@code element} protects: for a varargs parameter ({@code @Pinned
   * Task... ts}) the type of the values passed for it, which the parameter takes pinned.
   */
  private static TypeMirror varargsElement(Element element) {
    return VarargsParameters.isVarargs(element)
        ? ((javax.lang.model.type.ArrayType) element.asType()).getComponentType()
        : element.asType();
  }

  /** The finding for a pinned receiver, {@code void poll(@Pinned Plain this)}, or null. */
  public Finding checkReceiver(ExecutableElement method) {
    if (!model.members().declaresPinnedReceiver(method)) {
      return null;
    }
    TypeMirror receiver = method.getReceiverType();
    return model.isKnownUnpin(receiver)
        ? Messages.uselessReceiver(
            Site.annotation(method, annotations.pinned(receiver)), method, receiver)
        : null;
  }
}
