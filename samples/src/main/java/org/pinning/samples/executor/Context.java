package org.pinning.samples.executor;

/**
 * What one poll sees of the runtime: Rust's {@code Context<'_>}, which carries the waker of the
 * task being polled, plus the clock, the log and the timer that a tokio future reaches through
 * its runtime handle. It holds no task, only the waker, so it is an ordinary value.
 */
final class Context {
  private final Executor executor;
  private final Waker waker;

  Context(Executor executor, Waker waker) {
    this.executor = executor;
    this.waker = waker;
  }

  Waker waker() {
    return waker;
  }

  int now() {
    return executor.now();
  }

  void log(String event) {
    executor.log(event);
  }

  /** Has the reactor call this poll's waker at {@code deadline} (Rust: a {@code Sleep}). */
  void wakeAt(int deadline) {
    executor.reactor.sleep(waker, deadline);
  }
}
