package org.pinning.processor.report;

import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;

/**
 * {@code @SuppressWarnings("pin")} and {@code @SuppressWarnings("pin:<code>")} (DESIGN.md §6).
 * Looked up only when a finding is about to be reported. {@code "all"} does not count: Lombok puts
 * it on everything it generates.
 */
public final class Suppression {
  private Suppression() {}

  /** Whether {@code element} or a declaration enclosing it suppresses {@code code}. */
  public static boolean suppresses(Element element, Code code) {
    for (Element e = element; e != null; e = enclosing(e)) {
      if (suppressedOn(e, code)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code element} itself carries a suppression of {@code code}. */
  public static boolean suppressedOn(Element element, Code code) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
      if (!type.getQualifiedName().contentEquals("java.lang.SuppressWarnings")) {
        continue;
      }
      for (AnnotationValue value : mirror.getElementValues().values()) {
        if (names(value.getValue(), code)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean names(Object value, Code code) {
    if (value instanceof List<?> list) {
      for (Object item : list) {
        if (item instanceof AnnotationValue av && names(av.getValue(), code)) {
          return true;
        }
      }
      return false;
    }
    return "pin".equals(value) || code.id().equals(value);
  }

  private static Element enclosing(Element e) {
    return e.getKind() == ElementKind.PACKAGE || e.getKind() == ElementKind.MODULE
        ? null
        : e.getEnclosingElement();
  }
}
