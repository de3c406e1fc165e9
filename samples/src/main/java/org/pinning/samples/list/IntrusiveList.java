package org.pinning.samples.list;

import java.util.function.Consumer;
import org.pinning.Pinned;

/**
 * An intrusive doubly linked list. It allocates nothing per element: it only rewires the links
 * the nodes carry, and it unlinks a node by identity, never by searching for an equal value.
 *
 * <p>Its ends are pinned slots, like the nodes' links. {@link #linkLast} and {@link #unlink}
 * take their node {@code @Pinned} (Rust's {@code Pin<&mut Node>}): the caller owns the node and
 * pins it by passing it, so the list may keep it in its slots. Declared as a plain
 * {@code Node}, the parameter would be a borrow that the list could not store anywhere pinned.
 * Links are rewired through the nodes' generated projections ({@code NodeProjection}, Rust's
 * {@code node.project()}): {@code setPrev}/{@code setNext} take pinned values only.
 */
final class IntrusiveList {
  private @Pinned Node head;
  private @Pinned Node tail;
  private int size;

  /** Links a node at the end: the caller pins it by passing it, and the list keeps it. */
  void linkLast(@Pinned Node node) {
    if (node.isLinked() || node == head) {
      throw new IllegalStateException("node is already linked");
    }
    NodeProjection.project(node).setPrev(tail);
    if (tail == null) {
      head = node;
    } else {
      NodeProjection.project(tail).setNext(node);
    }
    tail = node;
    size++;
  }

  /**
   * Unlinks a node by identity: its neighbours are joined, and its own links cleared. The node
   * stays pinned (pinning is for good), so whoever holds it still holds it pinned.
   */
  void unlink(@Pinned Node node) {
    NodeProjection links = NodeProjection.project(node);
    @Pinned Node before = links.prev();
    @Pinned Node after = links.next();
    if (before == null) {
      head = after;
    } else {
      NodeProjection.project(before).setNext(after);
    }
    if (after == null) {
      tail = before;
    } else {
      NodeProjection.project(after).setPrev(before);
    }
    links.setPrev(null);
    links.setNext(null);
    size--;
  }

  /** Visits every linked payload, front to back; the cursor is a pinned local (a slot too). */
  void forEach(Consumer<String> action) {
    for (@Pinned Node n = head; n != null; n = n.next) {
      @Pinned Payload payload = NodeProjection.project(n).payload();
      payload.visits++;
      action.accept(payload.name + "#" + payload.visits);
    }
  }

  int size() {
    return size;
  }
}
