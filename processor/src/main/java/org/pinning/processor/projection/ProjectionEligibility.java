package org.pinning.processor.projection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import org.pinning.processor.model.PinAnnotations;
import org.pinning.processor.model.TypeParts;

/**
 * Which classes get a projection and which of their fields it shows (DESIGN.md §5). Answers from
 * the declaration alone, with no compilation state, because the javac plugin asks too (to tell a
 * user whose build does not run the processor that projections are missing).
 *
 * <pre>{@code
 * @Pinned public final class Task {      // projected: pinned by its own annotation
 *   @Pinned final Buffer buffer;         // shown, pinned
 *   int state;                           // shown, with a setter
 *   private long secret;                 // left out: a sibling class cannot read it
 *   Node head;                           // left out: a sibling class cannot name Node
 *   private static final class Node {}
 * }
 * final class Plain { int x; }           // not projected: nothing about it is pinned
 * @Pinned final class Hidden { private int x; }   // not projected: nothing to show
 * }</pre>
 */
public final class ProjectionEligibility {
  /** What projections name in their {@code @Generated}: how we recognise our own output. */
  static final String GENERATOR = "org.pinning.processor.PinProcessor";

  private ProjectionEligibility() {}

  /**
   * Whether {@code type} gets a projection class. Free of JavaPoet, so that the plugin may ask in
   * builds whose processor path lacks it.
   */
  public static boolean isProjected(TypeElement type, PinAnnotations annotations) {
    // Cheapest questions first: most classes are neither annotated nor hold pinned fields.
    return type.getKind().isClass()
        && isPinnedBySelf(type, annotations)
        && hasProjectedField(type)
        && isNameableFromItsPackage(type)
        && !isGeneratedProjection(type);
  }

  /**
   * The fields the projection shows, in declaration order (so the output is the same on every run):
   * non-private instance fields the class itself declares. Inherited fields belong to the
   * superclass's own projection.
   */
  static List<VariableElement> projectedFields(TypeElement type) {
    List<VariableElement> fields = new ArrayList<>();
    for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
      if (isProjectedField(field)) {
        fields.add(field);
      }
    }
    return fields;
  }

  /** §5: "pinned by §2 rule 1 or declares {@code @Pinned} fields"; not by a supertype. */
  private static boolean isPinnedBySelf(TypeElement type, PinAnnotations annotations) {
    if (annotations.hasPinned(type)) {
      return true;
    }
    for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
      // Any @Pinned field, a slot that leaves the class unpinned too (§5), and a private one that
      // the projection will not show.
      if (annotations.hasPinned(field) && !field.getModifiers().contains(Modifier.STATIC)) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasProjectedField(TypeElement type) {
    for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
      if (isProjectedField(field)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isProjectedField(VariableElement field) {
    var modifiers = field.getModifiers();
    return !modifiers.contains(Modifier.PRIVATE)
        && !LombokFields.madePrivate(field)
        && !modifiers.contains(Modifier.STATIC)
        && isNameableIn(field.asType(), ProjectionNames.packageOf(field));
  }

  /**
   * Whether code in {@code packageName} can name every class {@code type} mentions. The class
   * itself may: a private nested class, or a protected one it inherits from another package, is in
   * scope in its own body but not in a sibling class.
   */
  private static boolean isNameableIn(TypeMirror type, String packageName) {
    return !TypeParts.anyPart(
        type,
        part ->
            part.getKind() == TypeKind.DECLARED
                && !isNameableIn((TypeElement) ((DeclaredType) part).asElement(), packageName));
  }

  private static boolean isNameableIn(TypeElement type, String packageName) {
    Element current = type;
    while (current instanceof TypeElement enclosing) {
      var modifiers = enclosing.getModifiers();
      if (modifiers.contains(Modifier.PRIVATE)
          || (!modifiers.contains(Modifier.PUBLIC)
              && !ProjectionNames.packageOf(enclosing).equals(packageName))) {
        return false;
      }
      current = enclosing.getEnclosingElement();
    }
    return true;
  }

  /**
   * A projection lives beside its class as a top-level class of the same package, so it can only be
   * written for a class that code elsewhere in the package can name: not a local or anonymous
   * class, not a private one, and not one nested in either.
   */
  private static boolean isNameableFromItsPackage(TypeElement type) {
    Element current = type;
    while (current instanceof TypeElement enclosing) {
      NestingKind nesting = enclosing.getNestingKind();
      if (nesting == NestingKind.LOCAL
          || nesting == NestingKind.ANONYMOUS
          || enclosing.getModifiers().contains(Modifier.PRIVATE)) {
        return false;
      }
      current = enclosing.getEnclosingElement();
    }
    return true;
  }

  /**
   * Whether {@code type} is a projection we generated: our output carries
   * {@code @Generated("org.pinning.processor.PinProcessor")}. It is never projected (it also has
   * nothing to project, its one field being private, but saying so outright keeps a later change to
   * the projection's shape from projecting projections), and never checked.
   */
  public static boolean isGeneratedProjection(TypeElement type) {
    for (AnnotationMirror mirror : type.getAnnotationMirrors()) {
      if (mirror.getAnnotationType().asElement().getSimpleName().contentEquals("Generated")
          && namesGenerator(mirror)) {
        return true;
      }
    }
    return false;
  }

  private static boolean namesGenerator(AnnotationMirror generated) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
        generated.getElementValues().entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals("value")
          && entry.getValue().getValue() instanceof List<?> values) {
        for (Object value : values) {
          if (value instanceof AnnotationValue string && GENERATOR.equals(string.getValue())) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
