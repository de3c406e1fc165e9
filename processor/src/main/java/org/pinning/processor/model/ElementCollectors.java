package org.pinning.processor.model;

import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * The JDK's collectors that gather a stream's elements, as they are, into a collection ({@code
 * Collectors.toList()}, {@code toSet()}, {@code toCollection(ArrayDeque::new)}…): collecting a
 * stream of pinned elements with one of them makes a container of pinned elements (§4.7).
 * javac infers the collection's type argument and drops {@code @Pinned} from it, so the checker
 * knows these by name, as it knows the borrowing methods.
 */
public final class ElementCollectors {
  private static final String COLLECTORS = "java.util.stream.Collectors";

  private static final Set<String> GATHERING =
      Set.of("toList", "toSet", "toUnmodifiableList", "toUnmodifiableSet", "toCollection");

  private ElementCollectors() {}

  /** Whether {@code factory} makes a collector that gathers the elements themselves. */
  public static boolean gathersElements(ExecutableElement factory) {
    return GATHERING.contains(factory.getSimpleName().toString())
        && factory.getEnclosingElement() instanceof TypeElement owner
        && owner.getQualifiedName().contentEquals(COLLECTORS);
  }
}
