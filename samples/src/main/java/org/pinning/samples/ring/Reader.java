package org.pinning.samples.ring;

import org.pinning.Pinned;

/**
 * A caller of the ring: it owns its pinned buffer structurally ({@code @Pinned final}), and
 * keeps unpinned bookkeeping beside it. The generated {@code ReaderProjection} hands out the
 * buffer pinned and the bookkeeping fields with getters and setters.
 */
@Pinned
final class Reader {
  final String name;
  @Pinned final IoBuffer buffer;
  int slot;
  int offset;
  boolean done;

  Reader(String name, int capacity, int offset) {
    this.name = name;
    this.buffer = new IoBuffer(capacity);
    this.offset = offset;
  }
}
