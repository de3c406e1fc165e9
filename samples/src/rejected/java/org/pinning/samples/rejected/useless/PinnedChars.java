package org.pinning.samples.rejected.useless;

import org.pinning.Pinned;

/**
 * pin:useless (warning). A teammate, thinking "the buffer is pinned, so its storage must be
 * too", annotated the buffer's {@code char[]} {@code @Pinned}. Arrays are Unpin: the pin says
 * nothing. What matters is that the buffer object is pinned, which it already is. Fix: remove
 * {@code @Pinned} from the array field.
 */
@Pinned
public final class PinnedChars {
  @Pinned private final char[] data;
  int len;

  PinnedChars(int capacity) {
    this.data = new char[capacity];
  }

  char at(int i) {
    return data[i];
  }
}
