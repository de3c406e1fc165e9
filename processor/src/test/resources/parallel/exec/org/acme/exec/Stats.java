package org.acme.exec;

import org.acme.core.Buffer;
import org.pinning.Pinned;

/** Compiles, with warnings only: app depends on these classes. */
@Pinned
public final class Stats {
  @Pinned final String label = "stats"; // expect pin:useless
  final Buffer scratch = new Buffer(16); // expect pin:field
  public int count;
}
