package org.pinning.samples.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.pinning.samples.Output;

class ExecutorTest {
  @Test
  void tasksInterleaveSleepAndFinish() throws Exception {
    assertEquals(
        String.join(
            "\n",
            "t=0 A buffered 6/14",
            "t=1 B buffered 6/8",
            "t=2 A buffered 12/14",
            "t=3 B buffered 8/8",
            "t=4 A buffered 14/14",
            "t=5 B waits 1 ticks",
            "t=6 A waits 2 ticks",
            "t=7 B word 'self'",
            "t=8 B word 'ref'",
            "t=8 B done, 8 chars in its pinned buffer",
            "t=9 A word 'pin'",
            "t=10 A word 'the'",
            "t=11 A word 'future'",
            "t=11 A done, 14 chars in its pinned buffer",
            ""),
        Output.of(Executor::main));
  }
}
