package org.pinning.processor.rules;

import javax.lang.model.element.TypeElement;

/**
 * What a rule may ask about the sources of this compilation beyond {@code javax.lang.model}: javac
 * answers from its trees; other compilers answer conservatively.
 */
public interface Sources {
  /**
   * Whether {@code type} is declared in the sources being compiled (not read from a class file).
   */
  boolean isFromSource(TypeElement type);

  /** Whether {@code type}'s source declares an instance initializer block. */
  boolean hasInstanceInitializer(TypeElement type);
}
