package org.pinning.processor.rules;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import org.pinning.processor.model.PinAnnotations;
import org.pinning.processor.model.PinModel;
import org.pinning.processor.model.PinReason;
import org.pinning.processor.report.Finding;
import org.pinning.processor.report.Messages;
import org.pinning.processor.report.Reporter;
import org.pinning.processor.report.Site;

/**
 * {@code pin:unpin} (DESIGN.md §4.4): an {@code @Unpin} that the code contradicts.
 *
 * <pre>{@code
 * @Unpin class Job extends Task {}          // rejected: a subtype of a pinned type is pinned
 * class Slot<@Unpin T> {}
 * class Tasks extends Slot<Task> {}         // rejected: Slot may move its T values
 * class Names extends Slot<String> {}       // fine
 * static <@Unpin T> T identity(T t) {...}
 * Use.<Task>identity(task);                 // rejected at the type argument
 * }</pre>
 */
public final class UnpinRule {
  private final PinModel model;
  private final PinAnnotations annotations;

  public UnpinRule(PinModel model) {
    this.model = model;
    this.annotations = model.annotations();
  }

  /** {@code @Pinned} and {@code @Unpin} on one element: the caret goes under {@code @Unpin}. */
  public Finding checkBoth(Element element) {
    AnnotationMirror unpin = annotations.unpin(element);
    if (unpin == null || !annotations.hasPinned(element)) {
      return null;
    }
    return Messages.pinnedAndUnpin(Site.annotation(element, unpin), element);
  }

  /** An {@code @Unpin} type that is pinned by a supertype or a {@code @Pinned} field. */
  public Finding checkUnpinType(TypeElement type) {
    AnnotationMirror unpin = annotations.unpin(type);
    if (unpin == null || !model.isPinnedDeclaration(type)) {
      return null;
    }
    PinReason reason = model.reason(type);
    Site site = Site.annotation(type, unpin);
    if (reason == null || reason.isAnnotated()) {
      return null; // both annotations: checkBoth's finding
    }
    return reason.supertype() != null
        ? Messages.unpinTypeWithPinnedSupertype(site, type, reason.supertype())
        : Messages.unpinTypeWithPinnedField(site, type, reason.field());
  }

  /** A pinned type with an {@code @Unpin} supertype, however far up. */
  public Finding checkUnpinSupertype(TypeElement type) {
    if (!model.isPinnedDeclaration(type) || annotations.hasUnpin(type)) {
      return null;
    }
    for (TypeMirror direct : model.directSupertypes(type)) {
      if (direct.getKind() != TypeKind.DECLARED) {
        continue;
      }
      TypeElement directElement = (TypeElement) ((DeclaredType) direct).asElement();
      TypeElement unpin = findUnpin(directElement);
      if (unpin != null) {
        AnnotationMirror pinned = annotations.pinned(type);
        Site site =
            pinned != null ? Site.annotation(type, pinned) : Site.clause(type, directElement);
        return Messages.pinnedTypeWithUnpinSupertype(site, type, unpin);
      }
    }
    return null;
  }

  /**
   * Whether {@code type} is a generic type with an {@code @Unpin} type parameter: the cheap
   * question before asking where an inferred type argument of it would be reported.
   */
  public boolean hasUnpinParameter(TypeMirror type) {
    if (type == null || type.getKind() != TypeKind.DECLARED) {
      return false;
    }
    TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
    for (TypeParameterElement parameter : element.getTypeParameters()) {
      if (annotations.hasUnpin(parameter)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Pinned type arguments for {@code @Unpin} type parameters in {@code type} ({@code Slot<Task>}),
   * reported where {@code siteOfArgument} says argument {@code i} is written.
   */
  public void checkTypeArguments(
      DeclaredType type,
      IntFunction<Site> siteOfArgument,
      Reporter out) {
    List<? extends TypeMirror> arguments = type.getTypeArguments();
    if (arguments.isEmpty()) {
      return;
    }
    List<? extends TypeParameterElement> parameters =
        ((TypeElement) type.asElement()).getTypeParameters();
    for (int i = 0; i < arguments.size() && i < parameters.size(); i++) {
      TypeParameterElement parameter = parameters.get(i);
      if (annotations.hasUnpin(parameter) && model.isPinned(arguments.get(i))) {
        out.report(
            Messages.pinnedArgumentForUnpinParameter(
                siteOfArgument.apply(i),
                arguments.get(i),
                parameter,
                (TypeElement) type.asElement()));
      }
    }
  }

  /**
   * Pinned explicit type arguments of a call for {@code @Unpin} type parameters of the called
   * method ({@code Use.<Task>identity(x)}), reported where {@code siteOfArgument} says argument
   * {@code i} is written. Inferred type arguments are not judged: nothing is written to point at.
   */
  public void checkMethodTypeArguments(
      ExecutableElement method,
      List<? extends TypeMirror> arguments,
      IntFunction<Site> siteOfArgument,
      Reporter out) {
    List<? extends TypeParameterElement> parameters = method.getTypeParameters();
    for (int i = 0; i < arguments.size() && i < parameters.size(); i++) {
      TypeParameterElement parameter = parameters.get(i);
      TypeMirror argument = arguments.get(i);
      if (argument != null && annotations.hasUnpin(parameter) && model.isPinned(argument)) {
        out.report(
            Messages.pinnedArgumentForUnpinMethodParameter(
                siteOfArgument.apply(i), argument, parameter, method));
      }
    }
  }

  private TypeElement findUnpin(TypeElement start) {
    Deque<TypeElement> work = new ArrayDeque<>();
    Set<TypeElement> seen = new HashSet<>();
    work.add(start);
    while (!work.isEmpty()) {
      TypeElement next = work.poll();
      if (!seen.add(next)) {
        continue;
      }
      if (annotations.hasUnpin(next)) {
        return next;
      }
      for (TypeMirror supertype : model.directSupertypes(next)) {
        if (supertype.getKind() == TypeKind.DECLARED) {
          work.add((TypeElement) ((DeclaredType) supertype).asElement());
        }
      }
    }
    return null;
  }
}
