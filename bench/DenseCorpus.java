import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a pin-dense synthetic corpus for bench/run: code written under the discipline, dense
 * with everything the checker looks at, that must compile with zero pin diagnostics.
 *
 * <pre>java bench/DenseCorpus.java OUTDIR SIZE</pre>
 *
 * SIZE 1 writes 200 files (20 packages of 10 files); SIZE n writes n times as many packages of
 * the same code, so compile time should grow linearly with SIZE. Each package is a small
 * runtime: pinned buffers and tasks with structurally pinned fields, pinned slots and plain
 * fields (so the processor generates projections, slot setters included, which the corpus does
 * not call: the setups without annotation processing generate none), a {@code Future}
 * interface whose {@code poll} has a pinned receiver, a task constructor that is
 * {@code @Pinned} and registers {@code this}, an executor and a reactor holding tasks in pinned
 * containers ({@code Deque<@Pinned T>}, {@code Map<K, @Pinned V>}, {@code List<@Pinned T>}) and
 * a current-task slot, pinned parameters, locals and returns, lambdas and method references over
 * pinned values, a pinned abstract class hierarchy, a conditionally pinned generic cell, an
 * {@code @Unpin} type parameter, borrowing library calls, and ordinary unpinned code (records,
 * enums, streams). The packages differ in constants and in how many scenario methods the driver
 * has, so the JIT does not see one method body a thousand times.
 *
 * <p>The code follows the whole discipline of DESIGN.md, ownership included (§4.9): a method
 * pins only what it created, was handed pinned ({@code @Pinned} parameters, a pinned receiver,
 * a {@code @Pinned} constructor's {@code this}) or read from pinned storage. So it stays clean
 * as the checker learns more of the discipline.
 *
 * <p>Single-file source launch, no dependencies but the JDK: the output depends only on SIZE.
 */
public final class DenseCorpus {
  static final int FILES_PER_UNIT = 200;
  static final int FILES_PER_PACKAGE = 10;

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: java bench/DenseCorpus.java OUTDIR SIZE");
      System.exit(2);
    }
    Path out = Path.of(args[0]);
    int size = Integer.parseInt(args[1]);
    int packages = size * FILES_PER_UNIT / FILES_PER_PACKAGE;
    for (int g = 0; g < packages; g++) {
      String pkg = "dense.p" + g;
      Path dir = out.resolve(pkg.replace('.', '/'));
      Files.createDirectories(dir);
      for (String[] file : files(g)) {
        Files.writeString(dir.resolve(file[0] + ".java"), "package " + pkg + ";\n\n" + file[1]);
      }
    }
  }

  /** The ten files of package number g, as {name, text after the package line}. */
  static List<String[]> files(int g) {
    return List.of(
        file("Buffer", buffer(g)),
        file("Task", task(g)),
        file("Executor", executor(g)),
        file("Reactor", reactor(g)),
        file("Cell", cell(g)),
        file("Stage", stage(g)),
        file("Pipeline", pipeline(g)),
        file("Waker", waker(g)),
        file("Stats", stats(g)),
        file("Driver", driver(g)));
  }

  static String[] file(String name, String text) {
    return new String[] {name, text};
  }

  /** Substitutes the per-package constants into a template. */
  static String fill(String template, int g) {
    return template
        .replace("$G", Integer.toString(g))
        .replace("$CAP", Integer.toString(16 + g % 7 * 8))
        .replace("$SEED", Integer.toString(17 + g % 13))
        .replace("$NAP", Integer.toString(1 + g % 4));
  }

  static String buffer(int g) {
    return fill("""
        import org.pinning.Pinned;

        /** A buffer whose positions are handed out across suspension points: pinned. */
        @Pinned
        public final class Buffer {
          private final char[] data;
          int len;
          int mark;

          public Buffer(int capacity) {
            this.data = new char[Math.max(capacity, $CAP)];
          }

          public void append(CharSequence s) {
            for (int i = 0; i < s.length() && len < data.length; i++) {
              data[len++] = s.charAt(i);
            }
          }

          /** The index of the next space at or after {@code from}, or {@code len}. */
          public int wordEnd(int from) {
            int i = from;
            while (i < len && data[i] != ' ') {
              i++;
            }
            return i;
          }

          public String slice(int from, int to) {
            return new String(data, from, Math.max(0, to - from));
          }

          public int checksum() {
            int h = $SEED;
            for (int i = 0; i < len; i++) {
              h = 31 * h + data[i];
            }
            return h;
          }

          public boolean sameContent(@Pinned Buffer other) {
            return this == other || (len == other.len && checksum() == other.checksum());
          }

          void markHere() {
            mark = len;
          }
        }
        """, g);
  }

  static String task(int g) {
    return fill("""
        import java.util.function.IntSupplier;
        import org.pinning.Pinned;

        /**
         * A hand-written coroutine: it keeps positions into its own pinned buffer between polls,
         * and the executor holds it by identity.
         */
        @Pinned
        public final class Task implements Future {
          static final int READING = 0;
          static final int SLEEPING = 1;
          static final int DONE = 2;

          final String name;
          @Pinned final Buffer buffer;
          @Pinned final Header header;
          /** The next task in a chain of related tasks: a pinned slot, rewired by linkAfter. */
          @Pinned Task next;
          int state = READING;
          int readPos;
          private final int nap;

          public Task(String name, String input, int nap) {
            this.name = name;
            this.buffer = new Buffer(input.length() + $NAP);
            this.header = new Header(name.length());
            this.nap = nap;
            buffer.append(input);
          }

          /** A task pinned from birth that registers itself: this is pinned and owned here. */
          @Pinned
          public Task(Executor ex, String name, String input, int nap) {
            this(name, input, nap);
            ex.adopt(this);
          }

          /** Per-task bookkeeping, pinned with the task. */
          @Pinned
          public static final class Header {
            int reads;
            final int width;

            Header(int width) {
              this.width = width;
            }

            int load() {
              return reads * width;
            }
          }

          /** Runs to the next suspension point; true when the task has finished. */
          @Override
          public boolean poll(@Pinned Task this, Executor ex) {
            switch (state) {
              case READING: {
                int end = buffer.wordEnd(readPos);
                ex.log(name, buffer.slice(readPos, end));
                readPos = end + 1;
                header.reads++;
                if (readPos >= buffer.len) {
                  state = SLEEPING;
                }
                ex.wake(this);
                return false;
              }
              case SLEEPING:
                state = DONE;
                ex.reactor().sleep(this, ex.now() + nap);
                return false;
              default:
                return true;
            }
          }

          @Pinned
          public Buffer buffer() {
            return buffer;
          }

          public int progress() {
            return buffer.len == 0 ? 100 : Math.min(100, readPos * 100 / buffer.len);
          }

          /** Links this task after before: stores this into a slot, so the receiver is pinned. */
          void linkAfter(@Pinned Task this, @Pinned Task before) {
            next = before.next;
            before.next = this;
          }

          int chainLength(@Pinned Task this) {
            int n = 0;
            for (@Pinned Task t = this; t != null && n < $CAP; t = t.next) {
              n++;
            }
            return n;
          }

          /** An inner class sees the pinned task as Task.this. */
          final class Probe {
            int peek() {
              return Task.this.readPos + header.width;
            }
          }

          int probe() {
            IntSupplier s = this::progress;
            return new Probe().peek() + s.getAsInt();
          }
        }
        """, g);
  }

  static String executor(int g) {
    return fill("""
        import java.util.ArrayDeque;
        import java.util.ArrayList;
        import java.util.Deque;
        import java.util.HashMap;
        import java.util.Iterator;
        import java.util.List;
        import java.util.Map;
        import java.util.function.IntSupplier;
        import org.pinning.Pinned;

        /** A single-threaded executor: tasks are spawned into pinned containers and only lent. */
        public final class Executor {
          private final Deque<@Pinned Task> ready = new ArrayDeque<>();
          private final Map<String, @Pinned Task> byName = new HashMap<>();
          private final List<@Pinned Task> all = new ArrayList<>();
          private final Reactor reactor = new Reactor();
          private final StringBuilder journal = new StringBuilder();
          private int now;
          /** The task being polled: a pinned slot, given each polled task in turn. */
          @Pinned Task current;

          public void spawn(@Pinned Task task) {
            ready.add(task);
            byName.put(task.name, task);
            all.add(task);
          }

          /** Takes over a task that registers itself from its @Pinned constructor. */
          public void adopt(@Pinned Task task) {
            spawn(task);
          }

          public void wake(@Pinned Task task) {
            ready.offer(task);
          }

          @Pinned
          public Task current() {
            return current;
          }

          Reactor reactor() {
            return reactor;
          }

          int now() {
            return now;
          }

          void log(String who, String what) {
            journal.append(now).append(' ').append(who).append(": ").append(what).append('\\n');
          }

          @Pinned
          public Task find(String name) {
            return byName.get(name);
          }

          public int run(int limit) {
            int steps = 0;
            while ((!ready.isEmpty() || !reactor.isIdle()) && steps < limit) {
              if (ready.isEmpty()) {
                now = reactor.nextDeadline();
              }
              reactor.fire(this);
              @Pinned Task task = ready.poll();
              current = task;
              if (task != null && task.poll(this)) {
                log(task.name, "done at " + task.progress() + "%");
              }
              current = null;
              now++;
              steps++;
            }
            return steps;
          }

          public int totalLength() {
            int sum = 0;
            for (Task t : all) {
              sum += t.buffer.len;
            }
            return sum;
          }

          public List<String> names() {
            List<String> out = new ArrayList<>();
            byName.forEach((name, task) -> {
              if (task.state != Task.DONE) {
                out.add(name);
              }
            });
            return out;
          }

          public int checksum() {
            int[] acc = {$SEED};
            all.forEach(t -> acc[0] += t.buffer.checksum());
            Iterator<@Pinned Task> it = ready.iterator();
            while (it.hasNext()) {
              Task t = it.next();
              acc[0] ^= t.readPos;
            }
            for (Task t : byName.values()) {
              acc[0] += t.header.load();
            }
            return acc[0];
          }

          /** A watcher captures the pinned task: capturing is not moving. */
          public Runnable watcher(String name) {
            @Pinned Task watched = find(name);
            return () -> log(watched.name, "at " + watched.progress() + "%");
          }

          public boolean owns(@Pinned Task task) {
            return all.contains(task) && byName.containsKey(task.name) && byName.get(task.name) == task;
          }

          public void forget(String name) {
            @Pinned Task gone = byName.remove(name);
            if (gone != null) {
              all.remove(gone);
              ready.remove(gone);
            }
          }

          List<@Pinned Task> all() {
            return all;
          }

          @Pinned
          public Task findOrSpawn(String name, String input) {
            @Pinned Task task = byName.computeIfAbsent(name, k -> new Task(k, input, $NAP));
            if (!all.contains(task)) {
              all.add(task);
              ready.add(task);
            }
            return task;
          }

          public int busy() {
            var view = all;
            view.removeIf(t -> t.state == Task.DONE && t.readPos < 0);
            return (int) view.stream().filter(t -> t.state != Task.DONE).count()
                + all.stream().mapToInt(t -> t.header.reads).sum();
          }

          public Runnable nudger(@Pinned Task task) {
            IntSupplier progress = task::progress;
            return new Runnable() {
              @Override
              public void run() {
                if (progress.getAsInt() < 100) {
                  wake(task);
                }
              }
            };
          }

          @Pinned
          public Task either(boolean fresh, @Pinned Task fallback) {
            @Pinned Task head = ready.isEmpty() ? fallback : ready.peek();
            return fresh ? fallback : head;
          }
        }
        """, g);
  }

  static String reactor(int g) {
    return fill("""
        import java.util.ArrayList;
        import java.util.Iterator;
        import java.util.List;
        import org.pinning.Pinned;

        /** Holds sleeping tasks by identity and wakes each at its deadline. */
        final class Reactor {
          private final List<@Pinned Task> sleepers = new ArrayList<>();
          private final List<Integer> deadlines = new ArrayList<>();

          void sleep(@Pinned Task task, int deadline) {
            sleepers.add(task);
            deadlines.add(deadline);
          }

          boolean isIdle() {
            return sleepers.isEmpty();
          }

          int nextDeadline() {
            int next = Integer.MAX_VALUE;
            for (int d : deadlines) {
              next = Math.min(next, d);
            }
            return next;
          }

          /** Wakes, in sleeping order, every task whose deadline has come. */
          void fire(Executor ex) {
            Iterator<@Pinned Task> tasks = sleepers.iterator();
            Iterator<Integer> times = deadlines.iterator();
            while (tasks.hasNext()) {
              @Pinned Task task = tasks.next();
              if (times.next() <= ex.now()) {
                tasks.remove();
                times.remove();
                ex.wake(task);
              }
            }
          }

          @Pinned
          Task earliest() {
            int best = -1;
            for (int i = 0; i < deadlines.size(); i++) {
              if (best < 0 || deadlines.get(i) < deadlines.get(best)) {
                best = i;
              }
            }
            return best < 0 ? null : sleepers.get(best);
          }
        }
        """, g);
  }

  static String cell(int g) {
    return fill("""
        import org.pinning.Pinned;
        import org.pinning.Unpin;

        /**
         * Holds one value and pins it when its type is pinned: Cell<Task> is pinned, Cell<String>
         * is not (pin-project's conditional Unpin).
         */
        public final class Cell<T> {
          @Pinned final T value;
          int reads;

          public Cell(@Pinned T value) {
            this.value = value;
          }

          @Pinned
          public T get() {
            reads++;
            return value;
          }
        }

        /** A slot whose values are never pinned: it may move them. */
        final class Slot<@Unpin T> {
          private T value;
          private int puts;

          void put(T v) {
            value = v;
            puts++;
          }

          T take() {
            T v = value;
            value = null;
            return v;
          }

          int puts() {
            return puts + $NAP;
          }
        }
        """, g);
  }

  static String stage(int g) {
    return fill("""
        import org.pinning.Pinned;

        /** A stage of a pipeline; stages keep state about the buffer they last saw. */
        @Pinned
        public abstract class Stage {
          int runs;
          protected final String label;

          protected Stage(String label) {
            this.label = label;
          }

          public abstract int apply(@Pinned Buffer buffer);

          public final int run(@Pinned Buffer buffer) {
            runs++;
            return apply(buffer);
          }
        }

        final class Checksum extends Stage {
          Checksum() {
            super("checksum");
          }

          @Override
          public int apply(@Pinned Buffer buffer) {
            return buffer.checksum() & 0xff;
          }
        }

        final class Words extends Stage {
          private int seen;

          Words() {
            super("words");
          }

          @Override
          public int apply(@Pinned Buffer buffer) {
            int words = 0;
            for (int i = 0; i < buffer.len; i = buffer.wordEnd(i) + 1) {
              words++;
            }
            seen += words;
            buffer.markHere();
            return words + $SEED;
          }

          int seen() {
            return seen;
          }
        }
        """, g);
  }

  static String pipeline(int g) {
    return fill("""
        import java.util.ArrayList;
        import java.util.List;
        import java.util.function.ToIntFunction;
        import org.pinning.Pinned;

        /** Runs pinned stages over pinned buffers. */
        public final class Pipeline {
          private final List<@Pinned Stage> stages = new ArrayList<>();

          public Pipeline add(@Pinned Stage stage) {
            stages.add(stage);
            return this;
          }

          public int apply(@Pinned Buffer buffer) {
            int acc = 0;
            for (Stage s : stages) {
              acc += s.run(buffer);
            }
            return acc;
          }

          @Pinned
          public Stage first() {
            return stages.get(0);
          }

          public int sum(ToIntFunction<String> weigh) {
            int total = 0;
            for (Stage s : stages) {
              total += weigh.applyAsInt(s.label) + s.runs;
            }
            return total;
          }

          static <T> int countPresent(List<@Pinned T> xs) {
            int n = 0;
            for (T x : xs) {
              if (x != null) {
                n++;
              }
            }
            return n;
          }

          int size() {
            return countPresent(stages);
          }
        }
        """, g);
  }

  static String waker(int g) {
    return fill("""
        import java.util.ArrayDeque;
        import java.util.Deque;
        import java.util.List;
        import org.pinning.Pinned;

        /** Rust's Future: polled only where it is pinned (self: Pin<&mut Self>). */
        interface Future {
          boolean poll(@Pinned Future this, Executor ex);
        }

        /** Puts a task back on some ready queue. */
        public interface Waker {
          void wake(@Pinned Task task);

          default void wakeAll(List<@Pinned Task> tasks) {
            for (Task t : tasks) {
              wake(t);
            }
          }
        }

        final class QueueWaker implements Waker {
          private final Deque<@Pinned Task> queue = new ArrayDeque<>();

          @Override
          public void wake(@Pinned Task task) {
            queue.push(task);
          }

          int drain(Executor ex) {
            int n = 0;
            while (!queue.isEmpty()) {
              ex.wake(queue.pop());
              n++;
            }
            return n + $NAP;
          }
        }
        """, g);
  }

  static String stats(int g) {
    return fill("""
        import java.util.ArrayList;
        import java.util.Comparator;
        import java.util.List;
        import java.util.Map;
        import java.util.TreeMap;
        import java.util.stream.Collectors;

        /** Ordinary, unpinned code beside the pinned runtime. */
        public final class Stats {
          public record Sample(String name, int value) {}

          public enum Phase { WARMUP, STEADY, DRAIN }

          private final List<Sample> samples = new ArrayList<>();

          public void add(String name, int value) {
            samples.add(new Sample(name, value));
          }

          public Phase phase(int step) {
            return step < $CAP ? Phase.WARMUP : step % $SEED == 0 ? Phase.DRAIN : Phase.STEADY;
          }

          public Map<String, Integer> totals() {
            return samples.stream()
                .collect(Collectors.toMap(Sample::name, Sample::value, Integer::sum, TreeMap::new));
          }

          public String top(int n) {
            return samples.stream()
                .sorted(Comparator.comparingInt(Sample::value).reversed())
                .limit(n)
                .map(s -> s.name() + "=" + s.value())
                .collect(Collectors.joining(", ", "[", "]"));
          }

          public static <T extends Comparable<T>> T max(List<T> xs) {
            T best = null;
            for (T x : xs) {
              if (best == null || x.compareTo(best) > 0) {
                best = x;
              }
            }
            return best;
          }

          public String describe(Phase p) {
            return switch (p) {
              case WARMUP -> "warming up";
              case STEADY -> "steady after " + samples.size();
              case DRAIN -> String.format("draining %d", samples.size());
            };
          }
        }
        """, g);
  }

  static String driver(int g) {
    StringBuilder scenarios = new StringBuilder();
    int count = 2 + g % 3;
    for (int k = 0; k < count; k++) {
      scenarios.append(fill(("""

            /** Scenario $K: spawn, run a while, look at what is left. */
            public int scenario$K(List<String> inputs) {
              Executor ex = new Executor();
              List<String> names = new ArrayList<>();
              for (int i = 0; i < inputs.size(); i++) {
                Task task = new Task("s$K-" + i, inputs.get(i), i % $NAP + $K);
                ex.spawn(task);
                names.add(task.name);
              }
              if (!inputs.isEmpty()) {
                new Task(ex, "self$K", inputs.get(0), $K + 1);
              }
              int steps = ex.run(inputs.size() * $CAP);
              @Pinned Task probe = ex.find(names.isEmpty() ? "none" : names.get(0));
              if (probe != null) {
                stats.add(probe.name, probe.progress() + steps);
                return describe(probe) + pipeline.apply(probe.buffer);
              }
              return steps + $K;
            }
          """).replace("$K", Integer.toString(k)), g));
    }
    return fill("""
        import java.util.ArrayList;
        import java.util.List;
        import java.util.Objects;
        import java.util.Optional;
        import org.pinning.Pinned;

        /** Drives the runtime: every way a pinned value is created, lent and used. */
        public final class Driver {
          private final Executor executor = new Executor();
          private final Pipeline pipeline = new Pipeline();
          private final Stats stats = new Stats();
          private final Slot<String> lastName = new Slot<>();
          private final QueueWaker waker = new QueueWaker();

          public Driver() {
            pipeline.add(new Checksum()).add(new Words());
          }

          public int runAll(List<String> inputs) {
            int i = 0;
            for (String input : inputs) {
              @Pinned Task task = new Task("t" + i, input, i % $NAP);
              executor.spawn(task);
              pipeline.apply(task.buffer);
              lastName.put(task.name);
              i++;
            }
            Task first = executor.find("t0");
            if (first != null) {
              Objects.requireNonNull(first, "first");
              Cell<Task> cell = new Cell<>(first);
              cell.get().state = Task.READING;
              waker.wake(cell.get());
              Task second = executor.find("t1");
              if (second != null && second != first) {
                second.linkAfter(first);
              }
              if (first.next == null) {
                first.next = new Task(executor, "t-linked", "linked", $NAP);
              }
              stats.add("chain", first.chainLength());
            }
            Waker direct = executor::wake;
            direct.wakeAll(executor.all());
            executor.watcher("t0").run();
            return executor.run(inputs.size() * $CAP) + executor.checksum() + waker.drain(executor);
          }

          static int describe(@Pinned Task task) {
            Object o = task;
            if (o instanceof Task t && t.state == Task.READING) {
              return t.readPos;
            }
            return switch (task.state) {
              case Task.READING -> 1;
              case Task.SLEEPING -> 2;
              default -> task.progress();
            };
          }

          @Pinned
          static Task pick(boolean left, @Pinned Task a, @Pinned Task b) {
            return left ? a : b;
          }

          int retry(@Pinned Task task) {
            synchronized (task) {
              try {
                return task.poll(executor) ? 1 : 0;
              } finally {
                task.header.reads++;
              }
            }
          }

          String report(@Pinned Task a, @Pinned Task b) {
            List<@Pinned Task> both = List.<@Pinned Task>of(a, b);
            Optional<@Pinned Buffer> buf = Optional.<@Pinned Buffer>ofNullable(a.buffer);
            int[] len = {0};
            buf.ifPresent(x -> len[0] = x.len);
            String s = String.valueOf(pick(len[0] > $NAP, a, b).name) + " of " + both.size();
            return s + (a.buffer.sameContent(b.buffer) ? " same" : " differ") + " " + Objects.hash(a, b);
          }

          int cells(@Pinned Task task) {
            Cell<Task> pinnedCell = new Cell<>(task);
            Cell<String> plainCell = new Cell<>(task.name);
            String name = plainCell.get();
            return pinnedCell.get().progress() + name.length() + lastName.puts();
          }
        """, g) + scenarios + "}\n";
  }
}
