package org.pinning.processor.flow;

import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Name;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import org.pinning.processor.model.ContainerTypes;
import org.pinning.processor.model.LocalVariables;
import org.pinning.processor.model.MemberPins;
import org.pinning.processor.model.PinAnnotations;

/**
 * Who owns a value (DESIGN.md §4.9, §4.10): where the value of an expression comes from when the
 * method does not own it, and what {@code this} is in each enclosing body. A value is owned where
 * it is fresh, handed over by a call, pinned already, or a local holding only those; the answer
 * for it is null. The analysis asks here before it pins a value; {@code LocalPins} remembers the
 * answer for each local.
 */
final class Ownership {
  private final Trees trees;
  private final PinAnnotations annotations;
  private final MemberPins members;
  private final ContainerTypes containers;
  private final Name thisName;
  private final Name superName;
  private final ValueBranches valueBranches;
  private final Function<ExpressionTree, Pin> branchPins;

  /**
   * What {@code this} is in each enclosing body, innermost first: a method, constructor or (with
   * no member) a class's initializers.
   */
  private final Deque<Self> selves = new ArrayDeque<>();

  /**
   * {@code this} in the code of {@code member} of {@code type}: pinned and owned where the member
   * has a pinned receiver, is a {@code @Pinned} constructor, or its class has only those (§4.10).
   */
  private record Self(TypeElement type, ExecutableElement member, boolean pinnedAndOwned) {}

  /**
   * @param valueBranches the expressions a value may be: its branches, or itself
   * @param branchPins the pin of each branch of a conditional expression scanned: an element read
   *     from a pinned container is owned in a branch as it is on its own
   */
  Ownership(
      FlowContext context,
      ValueBranches valueBranches,
      Function<ExpressionTree, Pin> branchPins) {
    this.valueBranches = valueBranches;
    this.branchPins = branchPins;
    this.trees = context.trees();
    this.annotations = context.model().annotations();
    this.members = context.model().members();
    this.containers = context.containers();
    this.thisName = context.names().thisName();
    this.superName = context.names().superName();
  }

  // What 'this' is

  /** The initializers of {@code type} are entered; {@link #leave} leaves them. */
  void enterClass(TypeElement type) {
    selves.push(new Self(type, null, members.hasOnlyPinnedConstructors(type)));
  }

  /** The body of {@code method}, declared in {@code enclosing}, is entered. */
  void enterMember(ExecutableElement method, TypeElement enclosing) {
    Self outer = selves.peek();
    TypeElement type = outer == null ? enclosing : outer.type();
    boolean pinnedAndOwned =
        (outer != null && outer.pinnedAndOwned())
            || members.isPinnedFromBirth(method)
            || members.hasPinnedReceiver(method);
    selves.push(new Self(type, method, pinnedAndOwned));
  }

  void leave() {
    selves.pop();
  }

  /** Whether {@code this} is pinned and owned in the code being scanned (§4.10). */
  boolean isThisPinnedAndOwned() {
    Self self = selves.peek();
    return self != null && self.pinnedAndOwned();
  }

  /** The type of {@code this} in the code being scanned, or null outside any class. */
  TypeMirror thisType() {
    Self self = selves.peek();
    return self == null ? null : self.type().asType();
  }

  /** Where {@code this} comes from here, or null where it is owned. */
  Origin thisOrigin() {
    Self self = selves.peek();
    if (self == null || self.pinnedAndOwned()) {
      return null;
    }
    ExecutableElement member = self.member();
    Origin.Kind kind =
        member == null || member.getKind() == ElementKind.CONSTRUCTOR
            ? Origin.Kind.CONSTRUCTED
            : Origin.Kind.RECEIVER;
    return new Origin(kind, "this", member, self.type());
  }

  // Where a value comes from

  /**
   * Where the value of {@code value} (with {@code pin}), read in the code at {@code path} of
   * {@code context}, comes from if the method does not own it; null where it does. {@code state}
   * tells what each local holds (null: nothing known).
   */
  Origin originOf(
      TreePath path, ExpressionTree value, Pin pin, LocalPins state, TypeElement context) {
    ExpressionTree bare = Expressions.strip(value);
    List<ExpressionTree> branches = valueBranches.of(path, bare);
    if (branches.size() != 1 || branches.get(0) != bare) {
      // ready ? a : b, a switch expression, requireNonNull(t): whatever it may be
      for (ExpressionTree branch : branches) {
        Origin origin = originOf(path, branch, branchPins.apply(branch), state, context);
        if (origin != null) {
          return origin;
        }
      }
      return null;
    }
    if (bare instanceof AssignmentTree assignment) {
      return originOf(path, assignment.getExpression(), pin, state, context);
    }
    if (bare instanceof IdentifierTree identifier) {
      if (isThisOrSuper(identifier.getName())) {
        return thisOrigin();
      }
      Element element = trees.getElement(new TreePath(path, identifier));
      return originOfVariable(element, pin, state, context);
    }
    if (bare instanceof MemberSelectTree select) {
      if (isThisOrSuper(select.getIdentifier())) {
        return outerThisOrigin(path, select, context);
      }
      Element element = trees.getElement(new TreePath(path, select));
      return element != null && element.getKind() == ElementKind.FIELD
          ? fieldOrigin(element, select.toString(), context)
          : null;
    }
    if (bare instanceof ArrayAccessTree access) {
      if (pin != null && pin.isPinnedValue()) {
        return null; // an element of a @Pinned varargs array: its callers pinned it
      }
      return new Origin(
          Origin.Kind.ARRAY_ELEMENT, access.getExpression().toString(), null, context);
    }
    if (bare instanceof MethodInvocationTree call) {
      return originOfCall(path, call, pin, context);
    }
    return null;
  }

  /**
   * Where the elements of {@code iterated}, of static type {@code type}, come from when an
   * enhanced {@code for} reads them: the array or container still holds them.
   */
  static Origin elementOrigin(ExpressionTree iterated, TypeMirror type, TypeElement context) {
    Origin.Kind kind =
        type != null && type.getKind() == TypeKind.ARRAY
            ? Origin.Kind.ARRAY_ELEMENT
            : Origin.Kind.CONTAINER_ELEMENT;
    return new Origin(kind, iterated.toString(), null, context);
  }

  /** Where a variable's value comes from by its declaration: a parameter's caller, or none. */
  Origin declaredOrigin(Element variable, TypeElement context) {
    if (!hasDeclaredOrigin(variable)) {
      return null;
    }
    String name = variable.getSimpleName().toString();
    if (variable.getKind() == ElementKind.EXCEPTION_PARAMETER) {
      return new Origin(Origin.Kind.CATCH_PARAMETER, name, variable, context);
    }
    boolean ofMethod =
        variable.getEnclosingElement() instanceof ExecutableElement method
            && method.getParameters().contains(variable);
    return new Origin(
        ofMethod ? Origin.Kind.PARAMETER : Origin.Kind.LAMBDA_PARAMETER, name, variable, context);
  }

  /** Whether {@link #declaredOrigin} has an origin for {@code variable}: a parameter's caller. */
  static boolean hasDeclaredOrigin(Element variable) {
    ElementKind kind = variable.getKind();
    return kind == ElementKind.PARAMETER || kind == ElementKind.EXCEPTION_PARAMETER;
  }

  /**
   * Where the value of a read of {@code element} comes from; {@code read} is the read's pin, null
   * for a branch of a value with branches, whose own pin the state tells.
   */
  private Origin originOfVariable(Element element, Pin read, LocalPins state, TypeElement context) {
    if (element == null || annotations.hasPinned(element)) {
      return null;
    }
    if (element.getKind() == ElementKind.FIELD) {
      return fieldOrigin(element, element.getSimpleName().toString(), context);
    }
    if (!LocalVariables.isLocal(element)) {
      return null;
    }
    Pin pin = read != null || state == null ? read : state.pinOf(element);
    if (pin instanceof Pin.PinnedAfter) {
      return null; // pinned in this method: pinning it again changes nothing
    }
    Origin held = state == null ? null : state.originOf(element);
    if (held != null) {
      return held.isOwned() ? null : held;
    }
    if (pin != null && pin.isPinnedValue() && !(pin instanceof Pin.Borrowed)) {
      return null;
    }
    return declaredOrigin(element, context);
  }

  /** A field not {@code @Pinned} keeps an alias; named as read: {@code plain}, {@code o.plain}. */
  private Origin fieldOrigin(Element field, String name, TypeElement context) {
    return annotations.hasPinned(field)
        ? null
        : new Origin(Origin.Kind.FIELD, name, field, context);
  }

  /** {@code Outer.this}: owned where {@code Outer} has only pinned constructors. */
  private Origin outerThisOrigin(TreePath path, MemberSelectTree select, TypeElement context) {
    Element outer = trees.getElement(new TreePath(path, select.getExpression()));
    if (!(outer instanceof TypeElement type) || type.equals(context)) {
      return thisOrigin();
    }
    return members.hasOnlyPinnedConstructors(type)
        ? null
        : new Origin(Origin.Kind.CONSTRUCTED, select.toString(), null, type);
  }

  /** A call's result is handed over, but for an element read from an unpinned container. */
  private Origin originOfCall(
      TreePath path, MethodInvocationTree call, Pin pin, TypeElement context) {
    if ((pin != null && pin.isPinnedValue())
        || !(call.getMethodSelect() instanceof MemberSelectTree select)
        || !(trees.getElement(new TreePath(path, call)) instanceof ExecutableElement method)
        || !containers.isElementRead(method)) {
      return null;
    }
    return new Origin(
        Origin.Kind.CONTAINER_ELEMENT, select.getExpression().toString(), null, context);
  }

  private boolean isThisOrSuper(Name name) {
    return name.equals(thisName) || name.equals(superName);
  }
}
