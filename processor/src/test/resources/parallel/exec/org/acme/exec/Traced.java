package org.acme.exec;

import org.pinning.Pinned;

abstract class Traceable {
  void trace(java.util.List<Object> log) {
    log.add(this);
  }
}

@Pinned
final class Traced extends Traceable { // expect pin:supertype
  int hits;
}
