package org.pinning.samples.rejected.field;

import org.pinning.Pinned;

/**
 * pin:field (warning). A teammate gave the task a second buffer for scratch work and declared
 * it like any field. The task is pinned and so is the buffer type, but the field says neither
 * whether the buffer is pinned with the task (structural, like Rust's {@code #[pin]}) nor that
 * it may be moved. Fix: {@code @Pinned final Buffer scratch}, as the main buffer is, or
 * {@code @Unpin} if the task really means to swap it out.
 */
@Pinned
public final class ScratchBuffer {
  @Pinned final Buffer buffer = new Buffer(64);
  final Buffer scratch = new Buffer(16);
}

@Pinned
final class Buffer {
  final char[] data;

  Buffer(int capacity) {
    this.data = new char[capacity];
  }
}
