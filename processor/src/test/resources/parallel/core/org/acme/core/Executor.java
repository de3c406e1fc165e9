package org.acme.core;

import java.util.ArrayDeque;
import java.util.Deque;
import org.pinning.Pinned;

/** Holds tasks in a pinned container and lends them out pinned. */
public final class Executor {
  private final Deque<@Pinned Task> ready = new ArrayDeque<>();

  public void spawn(@Pinned Task task) {
    ready.add(task);
  }

  public int run() {
    int steps = 0;
    while (!ready.isEmpty()) {
      @Pinned Task task = ready.poll();
      if (!task.poll()) {
        ready.add(task);
      }
      steps++;
    }
    return steps;
  }
}
