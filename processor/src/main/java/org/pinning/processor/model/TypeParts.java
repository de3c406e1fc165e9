package org.pinning.processor.model;

import java.util.function.Predicate;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;

/**
 * The one walk over the structure of a type: its type arguments, enclosing type, array component
 * and wildcard bounds, not the bounds of its type variables. For questions about what a written
 * type mentions: a type variable (the pin status of a generic class), a class that cannot be named,
 * an erroneous or raw part (projections). Free of JavaPoet, so that the plugin, which asks {@code
 * ProjectionEligibility}, runs on a processor path without it.
 */
public final class TypeParts {
  private TypeParts() {}

  /** Whether {@code type} or any type it is made of passes {@code test}. */
  public static boolean anyPart(TypeMirror type, Predicate<TypeMirror> test) {
    if (test.test(type)) {
      return true;
    }
    switch (type.getKind()) {
      case DECLARED:
        DeclaredType declared = (DeclaredType) type;
        for (TypeMirror argument : declared.getTypeArguments()) {
          if (anyPart(argument, test)) {
            return true;
          }
        }
        return anyPart(declared.getEnclosingType(), test);
      case ARRAY:
        return anyPart(((ArrayType) type).getComponentType(), test);
      case WILDCARD:
        WildcardType wildcard = (WildcardType) type;
        return (wildcard.getExtendsBound() != null && anyPart(wildcard.getExtendsBound(), test))
            || (wildcard.getSuperBound() != null && anyPart(wildcard.getSuperBound(), test));
      default:
        return false;
    }
  }
}
