package org.pinning.processor.javac;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.pinning.processor.report.Messages;

/**
 * The clock {@code pin.stats} times the checks with (DESIGN.md §9). Wall time also counts other
 * processes and the collector's pauses, so on a busy machine it says more about the machine than
 * about the checks. The compiling thread's CPU time counts only the work done on it, but the JVM's
 * management module takes time to start, so only a compilation that asks for the figures before
 * it starts ({@code -Xplugin:"Pinning stats=true"}) pays for it.
 */
final class CheckClock {
  /** Null for wall time. */
  private final ThreadMXBean threads;

  private CheckClock(ThreadMXBean threads) {
    this.threads = threads;
  }

  static CheckClock wall() {
    return new CheckClock(null);
  }

  /** The compiling thread's CPU time, or wall time where the JVM cannot tell it. */
  static CheckClock threadCpu() {
    try {
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      if (threads.isCurrentThreadCpuTimeSupported()
          && threads.isThreadCpuTimeEnabled()
          && threads.getCurrentThreadCpuTime() >= 0) {
        return new CheckClock(threads);
      }
    } catch (LinkageError | RuntimeException unavailable) {
      // a runtime image without java.management: wall time will do
    }
    return wall();
  }

  /** What {@link #nanos} counts: the current thread's CPU time, or wall time. */
  Messages.TimeMeasured measures() {
    return threads != null
        ? Messages.TimeMeasured.COMPILING_THREAD_CPU
        : Messages.TimeMeasured.WALL_CLOCK;
  }

  /**
   * A reading in nanoseconds: only differences between two readings on one thread mean anything.
   */
  long nanos() {
    return threads == null ? System.nanoTime() : threads.getCurrentThreadCpuTime();
  }
}
