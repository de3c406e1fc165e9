package org.acme.core;

import org.pinning.Pinned;

/** A buffer whose positions are handed to the tasks that read it. */
@Pinned
public final class Buffer {
  private final char[] data;
  public int len;

  public Buffer(int capacity) {
    this.data = new char[capacity];
  }

  public void append(String s) {
    s.getChars(0, s.length(), data, len);
    len += s.length();
  }

  public char at(int i) {
    return data[i];
  }
}
