package org.pinning.processor.flow;

/**
 * What is pinned about an expression's value, as the diagnostics tell it: the value itself, the
 * elements of a pinned container ({@code List<@Pinned Task>}), or both.
 *
 * @param value whether the value itself is a pinned reference
 * @param afterPin true when an unpinned local was pinned later ({@code pin:after-pin}); false when
 *     the value was pinned where it came from ({@code pin:move})
 * @param borrowed true for the parameter of an override of a borrowing library method ({@code
 *     equals(Object o)}): it may hold a pinned value, and may be lent on to other calls as the
 *     model method itself would, but not stored
 * @param name the value as the source names it at the point of the move
 * @param origin where a local got its pinned value ({@code 'reader'}), or null when the expression
 *     itself reads the pinned place
 * @param line the line where the local was pinned or received the pinned value; 0 for none
 * @param elements the type arguments of the expression's static type that are {@code @Pinned}, one
 *     bit per type parameter of its class; 0 when it is no pinned container
 */
public record Pin(
    boolean value,
    boolean afterPin,
    boolean borrowed,
    String name,
    String origin,
    long line,
    int elements) {

  /**
   * A read of a pinned place or a pinned expression: {@code buffer}, {@code this}, {@code get()}.
   */
  public static Pin place(String name) {
    return new Pin(true, false, false, name, null, 0, 0);
  }

  /** The parameter of an override of a borrowing method: pinned, but lent on freely. */
  public static Pin borrowedParameter(String name) {
    return new Pin(true, false, true, name, null, 0, 0);
  }

  /** A container whose type arguments {@code elements} are pinned; the container itself is not. */
  public static Pin container(String name, int elements) {
    return new Pin(false, false, false, name, null, 0, elements);
  }

  /** An unpinned value that was pinned at {@code line}. */
  public static Pin pinnedAt(String name, long line) {
    return new Pin(true, true, false, name, null, line, 0);
  }

  /** What a local holds after it received this value at {@code line}. */
  public Pin receivedAt(long line) {
    return new Pin(
        value,
        afterPin,
        borrowed,
        name,
        origin != null ? origin : "'" + name + "'",
        line,
        elements);
  }

  /** The same pin, read through the local {@code local}. */
  public Pin readAs(String local) {
    return new Pin(
        value,
        afterPin,
        borrowed,
        local,
        origin == null ? "'" + name + "'" : origin,
        line,
        elements);
  }

  /** An element of the container {@code container}, received by a local at {@code line}. */
  public static Pin elementOf(String local, String container, long line) {
    return new Pin(true, false, false, local, "an element of '" + container + "'", line, 0);
  }

  /** This pin with the container part replaced by {@code newElements}. */
  public Pin withElements(int newElements) {
    return new Pin(value, afterPin, borrowed, name, origin, line, newElements);
  }

  /** Only the container part: the value itself is not pinned. */
  public Pin elementsOnly() {
    return elements == 0 ? null : new Pin(false, false, borrowed, name, origin, line, elements);
  }
}
