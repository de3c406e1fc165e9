package org.pinning.processor.model;

import java.util.List;
import javax.lang.model.AnnotatedConstruct;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.Name;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Elements;

/**
 * Finds {@code @Pinned} and {@code @Unpin} on elements and types, for one compilation.
 *
 * <p>Every element the checks meet is asked, so the common answer (another annotation, or none)
 * must cost nothing: javac's names compare by identity, while reading their contents decodes them
 * each time. The qualified name is read only for an annotation called {@code Pinned} or {@code
 * Unpin}, and once per annotation type.
 */
public final class PinAnnotations {
  public static final String PINNED = "org.pinning.Pinned";
  public static final String UNPIN = "org.pinning.Unpin";

  private final Kind pinned;
  private final Kind unpin;

  public PinAnnotations(Elements elements) {
    this.pinned = new Kind(elements.getName("Pinned"), PINNED);
    this.unpin = new Kind(elements.getName("Unpin"), UNPIN);
  }

  /**
   * The first construct seen carrying an {@code @Pinned} or {@code @Unpin} that does not resolve (a
   * class file compiled with the annotations, read without them), or null: its pins are invisible.
   */
  public AnnotatedConstruct unresolvedOn() {
    return pinned.unresolvedOn != null ? pinned.unresolvedOn : unpin.unresolvedOn;
  }

  /** The {@code @Pinned} annotation on {@code construct}, or null. */
  public AnnotationMirror pinned(AnnotatedConstruct construct) {
    return find(construct, pinned);
  }

  /** The {@code @Unpin} annotation on {@code construct}, or null. */
  public AnnotationMirror unpin(AnnotatedConstruct construct) {
    return find(construct, unpin);
  }

  public boolean hasPinned(AnnotatedConstruct construct) {
    return pinned(construct) != null;
  }

  public boolean hasUnpin(AnnotatedConstruct construct) {
    return unpin(construct) != null;
  }

  /** The type arguments of {@code type} written {@code @Pinned}; none where it is not declared. */
  public ArgumentMask pinnedArguments(TypeMirror type) {
    if (type.getKind() != TypeKind.DECLARED) {
      return ArgumentMask.NONE;
    }
    List<? extends TypeMirror> arguments = ((DeclaredType) type).getTypeArguments();
    ArgumentMask mask = ArgumentMask.NONE;
    for (int i = 0; i < arguments.size() && ArgumentMask.tracks(i); i++) {
      if (isPinnedArgument(arguments.get(i))) {
        mask = mask.with(i);
      }
    }
    return mask;
  }

  /**
   * Whether a type argument is written {@code @Pinned}: {@code List<@Pinned Task>}, or the bound of
   * a wildcard, {@code List<? extends @Pinned Task>}.
   */
  public boolean isPinnedArgument(TypeMirror argument) {
    if (hasPinned(argument)) {
      return true;
    }
    if (argument.getKind() == TypeKind.WILDCARD) {
      TypeMirror bound = ((WildcardType) argument).getExtendsBound();
      return bound != null && hasPinned(bound);
    }
    return false;
  }

  /**
   * Whether {@code type}, the type of an annotation written in a tree, is {@code @Pinned}: the same
   * recognition as for mirrors, for code that reads annotation trees.
   */
  public boolean isPinnedType(Element type) {
    return type != null && type.asType().getKind() == TypeKind.DECLARED && pinned.isType(type);
  }

  /** Whether {@code mirror} is an {@code @Pinned}. */
  public boolean isPinned(AnnotationMirror mirror) {
    return pinned.is(mirror, null);
  }

  /** Whether {@code mirror} is an {@code @Unpin}. */
  public boolean isUnpin(AnnotationMirror mirror) {
    return unpin.is(mirror, null);
  }

  private static AnnotationMirror find(AnnotatedConstruct construct, Kind kind) {
    // Most elements carry no annotation at all: checking size first keeps this allocation-free.
    var mirrors = construct.getAnnotationMirrors();
    if (mirrors.isEmpty()) {
      return null;
    }
    for (AnnotationMirror mirror : mirrors) {
      if (kind.is(mirror, construct)) {
        return mirror;
      }
    }
    return null;
  }

  /** One of the two annotations, recognised by its simple name, then its qualified name. */
  private static final class Kind {
    private final Name simpleName;
    private final String qualifiedName;

    /** The annotation type once seen: later mirrors of it are recognised by identity. */
    private Element known;

    /** The first construct whose annotation of this name did not resolve. */
    private AnnotatedConstruct unresolvedOn;

    Kind(Name simpleName, String qualifiedName) {
      this.simpleName = simpleName;
      this.qualifiedName = qualifiedName;
    }

    /** Whether {@code mirror}, found on {@code construct} (null if unknown), is this annotation. */
    boolean is(AnnotationMirror mirror, AnnotatedConstruct construct) {
      Element type = mirror.getAnnotationType().asElement();
      if (type == null) {
        return false;
      }
      if (type == known) {
        return true;
      }
      if (mirror.getAnnotationType().getKind() == TypeKind.DECLARED) {
        return isType(type);
      }
      // An error type: the annotations are missing from the class path. In a source file javac
      // says so; in a class file it says nothing, and the listener notes it once.
      if (unresolvedOn == null && construct != null && isNamed(type)) {
        unresolvedOn = construct;
      }
      return false;
    }

    /** Whether the declared annotation type {@code type} is this one. */
    boolean isType(Element type) {
      if (type == known) {
        return true;
      }
      if (!isNamed(type)) {
        return false;
      }
      known = type;
      return true;
    }

    /** Whether {@code type} has this annotation's qualified name, resolved or not. */
    private boolean isNamed(Element type) {
      return type.getSimpleName().equals(simpleName)
          && type instanceof TypeElement typeElement
          && typeElement.getQualifiedName().contentEquals(qualifiedName);
    }
  }
}
