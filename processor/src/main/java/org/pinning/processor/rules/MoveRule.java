package org.pinning.processor.rules;

import java.util.function.Supplier;
import javax.lang.model.type.TypeMirror;
import org.pinning.processor.flow.Pin;
import org.pinning.processor.model.ContainerTypes;
import org.pinning.processor.model.PinModel;
import org.pinning.processor.report.Finding;
import org.pinning.processor.report.Messages;
import org.pinning.processor.report.MoveTarget;
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

  /**
   * The finding for a value with {@code pin} and static type {@code type} going to {@code target}.
   * The target is named only for a finding: most values that reach here may go there.
   */
  public Finding check(Site site, Pin pin, TypeMirror type, Supplier<MoveTarget> target) {
    if (pin == null || !pin.value() || type == null || model.isKnownUnpin(type)) {
      return null;
    }
    return pin.afterPin()
        ? Messages.afterPin(site, pin.name(), pin.line(), target.get())
        : Messages.move(site, pin.name(), pin.origin(), pin.line(), target.get());
  }

  /**
   * The finding for a container of pinned elements ({@code pin.elements()} over the class of {@code
   * valueType}) flowing into a place of type {@code targetType} whose pinned type arguments are
   * {@code allowed}; null when every pinned element type stays pinned there.
   */
  public Finding checkElements(
      Site site,
      Pin pin,
      TypeMirror valueType,
      TypeMirror targetType,
      int allowed,
      Supplier<MoveTarget> target) {
    if (pin == null || pin.elements() == 0 || valueType == null || targetType == null) {
      return null;
    }
    int required = containers.translate(valueType, pin.elements(), targetType);
    if (required != 0 && (required & ~allowed) == 0) {
      return null;
    }
    return Messages.containerMove(site, pin.name(), target.get());
  }
}
