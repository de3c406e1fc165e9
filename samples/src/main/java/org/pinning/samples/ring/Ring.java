package org.pinning.samples.ring;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.pinning.Pinned;

/**
 * A simulated I/O ring over an in-memory file: a table of registered pinned buffers, a
 * submission queue of reads naming a buffer slot, and a completion queue. Only
 * {@link #enter()} (the "kernel") writes into a buffer, long after the read was submitted.
 */
final class Ring {
  /** A read of up to a buffer's capacity from {@code offset} into buffer {@code slot}. */
  record Submission(int slot, int offset, int userData) {}

  /** The result of a submission: characters read, 0 at end of file. */
  record Completion(int userData, int result) {}

  private final String file;
  private final List<@Pinned IoBuffer> buffers = new ArrayList<>();
  private final Map<@Pinned IoBuffer, Integer> slots = new IdentityHashMap<>();
  private final Deque<Submission> submissions = new ArrayDeque<>();
  private final Deque<Completion> completions = new ArrayDeque<>();

  Ring(String file) {
    this.file = file;
  }

  /** Registers a buffer by identity; returns its slot, the same one if already registered. */
  int register(@Pinned IoBuffer buffer) {
    Integer known = slots.get(buffer);
    if (known != null) {
      return known;
    }
    buffers.add(buffer);
    slots.put(buffer, buffers.size() - 1);
    return buffers.size() - 1;
  }

  @Pinned
  IoBuffer buffer(int slot) {
    return buffers.get(slot);
  }

  void submitRead(int slot, int offset, int userData) {
    submissions.add(new Submission(slot, offset, userData));
  }

  /** Performs every submitted read into its registered buffer; returns how many. */
  int enter() {
    int count = 0;
    for (Submission s; (s = submissions.poll()) != null; count++) {
      @Pinned IoBuffer target = buffers.get(s.slot());
      int n = Math.max(0, Math.min(target.data.length, file.length() - s.offset()));
      file.getChars(s.offset(), s.offset() + n, target.data, 0);
      target.filled = n;
      completions.add(new Completion(s.userData(), n));
    }
    return count;
  }

  Completion reap() {
    return completions.poll();
  }
}
