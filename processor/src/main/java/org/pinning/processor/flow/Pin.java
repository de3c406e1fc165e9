package org.pinning.processor.flow;

import org.pinning.processor.model.ArgumentMask;

/**
 * What the flow analysis knows about an expression's value that is pinned, or holds pinned
 * elements: where it comes from, as data. The analysis computes these and holds no words; {@code
 * Messages} alone turns them into text.
 *
 * <p>Each kind names the value as the source names it where it is used ({@link #name()}), and
 * carries the mask of its static type's type arguments that are {@code @Pinned} ({@link
 * #elements()}, empty when the value is no pinned container).
 */
public sealed interface Pin {

  /** The value as the source names it where it is used: {@code buffer}, {@code tasks.get()}. */
  String name();

  /** The type arguments of the value's static type that are {@code @Pinned}. */
  ArgumentMask elements();

  /** Whether the value itself is a pinned reference, not only a container of pinned elements. */
  default boolean isPinnedValue() {
    return true;
  }

  /** The line that pinned the value or handed it to the local that holds it; 0 for none. */
  default long line() {
    return 0;
  }

  /** What a local holds after it received this value at {@code line}. */
  Pin receivedAt(long line);

  /** The same value, read through the local {@code local}. */
  Pin readAs(String local);

  /** This value with the container part replaced by {@code mask}. */
  Pin withElements(ArgumentMask mask);

  /**
   * A read of a pinned place or pinned expression: {@code buffer}, {@code this}, {@code get()}.
   */
  record PinnedPlace(String name, ArgumentMask elements) implements Pin {
    public PinnedPlace(String name) {
      this(name, ArgumentMask.NONE);
    }

    @Override
    public Pin receivedAt(long line) {
      return new Received(name, name, line, elements);
    }

    @Override
    public Pin readAs(String local) {
      return new Received(local, name, 0, elements);
    }

    @Override
    public Pin withElements(ArgumentMask mask) {
      return new PinnedPlace(name, mask);
    }
  }

  /**
   * A pinned value read from the pinned place or expression named {@code from}, held by a local
   * since {@code line} (0 while the place itself is read through the local).
   */
  record Received(String name, String from, long line, ArgumentMask elements) implements Pin {
    @Override
    public Pin receivedAt(long newLine) {
      return new Received(name, from, newLine, elements);
    }

    @Override
    public Pin readAs(String local) {
      return new Received(local, from, line, elements);
    }

    @Override
    public Pin withElements(ArgumentMask mask) {
      return new Received(name, from, line, mask);
    }
  }

  /**
   * An unpinned value that was pinned at {@code line} ({@code pin:after-pin}): a local, or one of
   * its aliases.
   */
  record PinnedAfter(String name, long line) implements Pin {
    @Override
    public ArgumentMask elements() {
      return ArgumentMask.NONE;
    }

    @Override
    public Pin receivedAt(long newLine) {
      return new PinnedAfter(name, newLine);
    }

    @Override
    public Pin readAs(String local) {
      return new PinnedAfter(local, line);
    }

    @Override
    public Pin withElements(ArgumentMask mask) {
      return this;
    }
  }

  /**
   * The parameter of an override of a borrowing library method ({@code equals(Object o)}): it may
   * hold a pinned value, and may be lent on to other calls as the model method itself would, but
   * not stored. {@code from} names the parameter once a local holds its value, and is null while
   * the parameter itself is read.
   */
  record Borrowed(String name, String from, long line, ArgumentMask elements) implements Pin {
    public Borrowed(String name, ArgumentMask elements) {
      this(name, null, 0, elements);
    }

    @Override
    public Pin receivedAt(long newLine) {
      return new Borrowed(name, from != null ? from : name, newLine, elements);
    }

    @Override
    public Pin readAs(String local) {
      return new Borrowed(local, from != null ? from : name, line, elements);
    }

    @Override
    public Pin withElements(ArgumentMask mask) {
      return new Borrowed(name, from, line, mask);
    }
  }

  /**
   * A container whose type arguments {@code elements} are pinned; the container itself is not
   * pinned. {@code elements} is empty where the container's class pins them in its supertype
   * clauses ({@code class RunQueue extends ArrayDeque<@Pinned Task>}). {@code line} is where a
   * local received it, 0 for none.
   */
  record Container(String name, long line, ArgumentMask elements) implements Pin {
    public Container(String name, ArgumentMask elements) {
      this(name, 0, elements);
    }

    @Override
    public boolean isPinnedValue() {
      return false;
    }

    @Override
    public Pin receivedAt(long newLine) {
      return new Container(name, newLine, elements);
    }

    @Override
    public Pin readAs(String local) {
      return new Container(local, line, elements);
    }

    @Override
    public Pin withElements(ArgumentMask mask) {
      return new Container(name, line, mask);
    }
  }

  /**
   * An element of the pinned container {@code container}, held by the local {@code name} since
   * {@code line}: an enhanced {@code for} variable, a lambda parameter.
   */
  record ContainerElement(String name, String container, long line) implements Pin {
    @Override
    public ArgumentMask elements() {
      return ArgumentMask.NONE;
    }

    @Override
    public Pin receivedAt(long newLine) {
      return new ContainerElement(name, container, newLine);
    }

    @Override
    public Pin readAs(String local) {
      return new ContainerElement(local, container, line);
    }

    @Override
    public Pin withElements(ArgumentMask mask) {
      return this;
    }
  }
}
