package org.pinning.samples.list;

import org.pinning.Pinned;

/**
 * What a {@link Node} carries: a named counter that other code may hold on to by identity
 * (a handle into the list), so it must stay the one object it is for as long as it is linked.
 */
@Pinned
final class Payload {
  final String name;
  int visits;

  Payload(String name) {
    this.name = name;
  }
}
