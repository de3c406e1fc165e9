package org.acme.app;

import org.acme.core.Task;
import org.acme.exec.Scheduler;
import org.acme.exec.Stats;
import org.pinning.Pinned;

/** Valid use of exec's classes, and a pinned value returned from a method that is not @Pinned. */
public final class Main {
  private final Scheduler scheduler = new Scheduler();
  private final Stats stats = new Stats();

  Task give(@Pinned Task task) {
    return task; // expect pin:move
  }

  int run() {
    scheduler.start("a", "one two");
    scheduler.start("b", "three");
    stats.count++;
    return scheduler.finish();
  }
}
