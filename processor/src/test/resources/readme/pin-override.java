import org.pinning.Pinned;

class Keeper {
  @Override
  public boolean equals(@Pinned Object other) { return this == other; }

  @Override
  public int hashCode() { return 0; }
}

interface Future {
  boolean poll(@Pinned Future this, int waker);
}

class Sleeper implements Future {
  @Override
  public boolean poll(int waker) { return true; }
}

class Job implements Runnable {
  @Override
  public void run(@Pinned Job this) {}
}

@Pinned class Task {}

abstract class Tasks implements java.util.Iterator<Task> {
  @Override
  public @Pinned Task next() { return null; }
}
