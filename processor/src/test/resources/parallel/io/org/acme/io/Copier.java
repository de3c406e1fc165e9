package org.acme.io;

import java.util.ArrayList;
import java.util.List;
import org.acme.core.Executor;
import org.acme.core.Task;
import org.pinning.Pinned;

@Pinned
final class Frame implements Cloneable { // expect pin:copy
  int seq;
}

/** A task moved after it was pinned. */
final class Copier {
  private final List<Task> history = new ArrayList<>();

  void spawnAndKeep(Executor executor) {
    Task task = new Task("copy", "a b");
    executor.spawn(task);
    history.add(task); // expect pin:after-pin
  }
}
