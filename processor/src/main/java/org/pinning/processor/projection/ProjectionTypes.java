package org.pinning.processor.projection;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeVariableName;
import com.palantir.javapoet.WildcardTypeName;
import java.lang.annotation.ElementType;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.type.WildcardType;
import org.pinning.processor.model.PinAnnotations;
import org.pinning.processor.model.TypeParts;

/**
 * How the types of one projected class are spelled inside its projection: which type variables the
 * projection declares, and every field type rewritten over them.
 *
 * <p>A projection of a non-static inner class also carries the type parameters of its enclosing
 * classes, since {@code Outer<T>.Inner<U>} names both. Java lets an inner class shadow an outer
 * type parameter ({@code class Outer<T> { class Inner<T> {} }}); the projection cannot, so the
 * shadowed outer one is renamed ({@code T_Outer}):
 *
 * <pre>{@code
 * public final class Outer_InnerProjection<T_Outer, T> {
 *   public static <T_Outer, T> Outer_InnerProjection<T_Outer, T> project(
 *       @Pinned Outer<T_Outer>.Inner<T> self) { ... }
 * }
 * }</pre>
 *
 * <p>Type-use annotations inside the types are kept: a field {@code List<@Pinned Task> tasks} must
 * be read as {@code List<@Pinned Task>}, or handing it out would be a move (§4.7).
 */
final class ProjectionTypes {
  private final String packageName;
  private final PinAnnotations annotations;
  private final List<TypeParameterElement> parameters;
  private final Map<TypeParameterElement, String> names;
  private final Set<String> foreignNames = new TreeSet<>();

  private ProjectionTypes(
      String packageName,
      List<TypeParameterElement> parameters,
      Map<TypeParameterElement, String> names,
      PinAnnotations annotations) {
    this.packageName = packageName;
    this.annotations = annotations;
    this.parameters = parameters;
    this.names = names;
  }

  /** The types of {@code type}'s projection, which lives in {@code packageName}. */
  static ProjectionTypes of(TypeElement type, String packageName, PinAnnotations annotations) {
    List<TypeParameterElement> parameters = new ArrayList<>();
    List<TypeElement> owners = new ArrayList<>();
    // The enclosing types that Outer<T>.Inner<U> names, innermost first.
    TypeMirror current = type.asType();
    while (current.getKind() == TypeKind.DECLARED) {
      TypeElement owner = (TypeElement) ((DeclaredType) current).asElement();
      owners.add(owner);
      current = ((DeclaredType) current).getEnclosingType();
    }
    Map<TypeParameterElement, String> names = new HashMap<>();
    Set<String> taken = new HashSet<>();
    for (TypeElement owner : owners) {
      for (TypeParameterElement parameter : owner.getTypeParameters()) {
        taken.add(parameter.getSimpleName().toString());
      }
    }
    Set<String> assigned = new HashSet<>();
    for (TypeElement owner : owners) {
      // The innermost class keeps its names (they are the ones its fields use); shadowed outer
      // parameters get a name that is neither any original name nor one given out already.
      for (TypeParameterElement parameter : owner.getTypeParameters()) {
        String name = parameter.getSimpleName().toString();
        if (assigned.contains(name)) {
          name = freshName(name + "_" + owner.getSimpleName(), taken, assigned);
        }
        assigned.add(name);
        names.put(parameter, name);
      }
    }
    for (int i = owners.size() - 1; i >= 0; i--) {
      parameters.addAll(owners.get(i).getTypeParameters());
    }
    return new ProjectionTypes(packageName, parameters, names, annotations);
  }

  private static String freshName(String base, Set<String> taken, Set<String> assigned) {
    String name = base;
    for (int n = 2; taken.contains(name) || assigned.contains(name); n++) {
      name = base + n;
    }
    return name;
  }

  /** The projection's type parameters, outermost class first, with bounds and annotations. */
  List<TypeVariableName> typeVariables() {
    List<TypeVariableName> variables = new ArrayList<>(parameters.size());
    for (TypeParameterElement parameter : parameters) {
      List<TypeName> bounds = new ArrayList<>();
      for (TypeMirror bound : parameter.getBounds()) {
        if (!isPlainObject(bound)) {
          bounds.add(spelled(bound));
        }
      }
      variables.add(
          TypeVariableName.get(names.get(parameter))
              .withBounds(bounds)
              .annotated(
                  annotations(
                      parameter.getAnnotationMirrors(),
                      mirror ->
                          targets(mirror, ElementType.TYPE_PARAMETER)
                              || targets(mirror, ElementType.TYPE_USE))));
    }
    return variables;
  }

  /** The projection's type parameters as type arguments: {@code <T_Outer, T>}. */
  List<TypeName> typeArguments() {
    List<TypeName> arguments = new ArrayList<>(parameters.size());
    for (TypeParameterElement parameter : parameters) {
      arguments.add(TypeVariableName.get(names.get(parameter)));
    }
    return arguments;
  }

  /** The projected class as the projection names it: {@code Outer<T_Outer>.Inner<T>}. */
  TypeName self(TypeElement type) {
    return spelled(type.asType());
  }

  /**
   * The type of {@code field}. A {@code @Pinned} on the field itself also reaches its type (it
   * targets {@code TYPE_USE} too): the type as a whole, or for an array its element type, as javac
   * reads a declaration annotation there. The projection says it on the accessor instead, and only
   * where it means something: spelled on an element type in front of the accessor, {@code
   * public @Pinned Buffer[] buffers()} would pin the method's return, an array.
   */
  TypeName field(VariableElement field) {
    return withoutDeclarationPin(field.asType());
  }

  private TypeName withoutDeclarationPin(TypeMirror type) {
    List<AnnotationSpec> kept =
        annotations(
            type.getAnnotationMirrors(),
            mirror -> !annotations.isPinned(mirror) && targets(mirror, ElementType.TYPE_USE));
    if (type.getKind() == TypeKind.ARRAY) {
      return ArrayTypeName.of(withoutDeclarationPin(((ArrayType) type).getComponentType()))
          .annotated(kept);
    }
    return spelledWithoutAnnotations(type).annotated(kept);
  }

  /**
   * The top-level simple names of the classes outside the projection's package that the types
   * spelled so far mention. A class of the projection's own package with one of these names would
   * shadow an import, so the writer has JavaPoet qualify them.
   */
  Set<String> foreignNames() {
    return foreignNames;
  }

  /** Whether {@code type} cannot be spelled yet: javac has not resolved some part of it. */
  static boolean isUnresolved(TypeMirror type) {
    return TypeParts.anyPart(type, part -> part.getKind() == TypeKind.ERROR);
  }

  /** Whether {@code type} mentions a raw type, which -Xlint:rawtypes warns about wherever used. */
  static boolean mentionsRawType(TypeMirror type) {
    return TypeParts.anyPart(type, ProjectionTypes::isRaw);
  }

  private TypeName spelled(TypeMirror type) {
    // Only type-use annotations belong in a type: ECJ also shows a type parameter's own
    // annotations (@Unpin) on each use of its type variable.
    return spelledWithoutAnnotations(type)
        .annotated(
            annotations(
                type.getAnnotationMirrors(), mirror -> targets(mirror, ElementType.TYPE_USE)));
  }

  /** Whether the annotation type of {@code mirror} may be written where {@code kind} says. */
  private static boolean targets(AnnotationMirror mirror, ElementType kind) {
    Target target = mirror.getAnnotationType().asElement().getAnnotation(Target.class);
    return target != null && java.util.Arrays.asList(target.value()).contains(kind);
  }

  private TypeName spelledWithoutAnnotations(TypeMirror type) {
    switch (type.getKind()) {
      case DECLARED:
        return declared((DeclaredType) type);
      case ARRAY:
        return ArrayTypeName.of(spelled(((ArrayType) type).getComponentType()));
      case TYPEVAR:
        TypeParameterElement parameter = (TypeParameterElement) ((TypeVariable) type).asElement();
        String name = names.get(parameter);
        return TypeVariableName.get(name != null ? name : parameter.getSimpleName().toString());
      case WILDCARD:
        return wildcard((WildcardType) type);
      default:
        // Primitives; the writer never spells an unresolved type (see isUnresolved).
        return TypeName.get(type).withoutAnnotations();
    }
  }

  private TypeName declared(DeclaredType type) {
    TypeElement element = (TypeElement) type.asElement();
    ClassName name = ClassName.get(element);
    if (!name.packageName().equals(packageName)) {
      foreignNames.add(name.topLevelClassName().simpleName());
    }
    List<TypeName> arguments = new ArrayList<>();
    for (TypeMirror argument : type.getTypeArguments()) {
      arguments.add(spelled(argument));
    }
    TypeMirror enclosing = type.getEnclosingType();
    if (enclosing.getKind() == TypeKind.DECLARED
        && !element.getModifiers().contains(Modifier.STATIC)
        && spelled(enclosing) instanceof ParameterizedTypeName outer) {
      // Outer<T>.Inner: the enclosing type's arguments are part of the type.
      return outer.nestedClass(element.getSimpleName().toString(), arguments);
    }
    return arguments.isEmpty()
        ? name
        : ParameterizedTypeName.get(name, arguments.toArray(new TypeName[0]));
  }

  private TypeName wildcard(WildcardType type) {
    if (type.getSuperBound() != null) {
      return WildcardTypeName.supertypeOf(spelled(type.getSuperBound()));
    }
    if (type.getExtendsBound() != null) {
      return WildcardTypeName.subtypeOf(spelled(type.getExtendsBound()));
    }
    return WildcardTypeName.subtypeOf(Object.class);
  }

  private List<AnnotationSpec> annotations(
      List<? extends AnnotationMirror> mirrors, Predicate<AnnotationMirror> kept) {
    if (mirrors.isEmpty()) {
      return List.of();
    }
    List<AnnotationSpec> specs = new ArrayList<>(mirrors.size());
    for (AnnotationMirror mirror : mirrors) {
      if (kept.test(mirror)) {
        ClassName type = ClassName.get((TypeElement) mirror.getAnnotationType().asElement());
        if (!type.packageName().equals(packageName)) {
          foreignNames.add(type.topLevelClassName().simpleName());
        }
        specs.add(AnnotationSpec.get(mirror));
      }
    }
    return specs;
  }

  private static boolean isPlainObject(TypeMirror bound) {
    return bound.getKind() == TypeKind.DECLARED
        && bound.getAnnotationMirrors().isEmpty()
        && ((TypeElement) ((DeclaredType) bound).asElement())
            .getQualifiedName()
            .contentEquals("java.lang.Object");
  }

  private static boolean isRaw(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED
        && ((DeclaredType) type).getTypeArguments().isEmpty()
        && !((TypeElement) ((DeclaredType) type).asElement()).getTypeParameters().isEmpty();
  }
}
