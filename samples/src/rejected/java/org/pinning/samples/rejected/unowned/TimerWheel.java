package org.pinning.samples.rejected.unowned;

import java.util.ArrayList;
import java.util.List;
import org.pinning.Pinned;

/**
 * pin:unowned. A timer arms itself by adding {@code this} to its wheel's pinned list. But
 * {@code arm} does not declare its receiver pinned, so its caller may hold the timer unpinned
 * and move it after the wheel pinned it. Fix: declare a pinned receiver, {@code void
 * arm(@Pinned Timer this, TimerWheel wheel)} (Rust's {@code self: Pin<&mut Self>}): callers must
 * then pin the timer before arming it.
 */
public final class TimerWheel {
  final List<@Pinned Timer> timers = new ArrayList<>();
}

@Pinned
final class Timer {
  long deadline;

  void arm(TimerWheel wheel) {
    wheel.timers.add(this);
  }
}
