package org.pinning.processor.flow;

import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;
import org.pinning.processor.model.ArgumentMask;

/**
 * Where a value goes (DESIGN.md §4.1): the places the flow analysis tells the rules about. Each
 * kind holds the declarations the rules need to judge the flow and {@code Messages} needs to word
 * it; the analysis holds no words.
 */
public sealed interface Place {

  /**
   * The declared type of the place, for the pinned type arguments of a container flowing into it;
   * null where the place keeps no type arguments (an array).
   */
  default TypeMirror type() {
    return null;
  }

  /**
   * A field, assigned or initialized; {@code context} is the class whose code assigns it, so that a
   * field of another class is named with its owner.
   */
  record Field(VariableElement field, TypeElement context) implements Place {
    @Override
    public TypeMirror type() {
      return field.asType();
    }
  }

  /** A local declared with a type whose type arguments may drop the pins of a container's. */
  record Local(VariableElement local) implements Place {
    @Override
    public TypeMirror type() {
      return local.asType();
    }
  }

  /** An element of an array, assigned. */
  record ArrayElement() implements Place {}

  /** An element of an array initializer ({@code new Task[] {t}}). */
  record ArrayInitializer() implements Place {}

  /**
   * An array the elements of a container are copied into ({@code toArray()}); {@code container}
   * names the call that copies them.
   */
  record ArrayCopy(String container) implements Place {}

  /**
   * A parameter of {@code method}, given an argument. {@code allowed} holds the type arguments of
   * the parameter's type that keep pinned elements pinned (a generic parameter of a pinned
   * container, {@code addAll(Collection<? extends E>)}, takes them from the container's signature).
   * {@code pinned} says whether the parameter is a pinned place: declared {@code @Pinned}, or typed
   * with a pinned type variable of the call ({@code add(E)} on a {@code List<@Pinned Task>}).
   * {@code declaredIn} says where the method is declared: in the sources being compiled, where the
   * user can annotate it, in a library, or in the JDK. {@code argument} is the index of the argument, which differs from the
   * parameter's past the last one of varargs: the model may borrow the first argument only ({@code
   * VarHandle.set(Object...)}'s object, not the value it stores).
   */
  record Parameter(
      VariableElement parameter,
      ExecutableElement method,
      ArgumentMask allowed,
      boolean pinned,
      DeclaredIn declaredIn,
      int argument)
      implements Place {
    @Override
    public TypeMirror type() {
      return parameter.asType();
    }
  }

  /** Where a method is declared, which decides the fix a help line can offer for its parameter. */
  enum DeclaredIn {
    /** The sources being compiled: the user can annotate the method. */
    SOURCE,
    /** A library's class files, which may carry pins that JDK 17 does not show. */
    LIBRARY,
    /** The JDK, whose signatures write no pins. */
    JDK
  }

  /** The value {@code method} returns. */
  record Returned(ExecutableElement method) implements Place {
    @Override
    public TypeMirror type() {
      return method.getReturnType();
    }
  }

  /**
   * The value a lambda returns to its functional interface, of type {@code functional}; {@code
   * result} says whether its target type pins it and where it goes.
   */
  record LambdaReturn(TypeMirror functional, LambdaResult result) implements Place {}

  /**
   * The result of a method reference, written {@code reference} in the source, returned to its
   * functional interface, of type {@code functional}; {@code result} as for a lambda.
   */
  record MethodReferenceResult(String reference, TypeMirror functional, LambdaResult result)
      implements Place {}

  /** The exception a {@code throw} throws. */
  record Thrown() implements Place {}
}
