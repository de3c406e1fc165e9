package org.pinning.processor.model;

import java.util.IdentityHashMap;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.IntersectionType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.type.UnionType;
import javax.lang.model.type.WildcardType;

/**
 * Whether naming an element or a type can bring a pin into code: a pinned type, a {@code @Pinned}
 * or {@code @Unpin} on the declaration or anywhere in its type, a type with pin contracts (a method
 * with a {@code @Pinned} parameter or result), inherited or in a type argument.
 *
 * <p>Code that names nothing of the kind can break no pin rule, so the checker skips its full scan
 * (DESIGN.md §9: most code has no pins, and must not pay for them). The answer errs towards yes: a
 * yes only costs the full scan. Facts about types and members are cached per compilation; locals
 * are not (they are many, and each is named in one method only).
 */
public final class PinMentions {
  /**
   * How many type variable bounds one question follows: {@code T extends Comparable<T>} would go on
   * forever, and a bound met again adds nothing new.
   */
  private static final int MAX_BOUNDS = 4;

  private final PinModel model;
  private final PinAnnotations annotations;
  private final Map<Element, Boolean> members = new IdentityHashMap<>();

  public PinMentions(PinModel model) {
    this.model = model;
    this.annotations = model.annotations();
  }

  /**
   * Whether code naming {@code element} (a type, field, method, local or type parameter) may meet a
   * pin.
   */
  public boolean element(Element element) {
    if (LocalVariables.isLocal(element)) {
      return variable((VariableElement) element);
    }
    ElementKind kind = element.getKind();
    return kind != ElementKind.PACKAGE && kind != ElementKind.MODULE && cachedMember(element);
  }

  /** Whether a value of static type {@code type} may be pinned or hold pinned values. */
  public boolean type(TypeMirror type) {
    return type(type, 0);
  }

  private boolean cachedMember(Element element) {
    Boolean known = members.get(element);
    if (known == null) {
      members.put(element, false); // cycles in erroneous hierarchies end here
      known = member(element);
      members.put(element, known);
    }
    return known;
  }

  private boolean member(Element element) {
    if (element instanceof TypeElement type) {
      return typeDeclaration(type);
    }
    if (element instanceof ExecutableElement method) {
      return method(method);
    }
    if (element instanceof VariableElement field) {
      return variable(field);
    }
    return element.getKind() == ElementKind.TYPE_PARAMETER && type(element.asType());
  }

  private boolean typeDeclaration(TypeElement type) {
    if (model.isJdkType(type)) {
      return false; // nor do its supertypes: they belong to the JDK too
    }
    if (annotations.hasUnpin(type)
        || model.isPinnedDeclaration(type)
        || model.hasPinContracts(type)) {
      return true;
    }
    for (TypeMirror supertype : model.directSupertypes(type)) {
      if (type(supertype)) {
        return true;
      }
    }
    return false;
  }

  private boolean method(ExecutableElement method) {
    if (annotations.hasPinned(method) || type(method.getReturnType())) {
      return true;
    }
    for (VariableElement parameter : method.getParameters()) {
      if (variable(parameter)) {
        return true;
      }
    }
    return false;
  }

  private boolean variable(VariableElement variable) {
    return annotations.hasPinned(variable)
        || annotations.hasUnpin(variable)
        || type(variable.asType());
  }

  private boolean type(TypeMirror type, int bounds) {
    if (annotated(type)) {
      return true;
    }
    switch (type.getKind()) {
      case DECLARED:
        return declared((DeclaredType) type, bounds);
      case ARRAY:
        return type(((ArrayType) type).getComponentType(), bounds);
      case TYPEVAR:
        return bounds < MAX_BOUNDS && type(((TypeVariable) type).getUpperBound(), bounds + 1);
      case WILDCARD:
        WildcardType wildcard = (WildcardType) type;
        return (wildcard.getExtendsBound() != null && type(wildcard.getExtendsBound(), bounds))
            || (wildcard.getSuperBound() != null && type(wildcard.getSuperBound(), bounds));
      case INTERSECTION:
        return any(((IntersectionType) type).getBounds(), bounds);
      case UNION:
        return any(((UnionType) type).getAlternatives(), bounds);
      default:
        return false;
    }
  }

  private boolean declared(DeclaredType type, int bounds) {
    if (cachedMember(type.asElement()) || any(type.getTypeArguments(), bounds)) {
      return true;
    }
    TypeMirror enclosing = type.getEnclosingType();
    return enclosing instanceof DeclaredType outer && declared(outer, bounds);
  }

  private boolean any(Iterable<? extends TypeMirror> types, int bounds) {
    for (TypeMirror type : types) {
      if (type(type, bounds)) {
        return true;
      }
    }
    return false;
  }

  /** A type use written {@code @Pinned} or {@code @Unpin}: {@code List<@Pinned Task>}. */
  private boolean annotated(TypeMirror type) {
    for (AnnotationMirror annotation : type.getAnnotationMirrors()) {
      if (annotations.isPinned(annotation) || annotations.isUnpin(annotation)) {
        return true;
      }
    }
    return false;
  }
}
