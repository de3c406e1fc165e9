package org.pinning.processor.flow;

import javax.lang.model.type.TypeMirror;

/**
 * Where the result of a lambda or method reference goes, as its target type says (DESIGN.md §4.7):
 * into a pinned place where a {@code @Pinned} type argument of the target pins it ({@code
 * Supplier<@Pinned Buffer>}, the remapping function of {@code compute} on a {@code Map<K, @Pinned
 * V>}), else into an unpinned one. The rest is for the help line of a move into it.
 *
 * @param pinned whether the result is a pinned place
 * @param type the type the functional interface's method returns there ({@code Task} for a {@code
 *     Supplier<Task>}); null where unknown, and until a value flows into the result
 * @param container the receiver of the call that stores the result ({@code plain} of {@code
 *     plain.compute(k, f)}); null where the result goes to no container
 * @param containerType the static type of {@code container}; null with it
 */
public record LambdaResult(
    boolean pinned, TypeMirror type, String container, TypeMirror containerType) {

  /** A result nothing is known about: unpinned, and stored in no container. */
  public static final LambdaResult UNPINNED = new LambdaResult(false, null, null, null);
}
