package org.pinning.samples.executor;

import org.pinning.Pinned;

/**
 * A hand-written coroutine: what a Rust {@code async fn} compiles into, a {@link Future} whose
 * {@link #poll} runs to the next suspension point. Across them the task keeps {@code readPos}
 * into its own {@code @Pinned final} buffer (Rust's self-referential future), and the
 * executor's run queue and the wakers hold the task by identity; so the task is
 * {@code @Pinned}: once it is pinned it is never copied or moved out of the runtime's pinned
 * containers.
 *
 * <p>A task is pinned in one of two ways. Made with {@link #Task(String, String, int)}, it is an
 * ordinary value until its creator hands it to {@link Executor#spawn}. Made with the
 * {@code @Pinned} constructor {@link #Task(Executor, String, String, int)}, it is pinned from
 * birth (Rust's {@code Box::pin(Task::new(..))}), so inside that constructor {@code this} is
 * pinned and owned, and the task registers itself.
 */
@Pinned
final class Task implements Future {
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

  /** A task for its creator to {@link Executor#spawn}. */
  Task(String name, String input, int nap) {
    this.name = name;
    this.input = input;
    this.nap = nap;
    this.buffer = new Buffer(input.length());
  }

  /**
   * A task pinned from birth that hands itself to {@code executor}. Without {@code @Pinned} on
   * the constructor, {@code this} would be a value whose creator may still move it, and handing
   * it to the executor's {@code @Pinned} parameter would pin something the constructor does not
   * own.
   */
  @Pinned
  Task(Executor executor, String name, String input, int nap) {
    this(name, input, nap);
    executor.adopt(this);
  }

  /**
   * Runs to the next suspension point; returns true when the task has finished. The receiver
   * is pinned, as {@link Future#poll} requires: the task is polled only where it is pinned.
   */
  @Override
  public boolean poll(@Pinned Task this, Context cx) {
    switch (state) {
      case FILLING: {
        int end = Math.min(inputPos + CHUNK, input.length());
        buffer.append(input.substring(inputPos, end));
        inputPos = end;
        cx.log(name + " buffered " + buffer.len + "/" + input.length());
        if (inputPos == input.length()) {
          state = SLEEPING;
        }
        cx.waker().wake();
        return false;
      }
      case SLEEPING:
        cx.log(name + " waits " + nap + " ticks");
        state = DRAINING;
        cx.wakeAt(cx.now() + nap);
        return false;
      default: {
        int end = buffer.wordEnd(readPos);
        cx.log(name + " word '" + buffer.slice(readPos, end) + "'");
        readPos = end + 1;
        if (readPos >= buffer.len) {
          return true;
        }
        cx.waker().wake();
        return false;
      }
    }
  }
}
