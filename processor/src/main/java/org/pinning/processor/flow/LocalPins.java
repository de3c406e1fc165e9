package org.pinning.processor.flow;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;

/**
 * The may-state of the after-pin analysis (DESIGN.md §4.5) at one point of a method body: which
 * abstract values each local may hold, and which of those values are pinned and why.
 *
 * <p>A local with no entry holds a value of its own that nothing pinned: the common case, kept free
 * of allocation. Locals that alias ({@code b = a}) share value ids, so pinning one pins the others.
 * Copies at branches share their maps until one side writes (copy on write): most branches of most
 * methods never do.
 */
public final class LocalPins {
  private Map<Element, Set<Integer>> values;
  private Map<Integer, Pin> pins;

  /**
   * Where the value each local may hold comes from, where that differs from what its declaration
   * says (§4.9): an unowned source for a local, {@link Origin#OWNED} for a parameter given a value
   * the method owns. Most locals of most methods have no entry.
   */
  private Map<Element, Origin> origins;

  /** Whether the maps are this state's own to write, or shared with a copy. */
  private boolean owned = true;

  /** The state at the start of a body: no local holds anything pinned. */
  public static LocalPins empty() {
    return new LocalPins();
  }

  /** An independent copy, for one branch of a split. */
  public LocalPins copy() {
    LocalPins copy = new LocalPins();
    if (isBlank()) {
      return copy;
    }
    copy.values = values;
    copy.pins = pins;
    copy.origins = origins;
    copy.owned = false;
    owned = false;
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
    if (b.isBlank()) {
      joinOrigins(joined, a, b);
      return joined;
    }
    if (b.values != null) {
      for (Map.Entry<Element, Set<Integer>> entry : b.values.entrySet()) {
        Set<Integer> ids = entry.getValue();
        Set<Integer> mine = joined.values().get(entry.getKey());
        if (mine == null) {
          joined.values().put(entry.getKey(), new HashSet<>(ids));
        } else if (!mine.containsAll(ids)) {
          Set<Integer> union = new HashSet<>(mine);
          union.addAll(ids);
          joined.values().put(entry.getKey(), union);
        }
      }
    }
    if (b.pins != null) {
      for (Map.Entry<Integer, Pin> entry : b.pins.entrySet()) {
        mergeEarlier(joined.pins(), entry.getKey(), entry.getValue());
      }
    }
    joinOrigins(joined, a, b);
    return joined;
  }

  /**
   * A local may hold an unowned value after a merge if it may on either side. An entry on one side
   * only differs from its declaration there: an unowned source is kept; {@link Origin#OWNED} is
   * dropped, since the other side holds what the declaration says, an unowned parameter.
   */
  private static void joinOrigins(LocalPins joined, LocalPins a, LocalPins b) {
    if (a.origins != null) {
      for (Map.Entry<Element, Origin> entry : a.origins.entrySet()) {
        if (entry.getValue().isOwned()
            && (b.origins == null || !b.origins.containsKey(entry.getKey()))) {
          joined.origins().remove(entry.getKey());
        }
      }
    }
    if (b.origins != null) {
      for (Map.Entry<Element, Origin> entry : b.origins.entrySet()) {
        Origin origin = entry.getValue();
        Origin mine = a.origins == null ? null : a.origins.get(entry.getKey());
        if (!origin.isOwned() && (mine == null || mine.isOwned())) {
          joined.origins().put(entry.getKey(), origin);
        }
      }
    }
  }

  /**
   * This state without {@code locals}, which have gone out of scope, and without the pins only they
   * held. Returns this state itself when none of them has an entry.
   */
  public LocalPins forget(Collection<? extends Element> locals) {
    if (locals.isEmpty() || isBlank() || !mentionsAny(locals)) {
      return this;
    }
    LocalPins kept = copy();
    for (Element local : locals) {
      if (kept.values != null && kept.values.containsKey(local)) {
        kept.values().remove(local);
      }
      if (kept.origins != null && kept.origins.containsKey(local)) {
        kept.origins().remove(local);
      }
    }
    if (kept.pins != null && !kept.pins.isEmpty()) {
      Set<Integer> held = new HashSet<>();
      if (kept.values != null) {
        for (Set<Integer> ids : kept.values.values()) {
          held.addAll(ids);
        }
      }
      if (!held.containsAll(kept.pins.keySet())) {
        kept.pins().keySet().retainAll(held);
      }
    }
    return kept;
  }

  private boolean mentionsAny(Collection<? extends Element> locals) {
    for (Element local : locals) {
      if ((values != null && values.containsKey(local))
          || (origins != null && origins.containsKey(local))) {
        return true;
      }
    }
    return false;
  }

  /**
   * This state at the top of another pass of a loop: each value id is renamed, from
   * the id of a value made in this iteration ({@code ids}) to the id of one made in an earlier iteration at the
   * same tree. So a value made again in the next pass gets an id no local holds yet, and neither
   * inherits the pin of its predecessor (a look-behind loop: {@code if (prev != null) start(prev);
   * prev = cur;}) nor meets it at a join (a {@code catch} in the loop body). Pins of values no local
   * holds any more are dropped. Returns a copy of this state when no local holds a tracked value.
   */
  LocalPins aged(ValueIds ids) {
    if (isEmpty()) {
      LocalPins aged = copy();
      aged.pins = null; // no local holds a value: what was pinned about one is gone
      return aged;
    }
    Map<Element, Set<Integer>> renamed = new HashMap<>();
    Map<Integer, Pin> agedPins = new HashMap<>();
    for (Map.Entry<Element, Set<Integer>> entry : values.entrySet()) {
      Set<Integer> earlier = new HashSet<>();
      for (Integer id : entry.getValue()) {
        int old = ids.older(id);
        earlier.add(old);
        Pin pin = pins == null ? null : pins.get(id);
        if (pin != null) {
          mergeEarlier(agedPins, old, pin);
        }
      }
      renamed.put(entry.getKey(), earlier);
    }
    LocalPins aged = new LocalPins();
    aged.values = renamed;
    aged.pins = agedPins;
    aged.origins = origins;
    aged.owned = origins == null; // the origins are shared with this state until one side writes
    owned &= origins == null;
    return aged;
  }

  /** Whether no local holds a pinned or tracked value: most states of most methods. */
  public boolean isEmpty() {
    return values == null || values.isEmpty();
  }

  /** Whether some local may hold a value that something about is pinned. */
  public boolean holdsPins() {
    return !isEmpty() && pins != null && !pins.isEmpty();
  }

  /** Whether the state holds nothing at all: no pins and no origins. */
  boolean isBlank() {
    return isEmpty() && (pins == null || pins.isEmpty()) && (origins == null || origins.isEmpty());
  }

  /**
   * Where the value {@code local} may hold comes from, where its declaration does not say: an
   * unowned source, {@link Origin#OWNED}, or null for what the declaration says.
   */
  Origin originOf(Element local) {
    return origins == null ? null : origins.get(local);
  }

  /** {@code local} now holds a value from {@code origin}; null for what its declaration says. */
  void holdFrom(Element local, Origin origin) {
    if (origin == null) {
      if (origins != null && origins.containsKey(local)) {
        origins().remove(local);
      }
      return;
    }
    if (origin != originOf(local)) {
      origins().put(local, origin);
    }
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
      if (values != null && values.containsKey(local)) {
        values().remove(local);
      }
      return;
    }
    values().put(local, Set.of(id));
    pins().put(id, pin);
  }

  /** {@code local} now holds whatever {@code source} holds ({@code local = source}). */
  public void alias(Element local, Element source, int id) {
    Set<Integer> ids = idsOf(source, id);
    values().put(local, ids);
  }

  /** The values {@code local} may hold, giving it {@code id} of its own if it had none. */
  Set<Integer> valuesOf(Element local, int id) {
    return idsOf(local, id);
  }

  /**
   * {@code local} now holds any of the values {@code ids} names, and also, where {@code pin} is not
   * null, a new value {@code id} with that pin ({@code ready ? a : pinnedField}).
   */
  void holdAny(Element local, Set<Integer> ids, int id, Pin pin) {
    if (pin == null) {
      values().put(local, ids);
      return;
    }
    Set<Integer> withOwn = new HashSet<>(ids);
    withOwn.add(id);
    values().put(local, withOwn);
    pins().put(id, pin);
  }

  /** Pins every value {@code local} may hold, and so every alias of it, unless pinned already. */
  public void pin(Element local, int id, Pin pin) {
    for (Integer value : idsOf(local, id)) {
      if (pins == null || !pins.containsKey(value)) {
        pins().put(value, pin);
      }
    }
  }

  /** The ids {@code local} holds, giving it {@code id} of its own if it had none. */
  private Set<Integer> idsOf(Element local, int id) {
    Set<Integer> ids = values == null ? null : values.get(local);
    if (ids == null) {
      ids = Set.of(id);
      values().put(local, ids);
    }
    return ids;
  }

  // Writers go through these: they take the maps over from a copy before the first write.
  // Sets in the values map are never written in place, so they may stay shared.

  private Map<Element, Set<Integer>> values() {
    own();
    if (values == null) {
      values = new HashMap<>();
    }
    return values;
  }

  private Map<Integer, Pin> pins() {
    own();
    if (pins == null) {
      pins = new HashMap<>();
    }
    return pins;
  }

  private Map<Element, Origin> origins() {
    own();
    if (origins == null) {
      origins = new HashMap<>();
    }
    return origins;
  }

  private void own() {
    if (owned) {
      return;
    }
    values = values == null ? null : new HashMap<>(values);
    pins = pins == null ? null : new HashMap<>(pins);
    origins = origins == null ? null : new HashMap<>(origins);
    owned = true;
  }

  /** Keeps under {@code id} the pin made on the earliest line: its message points there. */
  private static void mergeEarlier(Map<Integer, Pin> pins, Integer id, Pin pin) {
    Pin known = pins.get(id);
    pins.put(id, known == null ? pin : earlier(known, pin));
  }

  private static Pin earlier(Pin a, Pin b) {
    return a.line() <= b.line() ? a : b;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof LocalPins that
        && normal(values).equals(normal(that.values))
        && normal(pins).equals(normal(that.pins))
        && normal(origins).equals(normal(that.origins));
  }

  @Override
  public int hashCode() {
    return normal(values).hashCode();
  }

  private static <K, V> Map<K, V> normal(Map<K, V> map) {
    return map == null ? Map.of() : map;
  }
}
