package org.pinning.samples.executor;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A timer reactor: keeps the wakers of sleeping tasks with their deadlines and calls each when
 * its deadline has come. Like a Rust timer wheel it holds wakers, not tasks: the tasks stay
 * where the executor pinned them, and a waker only names one.
 */
final class Reactor {
  private final List<Waker> sleepers = new ArrayList<>();
  private final List<Integer> deadlines = new ArrayList<>();

  void sleep(Waker waker, int deadline) {
    sleepers.add(waker);
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

  /** Wakes, in sleeping order, every task whose deadline has come by {@code now}. */
  void fire(int now) {
    Iterator<Waker> wakers = sleepers.iterator();
    Iterator<Integer> times = deadlines.iterator();
    while (wakers.hasNext()) {
      Waker waker = wakers.next();
      if (times.next() <= now) {
        wakers.remove();
        times.remove();
        waker.wake();
      }
    }
  }
}
