package demo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.pinning.Pinned;
import org.pinning.Unpin;

/** A valid program under the discipline, with constructs the samples do not use. */
public final class Scheduler {
  private final List<@Pinned Job> jobs = new ArrayList<>();
  private final Map<String, @Pinned Job> byName = new HashMap<>();
  private final Slot<String> label = new Slot<>();
  private int ticks;

  void submit(@Pinned Job job) {
    jobs.add(Objects.requireNonNull(job));
    byName.put(job.name, job);
  }

  void tick() {
    for (Job job : jobs) {
      job.step(ticks);
    }
    jobs.forEach(job -> job.step(ticks));
    jobs.removeIf(Job::done);
    Iterator<@Pinned Job> it = jobs.iterator();
    while (it.hasNext()) {
      @Pinned Job next = it.next();
      if (next.done()) {
        it.remove();
      }
    }
    ticks++;
  }

  int pending(String name) {
    Job job = byName.get(name);
    Object o = job;
    if (o instanceof Job j && !j.done()) {
      return switch (j.state) {
        case 0 -> 1;
        case 1, 2 -> 2;
        default -> {
          int s = j.state;
          yield s;
        }
      };
    }
    return 0;
  }

  String describe() {
    StringBuilder out = new StringBuilder();
    jobs.stream().filter(j -> !j.done()).forEach(j -> out.append(j.name).append(' '));
    Optional.<@Pinned Job>ofNullable(byName.get("main")).ifPresent(j -> out.append(j.state));
    label.put("scheduler");
    return out + label.take();
  }

  void visit(Consumer<@Pinned Job> visitor) {
    for (@Pinned Job job : jobs) {
      visitor.accept(job);
    }
  }

  @SuppressWarnings("pin:move")
  Job escape(String name) {
    return byName.get(name);
  }

  static void main(String[] args) {
    Scheduler s = new Scheduler();
    @Pinned Job job = new Job("main", Priority.HIGH);
    s.submit(job);
    try (job.lease) {
      s.tick();
    }
    List<@Pinned Job> both = List.<@Pinned Job>of(job, new Job("b", Priority.LOW));
    Job first = both.get(0);
    s.visit(j -> System.out.println(j.name + first.state));
    Runnable r = job::stop;
    r.run();
    synchronized (job) {
      s.tick();
    }
  }
}

@Pinned
class Job {
  final String name;
  final Priority priority;
  int state;
  @Pinned final Lease lease = new Lease();
  @Unpin final Job parent = null;
  private final Watcher watcher = new Watcher();

  Job(String name, Priority priority) {
    this.name = name;
    this.priority = priority.flip();
  }

  void step(int tick) {
    state += tick > 0 ? 1 : 0;
    watcher.check();
  }

  boolean done() {
    return state > 3;
  }

  void stop() {
    state = 4;
  }

  final class Watcher {
    void check() {
      Job self = Job.this;
      if (self.state < 0) {
        throw new IllegalStateException(self.name);
      }
    }
  }
}

@Pinned
final class Lease implements AutoCloseable {
  int uses;

  @Override
  public void close() {
    uses++;
  }
}

final class Slot<@Unpin T> {
  private T value;

  void put(T v) {
    value = v;
  }

  T take() {
    T v = value;
    value = null;
    return v;
  }
}

enum Priority {
  LOW,
  HIGH;

  Priority flip() {
    return this == LOW ? HIGH : LOW;
  }
}
