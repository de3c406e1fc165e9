package org.pinning.processor.projection;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import org.pinning.processor.model.PinModel;

/**
 * The JavaPoet model of one projection class (DESIGN.md §5), pin-project's {@code project()} for
 * Java. For
 *
 * <pre>{@code
 * @Pinned public final class Task {
 *   @Pinned final Buffer buffer;
 *   @Pinned Task next;
 *   int state;
 * }
 * }</pre>
 *
 * it builds
 *
 * <pre>{@code
 * @Generated("org.pinning.processor.PinProcessor")
 * public final class TaskProjection {
 *   @Pinned private final Task self;
 *   private TaskProjection(@Pinned Task self) { this.self = self; }
 *   public static TaskProjection project(@Pinned Task self) { ... }
 *   @Pinned public Buffer buffer() { return this.self.buffer; }
 *   @Pinned public Task next() { return this.self.next; }
 *   public void setNext(@Pinned Task next) { this.self.next = next; }
 *   public int state() { return this.self.state; }
 *   public void setState(int state) { this.self.state = state; }
 * }
 * }</pre>
 *
 * <p>The generated code must pass the pin checks itself, so {@code @Pinned} goes only where it
 * means something: a pinned field whose type is known Unpin ({@code @Pinned final String name},
 * which the user's build already warns about) gets a plain accessor rather than a second {@code
 * pin:useless} warning in a file the user cannot edit.
 */
final class ProjectionSpec {
  private static final ClassName PINNED = ClassName.get("org.pinning", "Pinned");
  private static final ClassName OBJECTS = ClassName.get("java.util", "Objects");

  /** The names of other packages this class itself may add to a projection. */
  private static final List<String> OWN_NAMES =
      List.of(
          PINNED.simpleName(), "Generated", OBJECTS.simpleName(), "Deprecated", "SuppressWarnings");

  /** The one field; statements say {@code this.self} so that a projected field named self works. */
  private static final String SELF = "self";

  private final TypeElement type;
  private final ClassName name;
  private final ProjectionTypes types;
  private final PinModel model;
  private final List<AnnotationSpec> classAnnotations;

  /**
   * The projection {@code name} of {@code type}, whose types {@code types} spells, carrying {@code
   * classAnnotations} ({@code @Generated}, {@code @Deprecated}) on the class.
   */
  ProjectionSpec(
      TypeElement type,
      ClassName name,
      ProjectionTypes types,
      PinModel model,
      List<AnnotationSpec> classAnnotations) {
    this.type = type;
    this.name = name;
    this.types = types;
    this.model = model;
    this.classAnnotations = classAnnotations;
  }

  /**
   * The projection class showing {@code fields}. {@code isPackageClass} tells whether the
   * projection's package has a class of a given simple name: such a class would shadow an import or
   * a {@code java.lang} name.
   */
  TypeSpec build(List<VariableElement> fields, Predicate<String> isPackageClass) {
    TypeSpec.Builder projection =
        TypeSpec.classBuilder(name)
            .addOriginatingElement(type)
            .addTypeVariables(types.typeVariables())
            .addJavadoc(
                "The pin projection of {@link $T}: views of its fields through a pinned reference,"
                    + "\nlike the {@code project()} of Rust's pin-project.\n"
                    + "\n<p>$L",
                ClassName.get(type),
                fieldsJavadoc(fields));
    projection.addAnnotations(classAnnotations);
    if (isEffectivelyPublic(type)) {
      projection.addModifiers(Modifier.PUBLIC);
    }
    projection
        .addModifiers(Modifier.FINAL)
        .addField(selfField())
        .addMethod(constructor())
        .addMethod(project());
    ProjectionNames.Accessors accessors = ProjectionNames.accessors(fields);
    for (VariableElement field : fields) {
      projection.addMethod(getter(field, accessors.getter(field)));
      if (hasSetter(field)) {
        projection.addMethod(setter(field, accessors.setter(field)));
      }
    }
    // Every type is spelled by now, so the names from other packages are all known.
    for (String used : namesUsed()) {
      if (isPackageClass.test(used)) {
        projection.alwaysQualify(used);
      }
    }
    return projection.build();
  }

  private String fieldsJavadoc(List<VariableElement> fields) {
    for (VariableElement field : fields) {
      if (model.members().isPinnedSlot(field)) {
        return "{@code @Pinned final} fields are handed out pinned and are never replaced; pinned"
            + " slots\n({@code @Pinned} fields that are not final) are handed out pinned and are"
            + " given only\npinned values; the other fields are read, and unless final written,"
            + " as ordinary values.\n";
      }
    }
    // Unchanged since slots existed, so that projections without slots stay byte-identical.
    return "{@code @Pinned} fields are handed out pinned and are never replaced; the other fields"
        + " are\nread, and unless final written, as ordinary values.\n";
  }

  private Set<String> namesUsed() {
    Set<String> used = new TreeSet<>(OWN_NAMES);
    used.addAll(types.foreignNames());
    return used;
  }

  private FieldSpec selfField() {
    FieldSpec.Builder field =
        FieldSpec.builder(types.self(type), SELF, Modifier.PRIVATE, Modifier.FINAL);
    if (isSelfPinned()) {
      field.addAnnotation(PINNED);
    }
    return field.build();
  }

  private MethodSpec constructor() {
    return MethodSpec.constructorBuilder()
        .addJavadoc(
            "Projections are made by {@link #project}, which checks that {@code self} is not"
                + " null.\n")
        .addModifiers(Modifier.PRIVATE)
        .addParameter(selfParameter())
        .addStatement("this.$N = $N", SELF, SELF)
        .build();
  }

  private MethodSpec project() {
    TypeName projectionType =
        types.typeArguments().isEmpty()
            ? name
            : ParameterizedTypeName.get(name, types.typeArguments().toArray(new TypeName[0]));
    // The diamond keeps the statement free of the type arguments, which the return type spells.
    CodeBlock created =
        types.typeArguments().isEmpty()
            ? CodeBlock.of("new $T($T.requireNonNull($N, $S))", name, OBJECTS, SELF, SELF)
            : CodeBlock.of("new $T<>($T.requireNonNull($N, $S))", name, OBJECTS, SELF, SELF);
    return MethodSpec.methodBuilder("project")
        .addJavadoc(
            "Returns the projection of {@code self}, which stays pinned: the projection only lends"
                + "\nviews of its fields.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addTypeVariables(types.typeVariables())
        .returns(projectionType)
        .addParameter(selfParameter())
        .addStatement("return $L", created)
        .build();
  }

  private ParameterSpec selfParameter() {
    ParameterSpec.Builder parameter = ParameterSpec.builder(types.self(type), SELF);
    if (isSelfPinned()) {
      parameter.addAnnotation(PINNED);
    }
    return parameter.build();
  }

  private MethodSpec getter(VariableElement field, String name) {
    String fieldName = field.getSimpleName().toString();
    MethodSpec.Builder getter =
        MethodSpec.methodBuilder(name)
            .addModifiers(Modifier.PUBLIC)
            .returns(types.field(field))
            .addStatement("return this.$N.$N", SELF, fieldName);
    if (model.members().isPinnedSlot(field)) {
      getter.addJavadoc(
          "Returns {@code $L}, pinned: a pinned slot holds only pinned values, so the caller"
              + "\nmust treat its value as pinned too.\n",
          fieldName);
    } else if (model.annotations().hasPinned(field)) {
      getter.addJavadoc(
          "Returns {@code $L}, pinned: a structurally pinned field is never moved, so the caller"
              + "\nmust treat its value as pinned too.\n",
          fieldName);
    } else {
      getter.addJavadoc("Returns {@code $L}, an ordinary, movable value.\n", fieldName);
    }
    if (isPinnedAccessor(field)) {
      getter.addAnnotation(PINNED);
    }
    return withFieldWarnings(getter, field).build();
  }

  private MethodSpec setter(VariableElement field, String name) {
    String fieldName = field.getSimpleName().toString();
    ParameterSpec.Builder parameter = ParameterSpec.builder(types.field(field), fieldName);
    MethodSpec.Builder setter = MethodSpec.methodBuilder(name);
    if (model.members().isPinnedSlot(field)) {
      setter.addJavadoc(
          "Gives the pinned slot {@code $L} another value, which is pinned from here on: the slot"
              + "\nmoves references, never the pinned objects, and what it held stays pinned.\n",
          fieldName);
    } else {
      setter.addJavadoc(
          "Replaces {@code $L}: an ordinary field may change while its object stays pinned.\n",
          fieldName);
    }
    if (isPinnedAccessor(field)) {
      parameter.addAnnotation(PINNED); // storing into the slot pins: only the owner may (§4.9)
    }
    setter
        .addModifiers(Modifier.PUBLIC)
        .addParameter(parameter.build())
        .addStatement("this.$N.$N = $N", SELF, fieldName, fieldName);
    return withFieldWarnings(setter, field).build();
  }

  /**
   * Keeps an accessor as quiet under {@code -Xlint:all} as the field it projects: a deprecated
   * field gets deprecated accessors (uses inside deprecated code are not warned about), and a raw
   * field type, which the user's declaration already answers for, is not warned about twice.
   */
  private static MethodSpec.Builder withFieldWarnings(
      MethodSpec.Builder accessor, VariableElement field) {
    if (field.getAnnotation(Deprecated.class) != null) {
      accessor.addAnnotation(Deprecated.class);
    }
    if (ProjectionTypes.mentionsRawType(field.asType())) {
      accessor.addAnnotation(
          AnnotationSpec.builder(SuppressWarnings.class)
              .addMember("value", "$S", "rawtypes")
              .build());
    }
    return accessor;
  }

  /**
   * Every field that is not final, a pinned slot too (§5: its setter pins what it is given); a
   * structurally pinned field is final and is never replaced.
   */
  private static boolean hasSetter(VariableElement field) {
    return !field.getModifiers().contains(Modifier.FINAL);
  }

  private boolean isPinnedAccessor(VariableElement field) {
    return model.annotations().hasPinned(field) && !model.isKnownUnpin(field.asType());
  }

  private boolean isSelfPinned() {
    return !model.isKnownUnpin(type.asType());
  }

  /**
   * A public class whose enclosing classes are all public too: only then can code outside the
   * package name it, and only then is a public projection of use there.
   */
  private static boolean isEffectivelyPublic(TypeElement type) {
    Element current = type;
    while (current instanceof TypeElement enclosing) {
      if (!enclosing.getModifiers().contains(Modifier.PUBLIC)) {
        return false;
      }
      current = enclosing.getEnclosingElement();
    }
    return true;
  }
}
