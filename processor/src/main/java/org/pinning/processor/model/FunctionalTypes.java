package org.pinning.processor.model;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Types;

/**
 * Functional interfaces as the pin rules see them: a lambda or method reference is checked as the
 * method it implements (§4.1), whose result may be discarded ({@code void}) or pinned, and whose
 * parameters may receive the elements of a pinned container (§4.7).
 */
public final class FunctionalTypes {
  private final Types types;
  private final PinAnnotations annotations;
  private final ContainerTypes containers;

  public FunctionalTypes(Types types, PinAnnotations annotations, ContainerTypes containers) {
    this.types = types;
    this.annotations = annotations;
    this.containers = containers;
  }

  /**
   * The single abstract method of each type asked about (null for none): every lambda asks, and a
   * compilation has few functional interfaces.
   */
  private final Map<Element, ExecutableElement> abstractMethods = new HashMap<>();

  /** The single abstract method of a functional interface type, or null. */
  public ExecutableElement abstractMethodOf(TypeMirror functional) {
    if (!(functional instanceof DeclaredType start)) {
      return null;
    }
    Element type = start.asElement();
    if (abstractMethods.containsKey(type)) {
      return abstractMethods.get(type);
    }
    ExecutableElement method = findAbstractMethod(start);
    abstractMethods.put(type, method);
    return method;
  }

  private ExecutableElement findAbstractMethod(DeclaredType start) {
    Deque<TypeMirror> work = new ArrayDeque<>();
    work.add(start);
    while (!work.isEmpty()) {
      TypeMirror next = work.poll();
      Element element = types.asElement(next);
      if (element == null) {
        continue;
      }
      for (ExecutableElement method : ElementFilter.methodsIn(element.getEnclosedElements())) {
        if (method.getModifiers().contains(Modifier.ABSTRACT) && !isObjectMethod(method)) {
          return method;
        }
      }
      work.addAll(types.directSupertypes(next));
    }
    return null;
  }

  /**
   * Whether a pinned result of a lambda or method reference of type {@code functional} stays where
   * it belongs: the method discards it ({@code void}) or returns it {@code @Pinned}.
   */
  public boolean keepsResultPinned(TypeMirror functional) {
    ExecutableElement method = abstractMethodOf(functional);
    return method != null
        && (method.getReturnType().getKind() == TypeKind.VOID || annotations.hasPinned(method));
  }

  /**
   * The parameters (as bits) of {@code functional}'s method that hold pinned values, where {@code
   * elements} are the pinned type arguments of {@code functional}: a parameter typed with one of
   * them ({@code Consumer<? super @Pinned T>}: the parameter of {@code accept}), also where the
   * method is inherited from a supertype ({@code UnaryOperator<@Pinned T>}'s {@code apply} is
   * {@code Function}'s), and a parameter the method declares {@code @Pinned}.
   */
  public ArgumentMask parametersReceiving(TypeMirror functional, ArgumentMask elements) {
    ExecutableElement method = abstractMethodOf(functional);
    if (method == null) {
      return ArgumentMask.NONE;
    }
    ArgumentMask ownerElements = ownerElements(functional, elements, method);
    List<? extends VariableElement> parameters = method.getParameters();
    ArgumentMask pinned = ArgumentMask.NONE;
    for (int i = 0; i < parameters.size() && ArgumentMask.tracks(i); i++) {
      VariableElement parameter = parameters.get(i);
      if (annotations.hasPinned(parameter)
          || isPinnedVariable(parameter.asType(), method, ownerElements)) {
        pinned = pinned.with(i);
      }
    }
    return pinned;
  }

  /**
   * Whether the result of a lambda or method reference of type {@code functional}, whose pinned
   * type arguments are {@code elements}, is a pinned place: {@code Supplier<@Pinned Buffer>}, the
   * remapping function of {@code compute} on a {@code Map<K, @Pinned V>} (§4.7).
   */
  public boolean returnsPinned(TypeMirror functional, ArgumentMask elements) {
    ExecutableElement method = abstractMethodOf(functional);
    return method != null
        && (annotations.hasPinned(method)
            || isPinnedVariable(
                method.getReturnType(), method, ownerElements(functional, elements, method)));
  }

  /** {@code elements} of {@code functional}'s class, translated to {@code method}'s class. */
  private ArgumentMask ownerElements(
      TypeMirror functional, ArgumentMask elements, ExecutableElement method) {
    if (elements.isEmpty()
        || !(types.asElement(functional) instanceof TypeElement type)
        || !(method.getEnclosingElement() instanceof TypeElement owner)) {
      return ArgumentMask.NONE;
    }
    return containers.translate(type, elements, owner);
  }

  /** Whether {@code type} is a type variable of {@code method}'s class, in {@code mask}. */
  private boolean isPinnedVariable(TypeMirror type, ExecutableElement method, ArgumentMask mask) {
    if (mask.isEmpty() || type.getKind() != TypeKind.TYPEVAR) {
      return false;
    }
    List<? extends TypeParameterElement> typeParameters =
        ((TypeElement) method.getEnclosingElement()).getTypeParameters();
    return mask.has(typeParameters.indexOf(types.asElement(type)));
  }

  /**
   * The type argument of {@code declared}, a functional parameter type as a method declares it,
   * that its method returns, wildcard bounds unwrapped: {@code V} of {@code Map.compute}'s {@code
   * BiFunction<? super K, ? super V, ? extends V>}, {@code R} of {@code Stream.map}'s {@code
   * Function<? super T, ? extends R>}. Null where the method returns no type argument.
   */
  public TypeMirror resultArgument(TypeMirror declared) {
    ExecutableElement method = abstractMethodOf(declared);
    if (method == null
        || method.getReturnType().getKind() != TypeKind.TYPEVAR
        || !(types.asElement(declared) instanceof TypeElement type)
        || !(method.getEnclosingElement() instanceof TypeElement owner)) {
      return null;
    }
    int result = owner.getTypeParameters().indexOf(types.asElement(method.getReturnType()));
    List<? extends TypeMirror> arguments = ((DeclaredType) declared).getTypeArguments();
    for (int j = 0; j < arguments.size() && ArgumentMask.tracks(j); j++) {
      if (containers.translate(type, ArgumentMask.NONE.with(j), owner).has(result)) {
        return unwrapped(arguments.get(j));
      }
    }
    return null;
  }

  private static TypeMirror unwrapped(TypeMirror argument) {
    if (argument instanceof WildcardType wildcard) {
      return wildcard.getExtendsBound() != null
          ? wildcard.getExtendsBound()
          : wildcard.getSuperBound();
    }
    return argument;
  }

  private static boolean isObjectMethod(ExecutableElement method) {
    String name = method.getSimpleName().toString();
    return (name.equals("equals") && method.getParameters().size() == 1)
        || ((name.equals("hashCode") || name.equals("toString"))
            && method.getParameters().isEmpty());
  }
}
