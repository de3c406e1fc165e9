package org.pinning.samples.executor;

import java.util.ArrayDeque;
import java.util.Deque;
import org.pinning.Pinned;

/**
 * A single-threaded executor: a ready queue of pinned tasks polled round-robin, and a
 * {@link Reactor} that wakes sleeping ones. Tasks are spawned into pinned containers and only
 * ever lent to code as {@code @Pinned} parameters, so none of them moves while it runs.
 */
public final class Executor {
  final Reactor reactor = new Reactor();
  private final Deque<@Pinned Task> ready = new ArrayDeque<>();
  private int now;

  void spawn(@Pinned Task task) {
    ready.add(task);
  }

  /** The waker: puts a task back on the ready queue. */
  void wake(@Pinned Task task) {
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
      reactor.fire(this);
      @Pinned Task task = ready.poll();
      if (task != null) {
        if (task.poll(this)) {
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
    ex.spawn(new Task("B", "self ref", 1));
    ex.run();
  }
}
