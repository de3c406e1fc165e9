package org.acme.list;

import org.acme.core.Task;
import org.pinning.Pinned;

interface Waker {
  void wake(@Pinned Task task);
}

/** Drops the @Pinned its interface promises. */
final class LoggingWaker implements Waker {
  @Override
  public void wake(Task task) { // expect pin:override
    System.out.println(task.name);
  }
}
