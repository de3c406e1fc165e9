package org.pinning.samples.ring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.pinning.samples.Output;

class RingDemoTest {
  @Test
  void completedReadsLandInTheCallersPinnedBuffers() throws Exception {
    assertEquals(
        String.join(
            "\n",
            "A registered its buffer in slot 0",
            "B registered its buffer in slot 1",
            "A registers again: slot 0",
            "round 1: 2 reads",
            "  A @0 read 8 'pinned b' in its own buffer: true",
            "  B @15 read 5 'never' in its own buffer: true",
            "round 2: 2 reads",
            "  A @8 read 8 'uffers n' in its own buffer: true",
            "  B @20 read 5 ' move' in its own buffer: true",
            "round 3: 2 reads",
            "  A @16 read 8 'ever mov' in its own buffer: true",
            "  B @25 read 0 '' in its own buffer: true",
            "round 4: 1 reads",
            "  A @24 read 1 'e' in its own buffer: true",
            ""),
        Output.of(RingDemo::main));
  }
}
