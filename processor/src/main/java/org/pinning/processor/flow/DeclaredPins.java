package org.pinning.processor.flow;

import java.util.IdentityHashMap;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import org.pinning.processor.model.ArgumentMask;
import org.pinning.processor.model.BorrowingModel;
import org.pinning.processor.model.ContainerTypes;
import org.pinning.processor.model.PinAnnotations;
import org.pinning.processor.model.PinModel;

/**
 * What a variable's declaration says about the values read from it: a {@code @Pinned} place, pinned
 * type arguments ({@code List<@Pinned Task>}), or a borrowed parameter. Asked at every read of a
 * variable, so each answer is kept for the class being scanned.
 */
final class DeclaredPins {
  /** Stands for "no pin" in the cache, which keeps no nulls. */
  private static final Pin NONE = new Pin.PinnedPlace("");

  private final PinModel model;
  private final PinAnnotations annotations;
  private final ContainerTypes containers;
  private final BorrowingModel borrowing;
  private final Map<Element, Pin> known = new IdentityHashMap<>();

  DeclaredPins(PinModel model, ContainerTypes containers, BorrowingModel borrowing) {
    this.model = model;
    this.annotations = model.annotations();
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
    // RunQueue extends ArrayDeque<@Pinned Task>: a container of pinned elements by its class
    return elements.isEmpty() && !containers.pinsThroughSupertypes(variable.asType())
        ? null
        : new Pin.Container(name, elements);
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
        && inPinnedType(method)
        && isBorrowedBy(method, method.getParameters().indexOf(variable));
  }

  /** A lambda's parameter has the method around it as its enclosing element: index -1. */
  private boolean isBorrowedBy(ExecutableElement method, int index) {
    return index >= 0 && borrowing.borrows(method, index);
  }

  /**
   * Only an instance method of a pinned type inherits the borrow as a check (§4.1): its {@code
   * equals} and {@code compareTo} are where pinned values arrive, while code that declares and uses
   * no pinned type gets no diagnostic, ever (an {@code equals} that remembers its argument).
   */
  private boolean inPinnedType(ExecutableElement method) {
    return !method.getModifiers().contains(Modifier.STATIC)
        && method.getEnclosingElement() instanceof TypeElement type
        && model.isPinnedDeclaration(type);
  }
}
