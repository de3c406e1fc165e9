package org.pinning.processor.projection;

import java.util.function.Predicate;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;

/**
 * Walks the parts of a type: its type arguments, enclosing type, array component and wildcard
 * bounds. Kept apart from JavaPoet so that the plugin, which asks {@link ProjectionEligibility},
 * runs on a processor path without it.
 */
final class TypeParts {
  private TypeParts() {}

  /** Whether {@code type} or any type it is made of passes {@code test}. */
  static boolean anyPart(TypeMirror type, Predicate<TypeMirror> test) {
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
