package org.pinning.processor.projection;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
 * and getHashCode -> getHashCode(); hashCode then gets getHashCodeField()
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

  /**
   * The accessor names of {@code fields}, in declaration order. A getter is the field's own name,
   * or {@code get<Name>} where {@code Object} has a method of that name; a setter is {@code
   * set<Name>}. Where two fields would get the same name ({@code hashCode} and {@code getHashCode};
   * {@code x} and {@code X}), the field whose own name it is keeps it and the other adds {@code
   * Field}, so that the projection always compiles.
   */
  static Accessors accessors(List<VariableElement> fields) {
    Map<VariableElement, String> getters = new HashMap<>();
    Set<String> takenGetters = new HashSet<>();
    for (VariableElement field : fields) {
      String name = field.getSimpleName().toString();
      if (!OBJECT_METHODS.contains(name)) {
        getters.put(field, name);
        takenGetters.add(name);
      }
    }
    Map<VariableElement, String> setters = new HashMap<>();
    Set<String> takenSetters = new HashSet<>();
    for (VariableElement field : fields) {
      String name = field.getSimpleName().toString();
      if (OBJECT_METHODS.contains(name)) {
        getters.put(field, unique("get" + capitalized(name), takenGetters));
      }
      setters.put(field, unique("set" + capitalized(name), takenSetters));
    }
    return new Accessors(getters, setters);
  }

  /** The getter and setter names of a projection's fields. */
  record Accessors(Map<VariableElement, String> getters, Map<VariableElement, String> setters) {
    String getter(VariableElement field) {
      return getters.get(field);
    }

    String setter(VariableElement field) {
      return setters.get(field);
    }
  }

  private static String unique(String wanted, Set<String> taken) {
    String name = wanted;
    for (int i = 2; !taken.add(name); i++) {
      name = wanted + "Field" + (i == 2 ? "" : String.valueOf(i - 1));
    }
    return name;
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
