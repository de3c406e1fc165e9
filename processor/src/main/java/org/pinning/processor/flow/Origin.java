package org.pinning.processor.flow;

import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * Where a value the method does not own comes from (DESIGN.md §4.9): the owner component of a
 * value, as data. A value is owned where it is fresh ({@code new}), handed over (a call's result),
 * or pinned already; the analysis says so by having no origin for it. {@code Messages} alone turns
 * an origin into words and a help line fitted to it.
 *
 * @param kind what kind of source still holds the value
 * @param source the source as the code names it: {@code t}, {@code this}, {@code tasks}
 * @param element the declaration the help line names: the parameter, the method or constructor
 *     whose receiver it is (null in an initializer), the field; null for the other kinds
 * @param context the class whose code reads the value, so that a field of another class is named
 *     with its owner
 */
public record Origin(Kind kind, String source, Element element, TypeElement context) {

  /** The kinds of source that keep an unpinned alias of the value they give. */
  public enum Kind {
    /** A parameter not declared {@code @Pinned}: the caller holds the value. */
    PARAMETER,
    /** {@code this} in a method whose receiver is not pinned: the caller holds it. */
    RECEIVER,
    /** {@code this} in a constructor or initializer of objects not pinned from birth. */
    CONSTRUCTED,
    /** A field that is not {@code @Pinned}, of any object. */
    FIELD,
    /** An element of an array. */
    ARRAY_ELEMENT,
    /** An element read from a container whose element type is not {@code @Pinned}. */
    CONTAINER_ELEMENT,
    /** A lambda parameter not pinned by its container. */
    LAMBDA_PARAMETER,
    /** A catch parameter. */
    CATCH_PARAMETER
  }

  /** Stands in a local's entry for "owned" where its declaration says otherwise (a parameter). */
  static final Origin OWNED = new Origin(null, "", null, null);

  /** Whether this is the stand-in for an owned value. */
  boolean isOwned() {
    return kind == null;
  }
}
