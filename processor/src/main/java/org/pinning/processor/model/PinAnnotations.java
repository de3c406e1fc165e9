package org.pinning.processor.model;

import javax.lang.model.AnnotatedConstruct;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Name;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;

/** Finds {@code @Pinned} and {@code @Unpin} on elements and types, by name. */
public final class PinAnnotations {
  public static final String PINNED = "org.pinning.Pinned";
  public static final String UNPIN = "org.pinning.Unpin";

  private PinAnnotations() {}

  /** The {@code @Pinned} annotation on {@code construct}, or null. */
  public static AnnotationMirror pinned(AnnotatedConstruct construct) {
    return find(construct, PINNED);
  }

  /** The {@code @Unpin} annotation on {@code construct}, or null. */
  public static AnnotationMirror unpin(AnnotatedConstruct construct) {
    return find(construct, UNPIN);
  }

  public static boolean hasPinned(AnnotatedConstruct construct) {
    return pinned(construct) != null;
  }

  public static boolean hasUnpin(AnnotatedConstruct construct) {
    return unpin(construct) != null;
  }

  /** Whether {@code mirror} is an {@code @Pinned}. */
  public static boolean isPinned(AnnotationMirror mirror) {
    return is(mirror, PINNED);
  }

  /** Whether {@code mirror} is an {@code @Unpin}. */
  public static boolean isUnpin(AnnotationMirror mirror) {
    return is(mirror, UNPIN);
  }

  private static AnnotationMirror find(AnnotatedConstruct construct, String name) {
    // Most elements carry no annotation at all: checking size first keeps this allocation-free.
    var mirrors = construct.getAnnotationMirrors();
    if (mirrors.isEmpty()) {
      return null;
    }
    for (AnnotationMirror mirror : mirrors) {
      if (is(mirror, name)) {
        return mirror;
      }
    }
    return null;
  }

  private static boolean is(AnnotationMirror mirror, String name) {
    if (mirror.getAnnotationType().getKind() != TypeKind.DECLARED) {
      return false; // the annotations are missing from the class path: javac reports that
    }
    TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
    // Lengths are free; comparing contents makes javac decode the name. Checking the simple
    // name's length too keeps @Override (as long as org.pinning.Pinned) from being decoded.
    Name qualified = type.getQualifiedName();
    return qualified.length() == name.length()
        && type.getSimpleName().length() == name.length() - PACKAGE_PREFIX_LENGTH
        && qualified.contentEquals(name);
  }

  /** {@code "org.pinning."}: both annotations live there. */
  private static final int PACKAGE_PREFIX_LENGTH = "org.pinning.".length();
}
