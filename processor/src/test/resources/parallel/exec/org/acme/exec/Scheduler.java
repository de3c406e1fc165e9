package org.acme.exec;

import java.util.ArrayList;
import java.util.List;
import org.acme.core.Executor;
import org.acme.core.Task;
import org.pinning.Pinned;

/** Valid use of core's pinned types across the module boundary. */
public final class Scheduler {
  private final Executor executor = new Executor();
  private final List<@Pinned Task> started = new ArrayList<>();

  public void start(String name, String input) {
    Task task = new Task(name, input);
    executor.spawn(task);
    started.add(task);
  }

  public int finish() {
    int chars = 0;
    for (Task t : started) {
      chars += t.buffer.len;
    }
    return executor.run() + chars;
  }
}
