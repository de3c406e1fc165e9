package org.pinning.samples.rejected.afterpin;

import java.util.ArrayDeque;
import java.util.Deque;
import org.pinning.Pinned;

/**
 * pin:after-pin. A teammate added a "last spawned task" field for a debug command and set it
 * right after spawning. {@code spawn} pinned the task (the ready queue holds it by identity),
 * so storing it afterwards in a plain field moves a pinned value. Fix: keep only what the debug
 * command needs (the task's name), or keep the task in a {@code List<@Pinned Task>}.
 */
public final class LastSpawned {
  private final Deque<@Pinned Task> ready = new ArrayDeque<>();
  private Task lastSpawned;

  void spawn(@Pinned Task task) {
    ready.add(task);
  }

  void start(String name) {
    Task task = new Task(name);
    spawn(task);
    lastSpawned = task;
  }
}

@Pinned
final class Task {
  final String name;

  Task(String name) {
    this.name = name;
  }
}
