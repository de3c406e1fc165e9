package org.pinning.samples.rejected.supertype;

import java.util.List;
import org.pinning.Pinned;

/**
 * pin:supertype (warning). A teammate pulled tracing into an abstract base class that adds
 * {@code this} to a trace list, and made the pinned task extend it. The base class is not
 * pinned, so its code sees {@code this} as a movable value and moves the task into a list
 * nothing pins. Fix: annotate {@code Traced} {@code @Pinned}; its code is then checked and
 * must use a {@code List<@Pinned Object>}.
 */
@Pinned
public final class TracedTask extends Traced {
  int state;
}

abstract class Traced {
  void trace(List<Object> log) {
    log.add(this);
  }
}
