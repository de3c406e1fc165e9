package org.pinning.processor.flow;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;

/**
 * The may-state of the after-pin analysis (DESIGN.md §4.5) at one point of a method body: which
 * abstract values each local may hold, which of those values are pinned and why, and which
 * {@code @Pinned} locals may already be assigned.
 *
 * <p>A local with no entry holds a value of its own that nothing pinned: the common case, kept
 * free of allocation. Locals that alias ({@code b = a}) share value ids, so pinning one pins the
 * others.
 */
public final class LocalPins {
  private Map<Element, Set<Integer>> values;
  private Map<Integer, Pin> pins;
  private Set<Element> assigned;

  /** The state at the start of a body: no local holds anything pinned. */
  public static LocalPins empty() {
    return new LocalPins();
  }

  /** An independent copy, for one branch of a split. */
  public LocalPins copy() {
    LocalPins copy = new LocalPins();
    if (values != null) {
      copy.values = new HashMap<>();
      values.forEach((local, ids) -> copy.values.put(local, new HashSet<>(ids)));
    }
    copy.pins = pins == null ? null : new HashMap<>(pins);
    copy.assigned = assigned == null ? null : new HashSet<>(assigned);
    return copy;
  }

  /** The may-join of two states at a merge point; either may be null (unreachable). */
  public static LocalPins join(LocalPins a, LocalPins b) {
    if (a == null) {
      return b == null ? null : b.copy();
    }
    LocalPins joined = a.copy();
    if (b == null) {
      return joined;
    }
    if (b.values != null) {
      b.values.forEach(
          (local, ids) -> joined.values().computeIfAbsent(local, k -> new HashSet<>()).addAll(ids));
    }
    if (b.pins != null) {
      b.pins.forEach((id, pin) -> joined.pins().merge(id, pin, LocalPins::earlier));
    }
    if (b.assigned != null) {
      joined.assigned().addAll(b.assigned);
    }
    return joined;
  }

  /** Whether no local holds a pinned or tracked value: most states of most methods. */
  public boolean isEmpty() {
    return (values == null || values.isEmpty()) && (assigned == null || assigned.isEmpty());
  }

  /** Why {@code local} may hold a pinned value, or null. */
  public Pin pinOf(Element local) {
    if (values == null || pins == null) {
      return null;
    }
    Set<Integer> ids = values.get(local);
    if (ids == null) {
      return null;
    }
    Pin found = null;
    for (Integer id : ids) {
      Pin pin = pins.get(id);
      if (pin != null && (found == null || earlier(pin, found) == pin)) {
        found = pin;
      }
    }
    return found;
  }

  /** {@code local} now holds a new value, pinned by {@code pin} or unpinned when it is null. */
  public void holdNew(Element local, int id, Pin pin) {
    if (pin == null) {
      if (values != null) {
        values.remove(local);
      }
      return;
    }
    values().put(local, new HashSet<>(Set.of(id)));
    pins().put(id, pin);
  }

  /** {@code local} now holds whatever {@code source} holds ({@code local = source}). */
  public void alias(Element local, Element source, int id) {
    values().put(local, new HashSet<>(idsOf(source, id)));
  }

  /** Pins every value {@code local} may hold, and so every alias of it, unless pinned already. */
  public void pin(Element local, int id, Pin pin) {
    for (Integer value : idsOf(local, id)) {
      pins().putIfAbsent(value, pin);
    }
  }

  /** Records an assignment of {@code local}; true when it may have been assigned before. */
  public boolean assign(Element local) {
    return !assigned().add(local);
  }

  private Set<Integer> idsOf(Element local, int id) {
    return values().computeIfAbsent(local, k -> new HashSet<>(Set.of(id)));
  }

  private Map<Element, Set<Integer>> values() {
    if (values == null) {
      values = new HashMap<>();
    }
    return values;
  }

  private Map<Integer, Pin> pins() {
    if (pins == null) {
      pins = new HashMap<>();
    }
    return pins;
  }

  private Set<Element> assigned() {
    if (assigned == null) {
      assigned = new HashSet<>();
    }
    return assigned;
  }

  private static Pin earlier(Pin a, Pin b) {
    return a.line() <= b.line() ? a : b;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof LocalPins that
        && normal(values).equals(normal(that.values))
        && normal(pins).equals(normal(that.pins))
        && normal(assigned).equals(normal(that.assigned));
  }

  @Override
  public int hashCode() {
    return normal(values).hashCode();
  }

  private static <K, V> Map<K, V> normal(Map<K, V> map) {
    return map == null ? Map.of() : map;
  }

  private static <T> Set<T> normal(Set<T> set) {
    return set == null ? Set.of() : set;
  }
}
