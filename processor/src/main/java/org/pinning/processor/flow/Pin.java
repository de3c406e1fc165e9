package org.pinning.processor.flow;

/**
 * Why a value is pinned, as the diagnostics tell it.
 *
 * @param afterPin true when an unpinned local was pinned later ({@code pin:after-pin}); false
 *     when the value was pinned where it came from ({@code pin:move})
 * @param name the pinned value as the source names it at the point of the move
 * @param origin where it was pinned: the pinned place a local got it from ({@code 'reader'}), or
 *     null when the expression itself reads the pinned place
 * @param line the line where the local was pinned or received the pinned value; 0 for none
 */
public record Pin(boolean afterPin, String name, String origin, long line) {

  /** A read of a pinned place or a pinned expression: {@code buffer}, {@code this}, {@code get()}. */
  public static Pin place(String name) {
    return new Pin(false, name, null, 0);
  }

  /** A local that received the pinned value {@code pin} at {@code line}. */
  public static Pin received(Pin pin, long line) {
    return new Pin(pin.afterPin, pin.name, pin.origin != null ? pin.origin : pin.name, line);
  }

  /** An unpinned value that was pinned at {@code line}. */
  public static Pin pinnedAt(String name, long line) {
    return new Pin(true, name, null, line);
  }

  /** The same pin, read through the local {@code local}. */
  public Pin readAs(String local) {
    return new Pin(afterPin, local, origin == null ? name : origin, line);
  }
}
