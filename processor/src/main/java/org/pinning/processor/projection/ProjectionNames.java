package org.pinning.processor.projection;

import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * The names a projection declares (DESIGN.md §5): the class itself and its accessors.
 *
 * <pre>{@code
 * Task            -> TaskProjection
 * Outer.Inner     -> Outer_InnerProjection
 * int state       -> state(), setState(int)
 * int hashCode    -> getHashCode(), setHashCode(int)   // hashCode() is Object's
 * }</pre>
 */
final class ProjectionNames {
  /**
   * The no-argument methods of {@code Object}: an accessor of that name would override them (or,
   * for the final ones, not compile), so such a field is read through {@code get<Name>()}.
   */
  private static final Set<String> OBJECT_METHODS =
      Set.of(
          "getClass", "hashCode", "toString", "clone", "notify", "notifyAll", "wait", "finalize");

  private static final String SUFFIX = "Projection";

  private ProjectionNames() {}

  /** The package of {@code element}, {@code ""} for the unnamed package. */
  static String packageOf(Element element) {
    Element current = element;
    while (!(current instanceof PackageElement)) {
      current = current.getEnclosingElement();
    }
    return ((PackageElement) current).getQualifiedName().toString();
  }

  /** {@code Task} for {@code Task}, {@code Outer_Inner} for {@code Outer.Inner}. */
  static String flatName(TypeElement type) {
    if (type.getEnclosingElement() instanceof TypeElement outer) {
      return flatName(outer) + "_" + type.getSimpleName();
    }
    return type.getSimpleName().toString();
  }

  /** The simple name of the projection class of {@code type}. */
  static String projectionName(TypeElement type) {
    return flatName(type) + SUFFIX;
  }

  /** The qualified name of a class named {@code simpleName} in {@code packageName}. */
  static String qualified(String packageName, String simpleName) {
    return packageName.isEmpty() ? simpleName : packageName + "." + simpleName;
  }

  /** The getter of {@code field}: its own name, unless {@code Object} has that method. */
  static String getter(VariableElement field) {
    String name = field.getSimpleName().toString();
    return OBJECT_METHODS.contains(name) ? "get" + capitalized(name) : name;
  }

  /** The setter of {@code field}: {@code set<Name>}. */
  static String setter(VariableElement field) {
    return "set" + capitalized(field.getSimpleName().toString());
  }

  private static String capitalized(String name) {
    // Character.toUpperCase is locale-independent, unlike String.toUpperCase(): the same name on
    // every build machine.
    int first = name.codePointAt(0);
    return new StringBuilder(name.length())
        .appendCodePoint(Character.toUpperCase(first))
        .append(name, Character.charCount(first), name.length())
        .toString();
  }
}
