package org.pinning.samples.rejected.unpin;

import java.util.ArrayDeque;
import java.util.Deque;
import org.pinning.Pinned;
import org.pinning.Unpin;

/**
 * pin:unpin. A teammate reused a generic recycler, whose type parameter is {@code @Unpin}
 * (it hands its values out and forgets them), to keep spare ring buffers. A registered
 * buffer must stay where the ring's slot points. Fix: keep spare buffers in a
 * {@code Deque<@Pinned IoBuffer>}, or recycle only unpinned things such as {@code char[]}.
 */
public final class SpareBuffers {
  final Recycler<IoBuffer> spare = new Recycler<>();
}

final class Recycler<@Unpin T> {
  private final Deque<T> free = new ArrayDeque<>();

  T take() {
    return free.poll();
  }
}

@Pinned
final class IoBuffer {
  final char[] data = new char[64];
  int filled;
}
