package org.pinning.processor.flow;

import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BindingPatternTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.InstanceOfTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import java.util.HashSet;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.VariableElement;
import org.pinning.processor.model.ArgumentMask;

/**
 * The transfer of the analysis for stores (DESIGN.md §2, §4.2, §4.5): what each store into a
 * local, field or array element, each pattern binding, {@code return} and {@code throw} does to
 * the state, and which of them flow into places the rules judge. Reads are {@link ValueFlow}'s.
 */
public abstract class StoreFlow extends ValueFlow {

  protected StoreFlow(FlowContext context, CompilationUnitTree unit, FlowEvents events) {
    super(context, unit, events);
  }

  // Declarations of locals and fields

  @Override
  public Pin visitVariable(VariableTree node, Void unused) {
    if (!(trees.getElement(getCurrentPath()) instanceof VariableElement variable)) {
      return super.visitVariable(node, unused);
    }
    boolean field =
        variable.getKind() == ElementKind.FIELD || variable.getKind() == ElementKind.ENUM_CONSTANT;
    boolean parameter = getCurrentPath().getParentPath().getLeaf() instanceof MethodTree;
    if (!field && !parameter) {
      events.localDeclared(variable);
      declaredLocal(variable);
    }
    scan(node.getModifiers(), unused);
    scan(node.getType(), unused);
    ExpressionTree initializer = node.getInitializer();
    if (initializer == null) {
      return null;
    }
    Pin value = scan(initializer, unused);
    if (field) {
      if (annotations.hasPinned(variable)) {
        pins(initializer, value);
      }
      flowsInto(initializer, value, new Place.Field(variable, enclosingClass()));
    } else {
      Pin kept = isImplicitlyTyped(node) ? value : keepDeclaredElements(variable, initializer, value);
      store(variable, initializer, kept, node);
    }
    return null;
  }

  // Stores

  @Override
  public Pin visitAssignment(AssignmentTree node, Void unused) {
    ExpressionTree target = node.getVariable();
    if (target instanceof ArrayAccessTree access) {
      scan(access.getExpression(), unused);
      scan(access.getIndex(), unused);
      Pin value = scan(node.getExpression(), unused);
      flowsInto(node.getExpression(), value, new Place.ArrayElement());
      return value;
    }
    if (target instanceof MemberSelectTree select) {
      scan(select.getExpression(), unused);
    }
    Pin value = scan(node.getExpression(), unused);
    Element element = trees.getElement(new TreePath(getCurrentPath(), target));
    if (element instanceof VariableElement variable) {
      if (variable.getKind() == ElementKind.FIELD) {
        if (annotations.hasPinned(variable)) {
          pins(node.getExpression(), value);
        }
        flowsInto(node.getExpression(), value, new Place.Field(variable, enclosingClass()));
      } else {
        store(
            variable,
            node.getExpression(),
            keepDeclaredElements(variable, node.getExpression(), value),
            node);
      }
    }
    return value;
  }

  @Override
  public Pin visitNewArray(NewArrayTree node, Void unused) {
    scan(node.getType(), unused);
    scan(node.getDimensions(), unused);
    if (node.getInitializers() != null) {
      for (ExpressionTree initializer : node.getInitializers()) {
        flowsInto(initializer, scan(initializer, unused), new Place.ArrayInitializer());
      }
    }
    return null;
  }

  /**
   * A local's declared type arguments are taken as written (§4.7): a container of pinned elements
   * stored into a local whose type drops them is a flow into that local, and the local keeps only
   * the pin of the value itself. ({@code var} keeps them: its caller does not ask.)
   */
  private Pin keepDeclaredElements(VariableElement local, ExpressionTree value, Pin pin) {
    if (pin == null || (pin.elements().isEmpty() && pin.isPinnedValue())) {
      return pin; // a Container may hold its pinned elements by its class alone (RunQueue)
    }
    flowsInto(value, pin, new Place.Local(local));
    return pin.isPinnedValue() ? pin.withElements(ArgumentMask.NONE) : null;
  }

  /**
   * A value stored into a local or parameter. Into a {@code @Pinned} one (a slot, which may be
   * given another value, §4.2) it pins the locals it came from; into any other it is not a move:
   * the local takes on the pin of what it holds (§2).
   */
  private void store(VariableElement variable, ExpressionTree value, Pin pin, Tree node) {
    if (annotations.hasPinned(variable)) {
      pins(value, pin);
      return;
    }
    if (variable.asType().getKind().isPrimitive()) {
      return;
    }
    holdFrom(variable, originOf(value, pin));
    hold(variable, value, pin == null ? null : pin.receivedAt(line(value)), node);
  }

  /**
   * {@code local} now holds the value of {@code value}, made at {@code node}: it aliases each
   * unpinned local that value may be ({@code b = a}, {@code ready ? a : null}, {@code
   * requireNonNull(a)}), so that pinning either pins both; where the value may be something else
   * too, it may also hold a value of its own, with {@code received}, what is pinned about it.
   */
  private void hold(VariableElement local, ExpressionTree value, Pin received, Tree node) {
    Set<Integer> aliased = null;
    boolean other = false;
    for (ExpressionTree branch : branchesOf(value)) {
      Element source = localIn(branch);
      if (source != null && !annotations.hasPinned(source)) {
        Set<Integer> ids = state().valuesOf(source, idOf(branch));
        aliased = aliased == null ? ids : union(aliased, ids);
      } else if (branch.getKind() != Tree.Kind.NULL_LITERAL) {
        other = true;
      }
    }
    if (aliased != null) {
      state().holdAny(local, aliased, idOf(node), other ? received : null);
    } else if (received != null || (state != null && !state.isEmpty())) {
      state().holdNew(local, idOf(node), received);
    }
  }

  private static Set<Integer> union(Set<Integer> a, Set<Integer> b) {
    if (a.containsAll(b)) {
      return a;
    }
    Set<Integer> union = new HashSet<>(a);
    union.addAll(b);
    return union;
  }


  // Patterns

  @Override
  public Pin visitInstanceOf(InstanceOfTree node, Void unused) {
    Pin value = scan(node.getExpression(), unused);
    if (node.getPattern() instanceof BindingPatternTree binding) {
      VariableTree variable = binding.getVariable();
      TreePath path = new TreePath(new TreePath(getCurrentPath(), binding), variable);
      if (trees.getElement(path) instanceof VariableElement local) {
        events.localDeclared(local);
        declaredLocal(local);
        if (value == null || value.elements().isEmpty()) {
          hold(local, node.getExpression(), boundTo(value, node), variable); // aliases a local
        } else {
          state().holdNew(local, idOf(variable), boundTo(value, node));
        }
        holdFrom(local, originOf(node.getExpression(), value));
      }
      return null;
    }
    scan(node.getType(), unused);
    return null;
  }

  /**
   * A pattern binding of a switch case ({@code case Task t ->}) holds the selector's value;
   * bindings nested in a record pattern hold components, which the selector's pin does not reach.
   * ({@code instanceof} patterns are bound in {@link #visitInstanceOf}.)
   */
  @Override
  public Pin visitBindingPattern(BindingPatternTree node, Void unused) {
    VariableTree variable = node.getVariable();
    TreePath path = new TreePath(getCurrentPath(), variable);
    if (trees.getElement(path) instanceof VariableElement local) {
      events.localDeclared(local);
      declaredLocal(local);
      Pin selector = CaseLabels.isCaseLabel(getCurrentPath().getParentPath()) ? caseSelector() : null;
      Pin held = boundTo(selector, node);
      if (held != null || (state != null && !state.isEmpty())) {
        state().holdNew(local, idOf(variable), held);
      }
    }
    return null;
  }

  /** What a pattern binding holds of the {@code value} it matches, at the pattern {@code node}. */
  private Pin boundTo(Pin value, Tree node) {
    return value == null || !value.isPinnedValue()
        ? null
        : value.withElements(ArgumentMask.NONE).receivedAt(line(node));
  }

  // Flows out of a body

  @Override
  protected void returned(ReturnTree node, Pin value) {
    if (node.getExpression() != null && returnPlace() != null) {
      if (returnPlace() instanceof Place.Returned returnedBy
          && annotations.hasPinned(returnedBy.method())) {
        pins(node.getExpression(), value);
      }
      flowsInto(node.getExpression(), value, returnPlace());
    }
  }

  @Override
  protected void thrown(ThrowTree node, Pin value) {
    flowsInto(node.getExpression(), value, new Place.Thrown());
  }
}
