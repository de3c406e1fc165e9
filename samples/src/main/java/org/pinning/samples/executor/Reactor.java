package org.pinning.samples.executor;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.pinning.Pinned;

/** Holds sleeping tasks by identity and wakes each at its deadline (a timer reactor). */
final class Reactor {
  private final List<@Pinned Task> sleepers = new ArrayList<>();
  private final List<Integer> deadlines = new ArrayList<>();

  void sleep(@Pinned Task task, int deadline) {
    sleepers.add(task);
    deadlines.add(deadline);
  }

  boolean isIdle() {
    return sleepers.isEmpty();
  }

  int nextDeadline() {
    int next = Integer.MAX_VALUE;
    for (int d : deadlines) {
      next = Math.min(next, d);
    }
    return next;
  }

  /** Wakes, in sleeping order, every task whose deadline has come. */
  void fire(Executor ex) {
    Iterator<@Pinned Task> tasks = sleepers.iterator();
    Iterator<Integer> times = deadlines.iterator();
    while (tasks.hasNext()) {
      @Pinned Task task = tasks.next();
      if (times.next() <= ex.now()) {
        tasks.remove();
        times.remove();
        ex.wake(task);
      }
    }
  }
}
