package org.pinning.samples.rejected.misplaced;

import java.util.ArrayList;
import java.util.List;
import org.pinning.Pinned;

/**
 * pin:misplaced. A teammate, to make it obvious that spawned tasks are pinned, wrote
 * {@code new @Pinned Task()}. An annotation on a {@code new} expression pins nothing: pins
 * belong to places. Fix: write {@code new Task()}; {@code spawn}'s {@code @Pinned} parameter
 * already pins it (or declare a {@code @Pinned Task} local).
 */
public final class PinnedSpawn {
  private final List<@Pinned Task> tasks = new ArrayList<>();

  void spawn(@Pinned Task task) {
    tasks.add(task);
  }

  void start() {
    spawn(new @Pinned Task());
  }
}

@Pinned
final class Task {
  int state;
}
