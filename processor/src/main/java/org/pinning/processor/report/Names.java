package org.pinning.processor.report;

import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Elements and types named the way the source names them: {@code buffer}, {@code Task.buffer} when
 * the owner is another class, {@code Registry.track(Task)} for methods.
 */
public final class Names {
  private Names() {}

  /** A type by its simple name, nested types as {@code Outer.Inner}. */
  public static String type(TypeElement type) {
    Element outer = type.getEnclosingElement();
    if (outer instanceof TypeElement enclosing) {
      return type(enclosing) + "." + type.getSimpleName();
    }
    return type.getSimpleName().toString();
  }

  /** A type as written, without package names or type annotations. */
  public static String type(TypeMirror mirror) {
    if (mirror.getKind() == TypeKind.DECLARED) {
      DeclaredType declared = (DeclaredType) mirror;
      StringBuilder name = new StringBuilder(type((TypeElement) declared.asElement()));
      if (!declared.getTypeArguments().isEmpty()) {
        name.append('<');
        String separator = "";
        for (TypeMirror argument : declared.getTypeArguments()) {
          name.append(separator).append(type(argument));
          separator = ", ";
        }
        name.append('>');
      }
      return name.toString();
    }
    if (mirror.getKind() == TypeKind.ARRAY) {
      return type(((javax.lang.model.type.ArrayType) mirror).getComponentType()) + "[]";
    }
    switch (mirror.getKind()) {
      case TYPEVAR:
        return ((javax.lang.model.type.TypeVariable) mirror).asElement().getSimpleName().toString();
      case WILDCARD:
        javax.lang.model.type.WildcardType wildcard = (javax.lang.model.type.WildcardType) mirror;
        if (wildcard.getExtendsBound() != null) {
          return "? extends " + type(wildcard.getExtendsBound());
        }
        return wildcard.getSuperBound() != null ? "? super " + type(wildcard.getSuperBound()) : "?";
      default:
        // Primitives and the rest: the kind's name, free of type annotations ("@Pinned int").
        return mirror.getKind().isPrimitive()
            ? mirror.getKind().name().toLowerCase(java.util.Locale.ROOT)
            : mirror.toString();
    }
  }

  /**
   * {@code type} as written, with {@code @Pinned} on each type argument that is {@code argument}:
   * {@code Supplier<@Pinned Task>} for a {@code Supplier<Task>}. Null where no type argument is.
   */
  public static String withPinnedArgument(TypeMirror type, TypeMirror argument) {
    if (type == null || argument == null || type.getKind() != TypeKind.DECLARED) {
      return null;
    }
    String pinned = type(argument);
    DeclaredType declared = (DeclaredType) type;
    StringBuilder name = new StringBuilder(type((TypeElement) declared.asElement())).append('<');
    boolean found = false;
    String separator = "";
    for (TypeMirror typeArgument : declared.getTypeArguments()) {
      String written = type(typeArgument);
      boolean match = written.equals(pinned);
      found |= match;
      name.append(separator).append(match ? "@Pinned " : "").append(written);
      separator = ", ";
    }
    return found ? name.append('>').toString() : null;
  }

  /** A field or method, qualified by its owner when that is not {@code context}. */
  public static String member(Element member, TypeElement context) {
    String simple =
        member.getKind() == ElementKind.METHOD || member.getKind() == ElementKind.CONSTRUCTOR
            ? method((ExecutableElement) member)
            : member.getSimpleName().toString();
    Element owner = member.getEnclosingElement();
    if (owner instanceof TypeElement type && !type.equals(context)) {
      return type(type) + "." + simple;
    }
    return simple;
  }

  /** A method as {@code track(Task)}; a constructor by its class name. */
  public static String method(ExecutableElement method) {
    StringBuilder name = new StringBuilder();
    if (method.getKind() == ElementKind.CONSTRUCTOR) {
      name.append(method.getEnclosingElement().getSimpleName());
    } else {
      name.append(method.getSimpleName());
    }
    name.append('(');
    String separator = "";
    for (VariableElement parameter : method.getParameters()) {
      name.append(separator).append(type(parameter.asType()));
      separator = ", ";
    }
    return name.append(')').toString();
  }

  /**
   * A supertype clause as it should be written with its type argument {@code index} {@code
   * @Pinned}, for help lines: {@code implements Iterator<Map.@Pinned Entry<K, V>>} (Java writes a
   * type annotation on a nested type before its simple name).
   */
  public static String clauseWithPinnedArgument(
      TypeElement owner, DeclaredType clause, int index) {
    boolean implementsIt =
        clause.asElement().getKind().isInterface() && !owner.getKind().isInterface();
    StringBuilder written =
        new StringBuilder(implementsIt ? "implements " : "extends ")
            .append(type((TypeElement) clause.asElement()))
            .append('<');
    List<? extends TypeMirror> arguments = clause.getTypeArguments();
    for (int i = 0; i < arguments.size(); i++) {
      written.append(i == 0 ? "" : ", ");
      written.append(i == index ? pinned(arguments.get(i)) : type(arguments.get(i)));
    }
    return written.append('>').toString();
  }

  /** {@code type} written with {@code @Pinned}: {@code @Pinned Task}, {@code Map.@Pinned Entry}. */
  private static String pinned(TypeMirror type) {
    if (type.getKind() == TypeKind.WILDCARD) {
      TypeMirror bound = ((javax.lang.model.type.WildcardType) type).getExtendsBound();
      return bound == null ? type(type) : "? extends " + pinned(bound);
    }
    String written = type(type);
    if (type.getKind() == TypeKind.DECLARED
        && ((DeclaredType) type).asElement().getEnclosingElement() instanceof TypeElement outer) {
      String qualifier = type(outer);
      return qualifier + ".@Pinned " + written.substring(qualifier.length() + 1);
    }
    return "@Pinned " + written;
  }

  /** A method qualified by its class: {@code Registry.track(Task)}. */
  public static String qualifiedMethod(ExecutableElement method) {
    if (method.getKind() == ElementKind.CONSTRUCTOR) {
      return "new " + method(method);
    }
    return type((TypeElement) method.getEnclosingElement()) + "." + method(method);
  }

  /**
   * The declaration of {@code method} with a pinned receiver, for help lines: {@code boolean
   * poll(@Pinned Sleeper this, int waker)}.
   */
  public static String withPinnedReceiver(ExecutableElement method) {
    StringBuilder declaration =
        new StringBuilder(type(method.getReturnType()))
            .append(' ')
            .append(method.getSimpleName())
            .append("(@Pinned ")
            .append(method.getEnclosingElement().getSimpleName())
            .append(" this");
    for (VariableElement parameter : method.getParameters()) {
      declaration
          .append(", ")
          .append(type(parameter.asType()))
          .append(' ')
          .append(parameter.getSimpleName());
    }
    return declaration.append(')').toString();
  }

  /**
   * The declaration of {@code method} with {@code pinned} declared {@code @Pinned}, for help lines:
   * {@code void spawn(@Pinned Task t)}; a constructor as {@code @Pinned Task(Executor e)} when
   * {@code pinned} is null.
   */
  public static String withPinnedParameter(ExecutableElement method, VariableElement pinned) {
    StringBuilder declaration = new StringBuilder();
    if (method.getKind() == ElementKind.CONSTRUCTOR) {
      if (pinned == null) {
        declaration.append("@Pinned ");
      }
      declaration.append(method.getEnclosingElement().getSimpleName());
    } else {
      declaration.append(type(method.getReturnType())).append(' ').append(method.getSimpleName());
    }
    declaration.append('(');
    String separator = "";
    for (VariableElement parameter : method.getParameters()) {
      declaration.append(separator);
      if (parameter.equals(pinned)) {
        declaration.append("@Pinned ");
      }
      declaration.append(type(parameter.asType())).append(' ').append(parameter.getSimpleName());
      separator = ", ";
    }
    return declaration.append(')').toString();
  }
}
