package org.pinning.samples.list;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.pinning.samples.Output;

class ListDemoTest {
  @Test
  void linksIteratesAndUnlinksByIdentity() throws Exception {
    assertEquals(
        "linked (4): a#1 b#1 c#1 d#1\n"
            + "unlinked b, still linked: false\n"
            + "after removals (2): c#2 d#2\n",
        Output.of(ListDemo::main));
  }
}
