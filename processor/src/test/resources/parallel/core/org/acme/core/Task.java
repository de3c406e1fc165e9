package org.acme.core;

import org.pinning.Pinned;

/** A coroutine that keeps a read position into its own buffer. */
@Pinned
public final class Task {
  public final String name;
  @Pinned public final Buffer buffer;
  public int readPos;

  public Task(String name, String input) {
    this.name = name;
    this.buffer = new Buffer(input.length());
    buffer.append(input);
  }

  public boolean poll() {
    readPos++;
    return readPos >= buffer.len;
  }
}
