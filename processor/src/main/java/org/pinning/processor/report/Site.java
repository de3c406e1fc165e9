package org.pinning.processor.report;

import com.sun.source.util.TreePath;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * Where a finding points. Declaration rules speak of elements (so they work from {@code
 * javax.lang.model} alone, under any compiler); body rules speak of tree paths. A {@link Reporter}
 * turns either into a caret position.
 */
public final class Site {
  private final Element element;
  private final AnnotationMirror annotation;
  private final TypeElement clause;
  private final TreePath path;

  private Site(Element element, AnnotationMirror annotation, TypeElement clause, TreePath path) {
    this.element = element;
    this.annotation = annotation;
    this.clause = clause;
    this.path = path;
  }

  /** The declaration of {@code element}. */
  public static Site of(Element element) {
    return new Site(element, null, null, null);
  }

  /** The annotation {@code annotation} on {@code element}. */
  public static Site annotation(Element element, AnnotationMirror annotation) {
    return new Site(element, annotation, null, null);
  }

  /** The {@code extends}/{@code implements} clause of {@code type} that names {@code supertype}. */
  public static Site clause(TypeElement type, TypeElement supertype) {
    return new Site(type, null, supertype, null);
  }

  /** A tree in a method body or declaration; {@code element} is its nearest declaration. */
  public static Site tree(TreePath path, Element element) {
    return new Site(element, null, null, path);
  }

  /** A tree whose nearest declaration the reporter finds from the path, should it need it. */
  public static Site tree(TreePath path) {
    return new Site(null, null, null, path);
  }

  /**
   * What a finding at this site judges unless its rule says otherwise: the tree, or the element
   * with the annotation or clause the caret goes under.
   */
  Object subject() {
    return path != null ? path.getLeaf() : new ElementPart(element, annotation, clause);
  }

  /** A part of a declaration, as a value: equal parts are one construct. */
  private record ElementPart(Element element, AnnotationMirror annotation, TypeElement clause) {}

  /** The element the site belongs to (for suppression and for the Messager). */
  public Element element() {
    return element;
  }

  /** The annotation the caret goes under, or null. */
  public AnnotationMirror annotation() {
    return annotation;
  }

  /** The supertype whose clause the caret goes under, or null. */
  public TypeElement clause() {
    return clause;
  }

  /** The tree the caret goes under, or null. */
  public TreePath path() {
    return path;
  }
}
