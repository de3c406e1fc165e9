package org.pinning.processor.model;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
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

  public FunctionalTypes(Types types, PinAnnotations annotations) {
    this.types = types;
    this.annotations = annotations;
  }

  /** The single abstract method of a functional interface type, or null. */
  public ExecutableElement abstractMethodOf(TypeMirror functional) {
    if (!(functional instanceof DeclaredType start)) {
      return null;
    }
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
   * The parameters (as bits) of {@code functional}'s method that receive pinned elements, where
   * {@code elements} are the pinned type arguments of {@code functional} ({@code Consumer<?
   * super @Pinned T>}: the parameter of {@code accept}).
   */
  public ArgumentMask parametersReceiving(TypeMirror functional, ArgumentMask elements) {
    if (elements.isEmpty() || !(types.asElement(functional) instanceof TypeElement type)) {
      return ArgumentMask.NONE;
    }
    ExecutableElement method = abstractMethodOf(functional);
    if (method == null) {
      return ArgumentMask.NONE;
    }
    List<? extends TypeParameterElement> typeParameters = type.getTypeParameters();
    List<? extends VariableElement> parameters = method.getParameters();
    ArgumentMask pinned = ArgumentMask.NONE;
    for (int i = 0; i < parameters.size() && ArgumentMask.tracks(i); i++) {
      TypeMirror parameterType = parameters.get(i).asType();
      if (parameterType.getKind() == TypeKind.TYPEVAR
          && elements.has(typeParameters.indexOf(types.asElement(parameterType)))) {
        pinned = pinned.with(i);
      }
    }
    return pinned;
  }

  private static boolean isObjectMethod(ExecutableElement method) {
    String name = method.getSimpleName().toString();
    return (name.equals("equals") && method.getParameters().size() == 1)
        || ((name.equals("hashCode") || name.equals("toString"))
            && method.getParameters().isEmpty());
  }
}
