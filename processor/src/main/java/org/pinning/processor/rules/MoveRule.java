package org.pinning.processor.rules;

import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import org.pinning.processor.flow.Pin;
import org.pinning.processor.flow.Place;
import org.pinning.processor.model.ArgumentMask;
import org.pinning.processor.model.BorrowingModel;
import org.pinning.processor.model.ContainerTypes;
import org.pinning.processor.model.FunctionalTypes;
import org.pinning.processor.model.PinAnnotations;
import org.pinning.processor.model.PinModel;
import org.pinning.processor.report.Finding;
import org.pinning.processor.report.Messages;
import org.pinning.processor.report.Reporter;
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
 * <p>The analysis reports every flow of a value it knows something pinned about; this rule decides
 * which are moves: the place does not keep the pin, and the value's static type is not known Unpin
 * ({@code Pin<&mut T>} for {@code T: Unpin} is freely unpinned in Rust). A container of pinned
 * elements ({@code List<@Pinned Task>}) moves them where the place's type arguments are not
 * {@code @Pinned} (§4.7). Into the return of a method that may not be declared {@code @Pinned}
 * (it overrides one whose return is not pinned, §4.6), the help names what may, or says that the
 * value escapes ({@link OverrideRule#unpinnedReturn}).
 */
public final class MoveRule {
  private final PinModel model;
  private final PinAnnotations annotations;
  private final ContainerTypes containers;
  private final FunctionalTypes functionalTypes;
  private final BorrowingModel borrowing;
  private final Trees trees;
  private final OverrideRule overrides;

  public MoveRule(
      PinModel model,
      ContainerTypes containers,
      FunctionalTypes functionalTypes,
      BorrowingModel borrowing,
      Trees trees,
      OverrideRule overrides) {
    this.model = model;
    this.overrides = overrides;
    this.annotations = model.annotations();
    this.containers = containers;
    this.functionalTypes = functionalTypes;
    this.borrowing = borrowing;
    this.trees = trees;
  }

  /** A value with {@code pin} flows from the expression at {@code value} into {@code place}. */
  public void flowsInto(TreePath value, Pin pin, Place place, Reporter out) {
    if (place instanceof Place.ArrayCopy) {
      out.report(Messages.containerMove(Site.tree(value), pin, place));
      return;
    }
    if (!keepsValuePinned(pin, place)) {
      report(out, checkValue(Site.tree(value), pin, trees.getTypeMirror(value), place));
      if (keepsTypeArguments(place)) {
        report(out, checkElements(value, pin, place));
      }
    } else if (place instanceof Place.Field || place instanceof Place.Returned) {
      report(out, checkElements(value, pin, place));
    }
  }

  /** Whether the value itself stays pinned in {@code place}: a pinned place, or one that borrows. */
  private boolean keepsValuePinned(Pin pin, Place place) {
    if (place instanceof Place.Field field) {
      return annotations.hasPinned(field.field());
    }
    if (place instanceof Place.Returned returned) {
      return annotations.hasPinned(returned.method());
    }
    if (place instanceof Place.Parameter parameter) {
      return parameter.pinned()
          || lentOn(pin, parameter)
          || borrowing.borrows(parameter.method(), parameter.argument());
    }
    if (place instanceof Place.LambdaReturn lambda) {
      return lambda.result().pinned() || functionalTypes.keepsResultPinned(lambda.functional());
    }
    if (place instanceof Place.MethodReferenceResult reference) {
      return reference.result().pinned()
          || functionalTypes.keepsResultPinned(reference.functional());
    }
    return false;
  }

  /**
   * A borrowed parameter ({@code o} of an {@code equals(Object o)}) may be lent on to a method, as
   * the borrowing method itself does, but not to a constructor: a new object keeps what it is
   * given.
   */
  private static boolean lentOn(Pin pin, Place.Parameter parameter) {
    return pin instanceof Pin.Borrowed && parameter.method().getKind() != ElementKind.CONSTRUCTOR;
  }

  /** Whether a place has type arguments that may drop the pins of a container's elements. */
  private static boolean keepsTypeArguments(Place place) {
    return !(place instanceof Place.LambdaReturn
        || place instanceof Place.MethodReferenceResult
        || place instanceof Place.Thrown);
  }

  /** The finding for a value with {@code pin} and static type {@code type} going to {@code place}. */
  private Finding checkValue(Site site, Pin pin, TypeMirror type, Place place) {
    if (place instanceof Place.Local
        || !pin.isPinnedValue()
        || type == null
        || model.isKnownUnpin(type)) {
      return null; // locals are inferred: storing into one is never itself a move (§2)
    }
    if (pin instanceof Pin.PinnedAfter after) {
      return Messages.afterPin(site, after, place);
    }
    Finding override = moveIntoOverride(site, pin, place, false);
    return override != null ? override : Messages.move(site, pin, place);
  }

  /**
   * A move into the return of a method that may not declare it {@code @Pinned}, since a method it
   * overrides does not pin its return (§4.6): the help says what may, or that the value escapes.
   */
  private Finding moveIntoOverride(Site site, Pin pin, Place place, boolean elements) {
    if (!(place instanceof Place.Returned returned)
        || !(returned.method().getEnclosingElement() instanceof TypeElement type)) {
      return null;
    }
    OverrideRule.UnpinnedReturn why = overrides.unpinnedReturn(type, returned.method());
    return why == null
        ? null
        : Messages.moveIntoOverride(
            site,
            pin,
            returned,
            elements,
            why.overridden(),
            why.clauseOwner(),
            why.clause(),
            why.overriddenFromSource());
  }

  /**
   * The finding for a container of pinned elements flowing into {@code place}; null when every
   * pinned element type stays pinned there.
   */
  private Finding checkElements(TreePath value, Pin pin, Place place) {
    TypeMirror valueType = trees.getTypeMirror(value);
    if (valueType == null) {
      return null;
    }
    if (pin.elements().isEmpty()) {
      // RunQueue extends ArrayDeque<@Pinned Task>: pinned elements by its class alone, which
      // they keep wherever the value keeps that class (a RunQueue, an element of a List<E>).
      if (!containers.pinsThroughSupertypes(valueType)
          || place.type() == null
          || place.type().getKind() != TypeKind.DECLARED
          || containers.pinsThroughSupertypes(place.type())) {
        return null;
      }
    }
    TypeMirror into = place.type() == null ? model.types().getNullType() : place.type();
    ArgumentMask allowed =
        place instanceof Place.Parameter parameter
            ? parameter.allowed()
            : place instanceof Place.Field field
                ? containers.variableArguments(field.field())
                : containers.pinnedArguments(place.type());
    ArgumentMask required = containers.translate(valueType, pin.elements(), into);
    if (!required.isEmpty() && required.isWithin(allowed)) {
      return null;
    }
    Finding override = moveIntoOverride(Site.tree(value), pin, place, true);
    return override != null ? override : Messages.containerMove(Site.tree(value), pin, place);
  }

  private static void report(Reporter out, Finding finding) {
    if (finding != null) {
      out.report(finding);
    }
  }
}
