package org.pinning.processor.model;

import java.util.List;

/**
 * A set of type-argument (or parameter) positions, one bit each: which type arguments of a type are
 * {@code @Pinned} ({@code List<@Pinned Task>}: position 0), or which parameters of a lambda receive
 * pinned elements. Positions from {@link #LIMIT} on are not tracked: no real type has that many
 * type parameters, and a lambda with that many parameters is treated as receiving nothing pinned
 * there.
 *
 * @param bits bit {@code i} set when position {@code i} is in the set
 */
public record ArgumentMask(int bits) {
  /** The first position not tracked: an {@code int} has 31 bits besides its sign. */
  public static final int LIMIT = 31;

  /** No position: the common case, no pinned type argument. */
  public static final ArgumentMask NONE = new ArgumentMask(0);

  /** The mask of {@code bits}, sharing {@link #NONE} for the common empty case. */
  public static ArgumentMask of(int bits) {
    return bits == 0 ? NONE : new ArgumentMask(bits);
  }

  /** Whether {@code position} may be tracked at all. */
  public static boolean tracks(int position) {
    return position >= 0 && position < LIMIT;
  }

  public boolean isEmpty() {
    return bits == 0;
  }

  /** Whether {@code position} is in the set. */
  public boolean has(int position) {
    return tracks(position) && (bits & (1 << position)) != 0;
  }

  /** This set with {@code position} added, where it may be tracked. */
  public ArgumentMask with(int position) {
    return tracks(position) ? of(bits | (1 << position)) : this;
  }

  /** The positions in this set or in {@code other}. */
  public ArgumentMask union(ArgumentMask other) {
    return of(bits | other.bits);
  }

  /** Whether every position of this set is also in {@code other}. */
  public boolean isWithin(ArgumentMask other) {
    return (bits & ~other.bits) == 0;
  }
}
