package org.pinning.samples.executor;

/**
 * Rust's {@code Waker}: puts the task it was made for back on its executor's ready queue. The
 * executor makes one per poll as a lambda that captures the pinned task; capturing a pinned
 * value is not moving it, so a waker may be kept anywhere (the {@link Reactor} keeps them)
 * while the task itself stays in the executor's pinned containers.
 */
@FunctionalInterface
interface Waker {
  void wake();
}
