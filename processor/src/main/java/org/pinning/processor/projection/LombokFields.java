package org.pinning.processor.projection;

import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * Fields that Lombok makes private after this processor has read them: {@code @Value} and
 * {@code @FieldDefaults(level = PRIVATE)} rewrite the modifiers in the same round, so the elements
 * still look package-private here and a projection of them would not compile.
 */
final class LombokFields {
  private static final String VALUE = "lombok.Value";
  private static final String FIELD_DEFAULTS = "lombok.experimental.FieldDefaults";
  private static final String PACKAGE_PRIVATE = "lombok.experimental.PackagePrivate";

  private LombokFields() {}

  /** Whether Lombok turns {@code field}, declared without an access modifier, private. */
  static boolean madePrivate(VariableElement field) {
    if (has(field, PACKAGE_PRIVATE)
        || !(field.getEnclosingElement() instanceof TypeElement owner)) {
      return false;
    }
    for (AnnotationMirror mirror : owner.getAnnotationMirrors()) {
      String name = nameOf(mirror);
      if (name.equals(VALUE) || (name.equals(FIELD_DEFAULTS) && levelIsPrivate(mirror))) {
        return true;
      }
    }
    return false;
  }

  private static boolean levelIsPrivate(AnnotationMirror mirror) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
        mirror.getElementValues().entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals("level")) {
        return entry.getValue().getValue().toString().equals("PRIVATE");
      }
    }
    return false;
  }

  private static boolean has(Element element, String annotation) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      if (nameOf(mirror).equals(annotation)) {
        return true;
      }
    }
    return false;
  }

  private static String nameOf(AnnotationMirror mirror) {
    return ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
  }
}
