package org.acme.io;

import org.acme.core.Buffer;
import org.acme.core.Task;
import org.pinning.Pinned;

/** Deliberate errors: a pinned value kept in an unpinned field; a pinned slot is fine. */
public final class Channel {
  // No pin:field here: the pin:move below, of a pinned value into this field, takes precedence.
  private Buffer lastRead;
  @Pinned Buffer current = new Buffer(8);

  public void read(@Pinned Task task) {
    lastRead = task.buffer; // expect pin:move
  }

  public int valid(@Pinned Task task) {
    Buffer b = task.buffer;
    return b.len + (lastRead == null ? 0 : lastRead.len);
  }
}
