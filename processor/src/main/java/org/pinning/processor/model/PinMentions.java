package org.pinning.processor.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
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
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.type.UnionType;
import javax.lang.model.type.WildcardType;

/**
 * Whether naming an element or a type can bring a pin into code: a pinned type, a {@code @Pinned}
 * or {@code @Unpin} on the declaration or anywhere in its type, a type with pin contracts (a method
 * with a {@code @Pinned} parameter, receiver or result), inherited or in a type argument.
 *
 * <p>Code that names nothing of the kind can break no pin rule, so the checker skips its full scan
 * (DESIGN.md §9: most code has no pins, and must not pay for them). The answer errs towards yes: a
 * yes only costs the full scan. Facts about types, members and type parameters are cached per
 * compilation; locals are not (they are many, and each is named in one method only), but a local
 * whose type is a plain class name is answered from its class's fact.
 *
 * <p>One question follows the declarations it depends on with a work list, not by recursion: the
 * JIT compiles a mutually recursive form into large units that take longer to compile than the
 * questions take to answer. For the same reason locals of a plain class type skip the work list,
 * which, asked for every local, would be compiled into each of its callers.
 */
public final class PinMentions {
  private final PinModel model;
  private final PinAnnotations annotations;

  /** What is known of an element. */
  private enum Fact {
    MENTIONS,
    PIN_FREE,
    /** Met by the question being answered: a cycle ends here. */
    MET
  }

  /**
   * Sized for the thousands of elements a compilation meets (every method and field its code
   * names): growing from the default, the map would copy itself about ten times on the way.
   */
  private final Map<Element, Fact> known = new IdentityHashMap<>(1 << 12);

  /** The question being answered: what is left to look at, types and elements. */
  private final ArrayDeque<Object> work = new ArrayDeque<>();

  /** The elements the question has met, marked {@link Fact#MET} in {@link #known}. */
  private final List<Element> met = new ArrayList<>();

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
      VariableElement local = (VariableElement) element;
      return isAnnotated(local) || type(local.asType());
    }
    Fact fact = known.get(element);
    if (fact != null) {
      return fact == Fact.MENTIONS;
    }
    ElementKind kind = element.getKind();
    if (kind == ElementKind.PACKAGE || kind == ElementKind.MODULE) {
      return false;
    }
    boolean mentions = answer(element);
    if (mentions) {
      known.put(element, Fact.MENTIONS); // a no is cached with everything the question met
    }
    return mentions;
  }

  /** Whether a value of static type {@code type} may be pinned or hold pinned values. */
  public boolean type(TypeMirror type) {
    TypeKind kind = type.getKind();
    if (kind.isPrimitive() && type.getAnnotationMirrors().isEmpty()) {
      return false;
    }
    if (kind == TypeKind.DECLARED && isPlainClassName((DeclaredType) type)) {
      // Most locals have one: the class's cached fact answers, with no question to follow.
      return element(((DeclaredType) type).asElement());
    }
    return answer(type);
  }

  /** A class named without type arguments, annotations or a generic enclosing class. */
  private static boolean isPlainClassName(DeclaredType type) {
    return type.getTypeArguments().isEmpty()
        && type.getAnnotationMirrors().isEmpty()
        && !(type.getEnclosingType() instanceof DeclaredType);
  }

  /**
   * Follows everything {@code start} (a type or an element) depends on until one mentions a pin. A
   * no means nothing met mentions one, so each element met is cached as a no.
   */
  private boolean answer(Object start) {
    work.clear();
    met.clear();
    work.push(start);
    boolean mentions = false;
    boolean answered = false;
    try {
      while (!mentions && !work.isEmpty()) {
        Object next = work.pop();
        mentions =
            next instanceof TypeMirror type
                ? mentionsDirectly(type)
                : mentionsDirectly((Element) next);
      }
      answered = true;
    } finally {
      // A yes says nothing of the other elements met, nor does a question javac cut short (a
      // missing class file): only a no is cached for them.
      for (Element element : met) {
        if (answered && !mentions) {
          known.put(element, Fact.PIN_FREE);
        } else {
          known.remove(element);
        }
      }
    }
    return mentions;
  }

  /** Whether {@code type} is written {@code @Pinned} or {@code @Unpin}; else queues its parts. */
  private boolean mentionsDirectly(TypeMirror type) {
    for (AnnotationMirror annotation : type.getAnnotationMirrors()) {
      if (annotations.isPinned(annotation) || annotations.isUnpin(annotation)) {
        return true; // a type use: List<@Pinned Task>
      }
    }
    switch (type.getKind()) {
      case DECLARED:
        DeclaredType declared = (DeclaredType) type;
        work.push(declared.asElement());
        work.addAll(declared.getTypeArguments());
        TypeMirror enclosing = declared.getEnclosingType();
        if (enclosing instanceof DeclaredType) {
          work.push(enclosing);
        }
        return false;
      case ARRAY:
        work.push(((ArrayType) type).getComponentType());
        return false;
      case TYPEVAR:
        work.push(((TypeVariable) type).asElement());
        return false;
      case WILDCARD:
        WildcardType wildcard = (WildcardType) type;
        pushIfPresent(wildcard.getExtendsBound());
        pushIfPresent(wildcard.getSuperBound());
        return false;
      case INTERSECTION:
        work.addAll(((IntersectionType) type).getBounds());
        return false;
      case UNION:
        work.addAll(((UnionType) type).getAlternatives());
        return false;
      default:
        return false;
    }
  }

  /**
   * Whether {@code element}'s own declaration mentions a pin; else queues the types it depends on.
   * An element met before in this question, or known, adds nothing.
   */
  private boolean mentionsDirectly(Element element) {
    Fact fact = known.get(element);
    if (fact != null) {
      return fact == Fact.MENTIONS; // MET: a cycle, or a type named twice
    }
    known.put(element, Fact.MET);
    met.add(element);
    if (element instanceof TypeElement type) {
      return typeDeclaration(type);
    }
    if (element.getEnclosingElement() instanceof TypeElement owner && model.isJdkType(owner)) {
      return false; // the JDK declares no pins, and its signatures name only the JDK's types
    }
    if (element instanceof ExecutableElement method) {
      return method(method) || model.hasClassFileTypePins(method);
    }
    if (element instanceof VariableElement field) {
      if (isAnnotated(field) || model.hasClassFileTypePins(field)) {
        return true;
      }
      work.push(field.asType());
      return false;
    }
    if (element.getKind() == ElementKind.TYPE_PARAMETER
        && element.asType() instanceof TypeVariable variable) {
      work.push(variable.getUpperBound());
    }
    return false;
  }

  private boolean typeDeclaration(TypeElement type) {
    if (model.isJdkType(type)) {
      return false; // nor do its supertypes: they belong to the JDK too
    }
    if (annotations.hasUnpin(type)
        || model.isPinnedDeclaration(type)
        || model.hasPinContracts(type)
        || model.containers().pinsThroughSupertypes(type)) {
      // The last reads a library's clauses from its class file where javac drops their
      // annotations (JDK 17-21): Queue<T> extends ArrayDeque<@Pinned T>.
      return true;
    }
    work.addAll(model.directSupertypes(type));
    return false;
  }

  private boolean method(ExecutableElement method) {
    if (annotations.hasPinned(method) || model.members().declaresPinnedReceiver(method)) {
      return true; // a pinned return, constructor pinned from birth, or pinned receiver
    }
    for (VariableElement parameter : method.getParameters()) {
      if (isAnnotated(parameter)) {
        return true;
      }
      work.push(parameter.asType());
    }
    work.push(method.getReturnType());
    return false;
  }

  private boolean isAnnotated(VariableElement variable) {
    return annotations.hasPinned(variable) || annotations.hasUnpin(variable);
  }

  private void pushIfPresent(TypeMirror type) {
    if (type != null) {
      work.push(type);
    }
  }
}
