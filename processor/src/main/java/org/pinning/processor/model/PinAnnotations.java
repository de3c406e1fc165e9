package org.pinning.processor.model;

import javax.lang.model.AnnotatedConstruct;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;

/** Finds {@code @Pinned} and {@code @Unpin} on elements and types, by name. */
public final class PinAnnotations {
  public static final String PINNED = "org.pinning.Pinned";
  public static final String UNPIN = "org.pinning.Unpin";
  private static final String PINNED_SIMPLE = "Pinned";
  private static final String UNPIN_SIMPLE = "Unpin";

  private PinAnnotations() {}

  /** The {@code @Pinned} annotation on {@code construct}, or null. */
  public static AnnotationMirror pinned(AnnotatedConstruct construct) {
    return find(construct, PINNED, PINNED_SIMPLE);
  }

  /** The {@code @Unpin} annotation on {@code construct}, or null. */
  public static AnnotationMirror unpin(AnnotatedConstruct construct) {
    return find(construct, UNPIN, UNPIN_SIMPLE);
  }

  public static boolean hasPinned(AnnotatedConstruct construct) {
    return pinned(construct) != null;
  }

  public static boolean hasUnpin(AnnotatedConstruct construct) {
    return unpin(construct) != null;
  }

  /** Whether {@code mirror} is an {@code @Pinned}. */
  public static boolean isPinned(AnnotationMirror mirror) {
    return is(mirror, PINNED, PINNED_SIMPLE);
  }

  /** Whether {@code mirror} is an {@code @Unpin}. */
  public static boolean isUnpin(AnnotationMirror mirror) {
    return is(mirror, UNPIN, UNPIN_SIMPLE);
  }

  private static AnnotationMirror find(
      AnnotatedConstruct construct, String qualified, String simple) {
    // Most elements carry no annotation at all: checking size first keeps this allocation-free.
    var mirrors = construct.getAnnotationMirrors();
    if (mirrors.isEmpty()) {
      return null;
    }
    for (AnnotationMirror mirror : mirrors) {
      if (is(mirror, qualified, simple)) {
        return mirror;
      }
    }
    return null;
  }

  private static boolean is(AnnotationMirror mirror, String qualified, String simple) {
    if (mirror.getAnnotationType().getKind() != TypeKind.DECLARED) {
      return false; // the annotations are missing from the class path: javac reports that
    }
    TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
    // javac decodes a name on every length(), charAt() and contentEquals(): compare the short
    // simple name once, which rules out every other annotation, before the qualified name.
    return type.getSimpleName().toString().equals(simple)
        && type.getQualifiedName().contentEquals(qualified);
  }
}
