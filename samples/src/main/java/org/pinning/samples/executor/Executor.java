package org.pinning.samples.executor;

import java.util.ArrayDeque;
import java.util.Deque;
import org.pinning.Pinned;

/**
 * A single-threaded executor: a ready queue of pinned tasks polled round-robin through
 * {@link Future#poll}, and a {@link Reactor} that wakes sleeping ones.
 *
 * <p>The executor owns its tasks. It takes them over pinned: {@link #spawn} from whoever
 * created one (Rust's {@code spawn(Box::pin(future))}), {@link #adopt} from a task's own
 * {@code @Pinned} constructor. From then on a task lives in the pinned run queue
 * ({@code Deque<@Pinned Task>}) and in the wakers that capture it, and none of them moves it.
 */
public final class Executor {
  final Reactor reactor = new Reactor();
  private final Deque<@Pinned Task> ready = new ArrayDeque<>();
  private int now;

  /**
   * Takes over a task its caller created. The parameter is {@code @Pinned}, so passing a task
   * pins it in the caller: the caller may go on using it, but never move it again.
   */
  void spawn(@Pinned Task task) {
    ready.add(task);
  }

  /**
   * Takes over a task that registers itself from its {@code @Pinned} constructor: pinned from
   * birth, it may hand {@code this} over while it is being made.
   */
  void adopt(@Pinned Task task) {
    ready.add(task);
  }

  /** What every waker of {@code task} does: puts it back on the ready queue. */
  private void wake(@Pinned Task task) {
    ready.add(task);
  }

  int now() {
    return now;
  }

  void log(String event) {
    System.out.println("t=" + now + " " + event);
  }

  void run() {
    while (!ready.isEmpty() || !reactor.isIdle()) {
      if (ready.isEmpty()) {
        now = reactor.nextDeadline();
      }
      reactor.fire(now);
      @Pinned Task task = ready.poll();
      if (task != null) {
        // The waker captures the pinned task: capturing is not moving.
        if (task.poll(new Context(this, () -> wake(task)))) {
          TaskProjection done = TaskProjection.project(task);
          log(done.name() + " done, " + done.buffer().len + " chars in its pinned buffer");
        }
        now++;
      }
    }
  }

  public static void main(String[] args) {
    Executor ex = new Executor();
    ex.spawn(new Task("A", "pin the future", 2));
    new Task(ex, "B", "self ref", 1);
    ex.run();
  }
}
