package org.acme.list;

import org.acme.core.Task;
import org.pinning.Pinned;
import org.pinning.Unpin;

final class Slot<@Unpin T> {
  T value;
}

/** An @Unpin contradiction, in a class that gets no projection (which would repeat it). */
final class Spares {
  final Slot<Task> spare = new Slot<>(); // expect pin:unpin
}

/** A misplaced pin, and a pinned value stored in an array. */
final class Nodes {
  @Pinned final int id = 1; // expect pin:misplaced
  final Task[] all = new Task[4];

  void keep(@Pinned Task task) {
    all[0] = task; // expect pin:move
  }
}
