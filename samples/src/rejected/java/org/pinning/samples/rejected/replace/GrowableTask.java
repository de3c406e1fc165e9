package org.pinning.samples.rejected.replace;

import org.pinning.Pinned;

/**
 * pin:replace. A teammate made the task's {@code @Pinned} buffer field non-final so that a
 * task could swap in a bigger buffer. But the task keeps positions into that very buffer
 * across suspension points: replacing it leaves them pointing into a buffer nobody reads.
 * Fix: keep the field {@code @Pinned final} and size the buffer when the task is created.
 */
@Pinned
public final class GrowableTask {
  @Pinned Buffer buffer = new Buffer(16);
  private int readPos;

  int next() {
    return buffer.data[readPos++];
  }
}

@Pinned
final class Buffer {
  final char[] data;

  Buffer(int capacity) {
    this.data = new char[capacity];
  }
}
