package org.pinning.samples.rejected.copy;

import org.pinning.Pinned;

/**
 * pin:copy. A teammate added {@code implements Cloneable} to the intrusive list's node to
 * "duplicate an entry". A clone of a linked node has links its neighbours do not point back
 * at. Fix: remove {@code Cloneable}; to duplicate an entry, create a new node from the
 * payload's name and link that.
 */
@Pinned
public final class CloneableNode implements Cloneable {
  @Pinned CloneableNode prev;
  @Pinned CloneableNode next;
  final String name;

  CloneableNode(String name) {
    this.name = name;
  }
}
