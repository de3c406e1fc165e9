package org.pinning.samples.rejected.unowned;

import java.util.ArrayList;
import java.util.List;
import org.pinning.Pinned;

/**
 * pin:unowned. {@code watch} was written to look at a job and decide whether to alert on it;
 * a later change made it keep urgent jobs in the watcher's pinned list too. But the job is a
 * parameter: the caller still holds it, unpinned, and may move it afterwards (into a cache, onto
 * another thread's queue) while the watcher relies on its address. Only the owner pins. Fix:
 * declare the parameter {@code @Pinned}, so that callers pin the job before they lend it, and
 * their own later moves are reported where they happen.
 */
public final class JobWatcher {
  private final List<@Pinned Job> urgent = new ArrayList<>();

  void watch(Job job) {
    if (job.priority > 5) {
      urgent.add(job);
    }
  }
}

@Pinned
final class Job {
  final int priority;

  Job(int priority) {
    this.priority = priority;
  }
}
