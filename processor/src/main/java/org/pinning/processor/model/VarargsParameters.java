package org.pinning.processor.model;

import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.TypeKind;

/**
 * Varargs parameters ({@code Task... ts}): {@code @Pinned} on one is about the values passed for it,
 * which callers pass pinned and the method reads pinned from its array (DESIGN.md §4.1), not about
 * the array, which is known Unpin like every array.
 */
public final class VarargsParameters {
  private VarargsParameters() {}

  /** Whether {@code element} is the last parameter of a varargs method or constructor. */
  public static boolean isVarargs(Element element) {
    return element.getKind() == ElementKind.PARAMETER
        && element.asType().getKind() == TypeKind.ARRAY
        && element.getEnclosingElement() instanceof ExecutableElement method
        && method.isVarArgs()
        && method.getParameters().indexOf(element) == method.getParameters().size() - 1;
  }
}
