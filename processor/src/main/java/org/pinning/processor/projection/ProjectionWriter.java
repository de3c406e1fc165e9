package org.pinning.processor.projection;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import org.pinning.processor.model.PinModel;
import org.pinning.processor.report.Messages;
import org.pinning.processor.report.Reporter;
import org.pinning.processor.report.Site;

/**
 * Writes the projection class of a pinned type (DESIGN.md §5) through the {@code Filer}: for {@code
 * Task}, a {@code TaskProjection} beside it whose {@code project(task)} hands out its
 * {@code @Pinned} fields pinned and its other fields as ordinary values.
 *
 * <pre>{@code
 * TaskProjection projection = TaskProjection.project(task);
 * @Pinned Buffer buffer = projection.buffer();  // pinned view, no setter
 * projection.setState(projection.state() + 1);  // ordinary field
 * }</pre>
 *
 * <p>One writer serves every round of a compilation. It never throws an {@code IOException}: a
 * projection the {@code Filer} refuses (already written, by us in an earlier round or by hand) is
 * left as it is.
 */
public final class ProjectionWriter {
  private static final ClassName GENERATED =
      ClassName.get("javax.annotation.processing", "Generated");

  private final Elements elements;
  private final Filer filer;
  private final PinModel model;

  /** Absent when compiling {@code --release 8}: projections then carry no {@code @Generated}. */
  private final boolean generatedAvailable;

  private final Set<String> written = new HashSet<>();

  /**
   * Types whose fields mention a type javac could not resolve yet, by qualified name: most often a
   * type another processor generates in this round. They are tried again when a later round brings
   * new sources (elements are looked up afresh: they must not be kept across rounds).
   */
  private final Set<String> deferred = new LinkedHashSet<>();

  /**
   * Whether a type cannot be named by generated code although {@code javax.lang.model} shows no
   * reason: a member of the implicitly declared class of a compact source file (JDK 25), which
   * only the compiler's trees reveal.
   */
  private final Predicate<TypeElement> unnameable;

  /** A writer for a compiler that cannot say which types are unnameable (nothing is). */
  public ProjectionWriter(ProcessingEnvironment environment) {
    this(environment, type -> false);
  }

  /** A writer that projects no type {@code unnameable} accepts. */
  public ProjectionWriter(ProcessingEnvironment environment, Predicate<TypeElement> unnameable) {
    this.unnameable = unnameable;
    this.elements = environment.getElementUtils();
    this.filer = environment.getFiler();
    this.model = new PinModel(environment.getTypeUtils(), environment.getElementUtils());
    this.generatedAvailable = elements.getTypeElement(GENERATED.canonicalName()) != null;
  }

  /**
   * Whether {@code type} gets a projection: a class pinned by its own annotation or declaring
   * {@code @Pinned} fields, that a sibling class can name, with a field to project. Cheap, and free
   * of compilation state: the javac plugin asks it too.
   */
  public boolean isProjected(TypeElement type) {
    return ProjectionEligibility.isProjected(type, model.annotations()) && !unnameable.test(type);
  }

  /**
   * Writes the projection of {@code type} if it gets one (nested types are not visited: the caller
   * hands each over). A name already taken by a top-level class goes to {@code reporter}.
   */
  public void write(TypeElement type, Reporter reporter) {
    retryDeferred(reporter);
    writeIfProjected(type, reporter);
  }

  private void retryDeferred(Reporter reporter) {
    if (deferred.isEmpty()) {
      return;
    }
    for (String name : new ArrayList<>(deferred)) {
      deferred.remove(name);
      TypeElement type = elements.getTypeElement(name);
      if (type != null) {
        writeIfProjected(type, reporter);
      }
    }
  }

  private void writeIfProjected(TypeElement type, Reporter reporter) {
    if (!isProjected(type)) {
      return;
    }
    String packageName = ProjectionNames.packageOf(type);
    String projectionName = ProjectionNames.projectionName(type);
    if (written.contains(ProjectionNames.qualified(packageName, projectionName))) {
      return;
    }
    if (isNameTakenByTopLevelClass(type, packageName)) {
      reporter.report(Messages.projectionNameTaken(Site.of(type), type, projectionName));
      return;
    }
    List<VariableElement> fields = ProjectionEligibility.projectedFields(type);
    if (isUnresolved(type, fields)) {
      deferred.add(type.getQualifiedName().toString());
      return;
    }
    TypeSpec projection =
        new ProjectionSpec(
                type,
                ClassName.get(packageName, projectionName),
                ProjectionTypes.of(type, packageName, model.annotations()),
                model,
                classAnnotations(type))
            .build(
                fields,
                name ->
                    elements.getTypeElement(ProjectionNames.qualified(packageName, name)) != null);
    writeFile(
        JavaFile.builder(packageName, projection)
            .addFileComment(
                "Generated by the pinning processor from $L. Do not edit.", type.getQualifiedName())
            .skipJavaLangImports(true)
            .indent("  ")
            .build());
    written.add(ProjectionNames.qualified(packageName, projectionName));
  }

  /**
   * {@code Outer.Inner} and a top-level {@code Outer_Inner} would both get {@code
   * Outer_InnerProjection}. The top-level class has the better claim: its name is the one written.
   */
  private boolean isNameTakenByTopLevelClass(TypeElement type, String packageName) {
    if (type.getNestingKind() != NestingKind.MEMBER) {
      return false;
    }
    TypeElement other =
        elements.getTypeElement(
            ProjectionNames.qualified(packageName, ProjectionNames.flatName(type)));
    return other != null && other.getNestingKind() == NestingKind.TOP_LEVEL;
  }

  private static boolean isUnresolved(TypeElement type, List<VariableElement> fields) {
    for (VariableElement field : fields) {
      if (ProjectionTypes.isUnresolved(field.asType())) {
        return true;
      }
    }
    for (Element current = type;
        current instanceof TypeElement enclosing;
        current = current.getEnclosingElement()) {
      for (TypeParameterElement parameter : enclosing.getTypeParameters()) {
        for (TypeMirror bound : parameter.getBounds()) {
          if (ProjectionTypes.isUnresolved(bound)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private List<AnnotationSpec> classAnnotations(TypeElement type) {
    List<AnnotationSpec> annotations = new ArrayList<>(2);
    if (generatedAvailable) {
      annotations.add(
          AnnotationSpec.builder(GENERATED)
              .addMember("value", "$S", ProjectionEligibility.GENERATOR)
              .build());
    }
    if (isDeprecated(type)) {
      // Uses of a deprecated class are not warned about inside deprecated code: so mark ours.
      annotations.add(AnnotationSpec.builder(Deprecated.class).build());
    }
    return annotations;
  }

  /** Whether {@code type} or a class it is nested in is deprecated. */
  private boolean isDeprecated(TypeElement type) {
    for (Element current = type;
        current instanceof TypeElement enclosing;
        current = current.getEnclosingElement()) {
      if (elements.isDeprecated(enclosing)) {
        return true;
      }
    }
    return false;
  }

  private void writeFile(JavaFile file) {
    try {
      file.writeTo(filer);
    } catch (IOException alreadyWrittenOrUnwritable) {
      // FilerException: the type exists already (hand-written, or ours from an earlier round).
      // Any other IOException: javac reports unwritable output itself. Nothing to add either way.
    }
  }
}
