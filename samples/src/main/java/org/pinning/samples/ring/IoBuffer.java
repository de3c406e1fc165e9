package org.pinning.samples.ring;

import org.pinning.Pinned;

/**
 * A buffer registered with the {@link Ring}. Like a buffer registered with io_uring, the ring
 * holds it by identity (its slot) while a read is in flight and writes into it later; a copy
 * would be a buffer the completed read never lands in, so it is {@code @Pinned}.
 */
@Pinned
final class IoBuffer {
  final char[] data;
  int filled;

  IoBuffer(int capacity) {
    this.data = new char[capacity];
  }

  String contents() {
    return new String(data, 0, filled);
  }
}
