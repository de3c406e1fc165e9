package org.pinning.samples.list;

import org.pinning.Pinned;

/**
 * A node of an intrusive doubly linked list: it carries its own {@code prev}/{@code next}
 * links, so its neighbours point at this very object. A copy of a linked node would have
 * links that its neighbours do not point back at, so the node type is {@code @Pinned}: it can
 * be neither cloned, serialized nor copy-constructed, and once a node is pinned no one may move
 * it into an ordinary field, parameter or collection.
 *
 * <p>The links are pinned slots ({@code @Pinned}, not {@code final}; Rust's
 * {@code Option<Pin<Box<Node>>>} links, or the raw pointers of an unsafe list made safe): the
 * list rewires them as nodes come and go, but whatever a link holds is pinned. Rewiring moves
 * references, never nodes. The payload is structurally pinned ({@code @Pinned final}, Rust's
 * {@code #[pin]}): it is the node's for life. Slots do not pin their class; {@code @Pinned} on
 * the class does.
 */
@Pinned
final class Node {
  @Pinned Node prev;
  @Pinned Node next;
  @Pinned final Payload payload;

  Node(String name) {
    this.payload = new Payload(name);
  }

  boolean isLinked() {
    return prev != null || next != null;
  }
}
