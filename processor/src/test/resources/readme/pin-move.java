import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.pinning.Pinned;

@Pinned final class Task {}

final class Bad {
  Task give(@Pinned Task t) {
    return t;
  }

  void store(@Pinned Task t, Task[] slots) {
    slots[0] = t;
  }

  void keep(@Pinned Task t, ArrayList<Task> list) {
    list.add(t);
  }

  List<Task> plain;

  void share(List<@Pinned Task> pinned) {
    plain = pinned;
  }

  Supplier<Task> later(@Pinned Task t) {
    return () -> t;
  }
}

abstract class Cursor implements java.util.Iterator<Task> {
  @Pinned Task current;

  @Override
  public Task next() {
    return current;
  }
}

final class RunQueue extends java.util.ArrayDeque<@Pinned Task> {}

final class Scheduler {
  java.util.Deque<Task> waiting;

  void adopt(RunQueue queue) {
    waiting = queue;
  }
}
