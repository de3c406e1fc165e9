package org.pinning.samples.list;

import org.pinning.Pinned;
import org.pinning.Unpin;

/**
 * A node of an intrusive doubly linked list: it carries its own {@code prev}/{@code next}
 * links, so its neighbours point at this very object. A copy of a linked node would have
 * links that its neighbours do not point back at, and replacing its payload would change what
 * a linked position holds behind the back of whoever holds the payload; so the node is
 * {@code @Pinned}: it can be neither cloned, serialized nor copy-constructed, and its
 * payload is a {@code @Pinned final} field. The links are {@code @Unpin}: the list rewires
 * them.
 */
@Pinned
final class Node {
  @Unpin Node prev;
  @Unpin Node next;
  @Pinned final Payload payload;

  Node(String name) {
    this.payload = new Payload(name);
  }

  boolean isLinked() {
    return prev != null || next != null;
  }
}
