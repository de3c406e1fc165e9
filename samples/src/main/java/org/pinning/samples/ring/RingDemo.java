package org.pinning.samples.ring;

import java.util.ArrayList;
import java.util.List;
import org.pinning.Pinned;

/**
 * Two readers share one ring: each registers its own pinned buffer, submits reads, and finds
 * every completed read in that same buffer, which it reaches through its projection.
 */
public final class RingDemo {
  private RingDemo() {}

  public static void main(String[] args) {
    Ring ring = new Ring("pinned buffers never move");
    List<@Pinned Reader> readers = new ArrayList<>();
    readers.add(new Reader("A", 8, 0));
    readers.add(new Reader("B", 5, 15));
    for (@Pinned Reader reader : readers) {
      ReaderProjection p = ReaderProjection.project(reader);
      p.setSlot(ring.register(p.buffer()));
      System.out.println(p.name() + " registered its buffer in slot " + p.slot());
    }
    @Pinned Reader a = readers.get(0);
    System.out.println("A registers again: slot " + ring.register(a.buffer));

    for (int round = 1; ; round++) {
      int submitted = 0;
      for (int i = 0; i < readers.size(); i++) {
        ReaderProjection p = ReaderProjection.project(readers.get(i));
        if (!p.done()) {
          ring.submitRead(p.slot(), p.offset(), i);
          submitted++;
        }
      }
      if (submitted == 0) {
        break;
      }
      System.out.println("round " + round + ": " + ring.enter() + " reads");
      for (Ring.Completion c; (c = ring.reap()) != null; ) {
        ReaderProjection p = ReaderProjection.project(readers.get(c.userData()));
        @Pinned IoBuffer mine = p.buffer();
        System.out.println("  " + p.name() + " @" + p.offset() + " read " + c.result()
            + " '" + mine.contents() + "' in its own buffer: " + (mine == ring.buffer(p.slot())));
        p.setOffset(p.offset() + c.result());
        p.setDone(c.result() < mine.data.length);
      }
    }
  }
}
