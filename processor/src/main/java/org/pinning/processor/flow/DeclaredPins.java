package org.pinning.processor.flow;

import java.util.IdentityHashMap;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import org.pinning.processor.model.ArgumentMask;
import org.pinning.processor.model.BorrowingModel;
import org.pinning.processor.model.ContainerTypes;
import org.pinning.processor.model.PinAnnotations;

/**
 * What a variable's declaration says about the values read from it: a {@code @Pinned} place, pinned
 * type arguments ({@code List<@Pinned Task>}), or a borrowed parameter. Asked at every read of a
 * variable, so each answer is kept for the class being scanned.
 */
final class DeclaredPins {
  /** Stands for "no pin" in the cache, which keeps no nulls. */
  private static final Pin NONE = new Pin.PinnedPlace("");

  private final PinAnnotations annotations;
  private final ContainerTypes containers;
  private final BorrowingModel borrowing;
  private final Map<Element, Pin> known = new IdentityHashMap<>();

  DeclaredPins(PinAnnotations annotations, ContainerTypes containers, BorrowingModel borrowing) {
    this.annotations = annotations;
    this.containers = containers;
    this.borrowing = borrowing;
  }

  /** The pin {@code variable}'s declaration gives its reads, or null. */
  Pin of(Element variable) {
    Pin pin = known.get(variable);
    if (pin == null) {
      Pin computed = compute(variable);
      pin = computed == null ? NONE : computed;
      known.put(variable, pin);
    }
    return pin == NONE ? null : pin;
  }

  private Pin compute(Element variable) {
    ArgumentMask elements =
        variable instanceof VariableElement declared
            ? containers.variableArguments(declared)
            : containers.pinnedArguments(variable.asType());
    String name = variable.getSimpleName().toString();
    if (annotations.hasPinned(variable)) {
      return new Pin.PinnedPlace(name, elements);
    }
    if (isBorrowedParameter(variable)) {
      return new Pin.Borrowed(name, elements);
    }
    return elements.isEmpty() ? null : new Pin.Container(name, elements);
  }

  /**
   * A parameter of an override of a borrowing model method ({@code equals(Object)}) is checked as
   * if {@code @Pinned}: its callers may lend pinned values (§4.1). It may not be stored, but it may
   * be lent on to other calls, as the model method itself does: the helpers an {@code equals} or
   * {@code contains} delegates to are borrowing in all but name, and requiring {@code @Pinned} on
   * each would flag ordinary code that never sees a pinned value.
   */
  private boolean isBorrowedParameter(Element variable) {
    return variable.getKind() == ElementKind.PARAMETER
        && variable.getEnclosingElement() instanceof ExecutableElement method
        && method.getParameters().contains(variable)
        && borrowing.borrows(method);
  }
}
