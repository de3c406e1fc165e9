package org.pinning.samples.executor;

import org.pinning.Pinned;

/**
 * A task's own buffer. The task keeps positions into it across suspension points, so the task
 * and the buffer must stay the objects those positions were taken in: a copy of the buffer
 * would leave the task reading stale data at live positions.
 */
@Pinned
final class Buffer {
  private final char[] data;
  int len;

  Buffer(int capacity) {
    this.data = new char[capacity];
  }

  void append(String s) {
    s.getChars(0, s.length(), data, len);
    len += s.length();
  }

  /** The index of the next space at or after {@code from}, or {@code len}. */
  int wordEnd(int from) {
    int i = from;
    while (i < len && data[i] != ' ') {
      i++;
    }
    return i;
  }

  String slice(int from, int to) {
    return new String(data, from, to - from);
  }
}
