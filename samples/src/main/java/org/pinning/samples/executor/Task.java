package org.pinning.samples.executor;

import org.pinning.Pinned;

/**
 * A hand-written coroutine: what a Rust {@code async fn} compiles into. Each {@link #poll}
 * runs to the next suspension point. Across them the task keeps {@code readPos} into its own
 * {@code @Pinned final} buffer (Rust's self-referential future), and the executor, the waker
 * queue and the reactor all hold the task by identity; so the task is {@code @Pinned}: once it
 * is spawned it is never copied or moved out of the runtime's pinned containers.
 */
@Pinned
final class Task {
  private static final int FILLING = 0;
  private static final int SLEEPING = 1;
  private static final int DRAINING = 2;
  private static final int CHUNK = 6;

  final String name;
  private final String input;
  private final int nap;
  @Pinned final Buffer buffer;
  private int state = FILLING;
  private int inputPos;
  private int readPos;

  Task(String name, String input, int nap) {
    this.name = name;
    this.input = input;
    this.nap = nap;
    this.buffer = new Buffer(input.length());
  }

  /** Runs to the next suspension point; returns true when the task has finished. */
  boolean poll(Executor ex) {
    switch (state) {
      case FILLING: {
        int end = Math.min(inputPos + CHUNK, input.length());
        buffer.append(input.substring(inputPos, end));
        inputPos = end;
        ex.log(name + " buffered " + buffer.len + "/" + input.length());
        if (inputPos == input.length()) {
          state = SLEEPING;
        }
        ex.wake(this);
        return false;
      }
      case SLEEPING:
        ex.log(name + " waits " + nap + " ticks");
        state = DRAINING;
        ex.reactor.sleep(this, ex.now() + nap);
        return false;
      default: {
        int end = buffer.wordEnd(readPos);
        ex.log(name + " word '" + buffer.slice(readPos, end) + "'");
        readPos = end + 1;
        if (readPos >= buffer.len) {
          return true;
        }
        ex.wake(this);
        return false;
      }
    }
  }
}
