package org.pinning.samples.list;

import java.util.ArrayList;
import java.util.List;
import org.pinning.Pinned;

/**
 * Runs the intrusive list: links four nodes, iterates, unlinks two of them by identity
 * (a middle one and the head), iterates again. The demo creates each node, so it owns it and
 * may pin it: {@code linkLast} pins it, and from then on the demo keeps it only in a
 * {@code List<@Pinned Node>}, a pinned container. The list's links and that container point at
 * the same objects, which is exactly why those objects must not move.
 */
public final class ListDemo {
  private ListDemo() {}

  public static void main(String[] args) {
    IntrusiveList list = new IntrusiveList();
    List<@Pinned Node> nodes = new ArrayList<>();
    for (String name : new String[] {"a", "b", "c", "d"}) {
      Node node = new Node(name);
      list.linkLast(node);
      nodes.add(node);
    }
    print("linked", list);

    @Pinned Node b = nodes.get(1);
    list.unlink(b);
    System.out.println("unlinked " + NodeProjection.project(b).payload().name
        + ", still linked: " + b.isLinked());
    list.unlink(nodes.get(0));
    print("after removals", list);
  }

  private static void print(String label, IntrusiveList list) {
    StringBuilder line = new StringBuilder(label).append(" (").append(list.size()).append("):");
    list.forEach(s -> line.append(' ').append(s));
    System.out.println(line);
  }
}
