package org.pinning.samples.rejected.move;

import java.util.ArrayDeque;
import java.util.Deque;
import org.pinning.Pinned;

/**
 * pin:move. A teammate wanted the executor's current task at hand for logging and cached it in
 * a plain field. That field is an unpinned place: whoever reads it may move the task out of the
 * runtime while the waker queue still holds it by identity. Fix: keep the task in the local
 * the executor polled it into (a local takes on the pin), and log its name instead.
 */
public final class CachedTask {
  private final Deque<@Pinned Task> ready = new ArrayDeque<>();
  private Task current;

  void runOnce() {
    @Pinned Task task = ready.poll();
    if (task != null) {
      current = task;
      task.poll();
    }
  }
}

@Pinned
final class Task {
  private int state;

  boolean poll() {
    return ++state > 3;
  }
}
