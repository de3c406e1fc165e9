package org.pinning.samples.list;

import java.util.function.Consumer;
import org.pinning.Pinned;

/**
 * The owner of an intrusive list: it only rewires the links the nodes carry, and finds a
 * node to unlink by identity, never by copying or searching for an equal value.
 */
final class IntrusiveList {
  private Node head;
  private Node tail;
  private int size;

  /** Links a fresh node at the end; the node is pinned by whoever keeps it afterwards. */
  void linkLast(Node node) {
    if (node.isLinked() || node == head) {
      throw new IllegalStateException("node is already linked");
    }
    node.prev = tail;
    if (tail == null) {
      head = node;
    } else {
      tail.next = node;
    }
    tail = node;
    size++;
  }

  /** Unlinks a node by identity; the node is lent pinned and never stored anywhere. */
  void unlink(@Pinned Node node) {
    if (node.prev == null) {
      head = node.next;
    } else {
      node.prev.next = node.next;
    }
    if (node.next == null) {
      tail = node.prev;
    } else {
      node.next.prev = node.prev;
    }
    node.prev = null;
    node.next = null;
    size--;
  }

  /** Visits every linked payload, front to back, through the node's projection. */
  void forEach(Consumer<String> action) {
    for (Node n = head; n != null; n = n.next) {
      @Pinned Payload payload = NodeProjection.project(n).payload();
      payload.visits++;
      action.accept(payload.name + "#" + payload.visits);
    }
  }

  int size() {
    return size;
  }
}
