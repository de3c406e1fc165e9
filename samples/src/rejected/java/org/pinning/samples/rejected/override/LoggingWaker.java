package org.pinning.samples.rejected.override;

import org.pinning.Pinned;

/**
 * pin:override. A teammate wrote a waker that logs every wake-up and overrode
 * {@code wake} without copying the {@code @Pinned} from the interface. Inside it the task
 * would be an ordinary, movable value, though every caller lends it pinned. Fix: declare the
 * parameter {@code @Pinned Task task}, as the interface does.
 */
public final class LoggingWaker implements Waker {
  @Override
  public void wake(Task task) {
    System.out.println("wake " + task.name);
  }
}

interface Waker {
  void wake(@Pinned Task task);
}

@Pinned
final class Task {
  final String name = "A";
}
