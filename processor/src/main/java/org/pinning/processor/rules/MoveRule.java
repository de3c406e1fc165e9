package org.pinning.processor.rules;

import javax.lang.model.type.TypeMirror;
import org.pinning.processor.flow.Pin;
import org.pinning.processor.flow.Place;
import org.pinning.processor.model.ArgumentMask;
import org.pinning.processor.model.ContainerTypes;
import org.pinning.processor.model.PinModel;
import org.pinning.processor.report.Finding;
import org.pinning.processor.report.Messages;
import org.pinning.processor.report.Site;

/**
 * {@code pin:move} and {@code pin:after-pin} (DESIGN.md §4.1, §4.5): a pinned value flows into an
 * unpinned place — a field, an array, an unpinned parameter, a return, a throw.
 *
 * <pre>{@code
 * void watch(@Pinned Task task) {
 *   last = task.buffer;          // rejected: 'last' is not a pinned place
 *   task.buffer.flush();         // fine: using a pinned value is not moving it
 * }
 * void start(Task task) {
 *   executor.spawn(task);        // spawn(@Pinned Task): pins 'task'
 *   backlog.add(task);           // rejected: pin:after-pin, pinned at the line above
 * }
 * }</pre>
 *
 * <p>The scanner finds the flows; this rule decides which are moves: a pinned value whose static
 * type is not known Unpin ({@code Pin<&mut T>} for {@code T: Unpin} is freely unpinned in Rust).
 */
public final class MoveRule {
  private final PinModel model;
  private final ContainerTypes containers;

  public MoveRule(PinModel model, ContainerTypes containers) {
    this.model = model;
    this.containers = containers;
  }

  /** The finding for a value with {@code pin} and static type {@code type} going to {@code place}. */
  public Finding check(Site site, Pin pin, TypeMirror type, Place place) {
    if (pin == null || !pin.isPinnedValue() || type == null || model.isKnownUnpin(type)) {
      return null;
    }
    return pin instanceof Pin.PinnedAfter after
        ? Messages.afterPin(site, after, place)
        : Messages.move(site, pin, place);
  }

  /**
   * The finding for a container of pinned elements ({@code pin.elements()} over the class of {@code
   * valueType}) flowing into {@code place}; null when every pinned element type stays pinned there.
   */
  public Finding checkElements(Site site, Pin pin, TypeMirror valueType, Place place) {
    if (pin == null || pin.elements().isEmpty() || valueType == null) {
      return null;
    }
    TypeMirror into = place.type() == null ? model.types().getNullType() : place.type();
    ArgumentMask allowed =
        place instanceof Place.Parameter parameter
            ? parameter.allowed()
            : ArgumentMask.of(containers.pinnedArguments(place.type()));
    ArgumentMask required =
        ArgumentMask.of(containers.translate(valueType, pin.elements().bits(), into));
    if (!required.isEmpty() && required.isWithin(allowed)) {
      return null;
    }
    return Messages.containerMove(site, pin, place);
  }
}
