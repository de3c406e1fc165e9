package org.pinning.processor.flow;

import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.BreakTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ContinueTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.YieldTree;
import com.sun.source.util.TreePathScanner;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.List;
import javax.lang.model.element.Name;

/**
 * The control flow of the after-pin analysis (DESIGN.md §4.5) but loops: a scanner that carries a
 * {@link LocalPins} state through method bodies in evaluation order, splits it at branches, joins
 * it at merges (a may-analysis that does not correlate conditions), and routes {@code break},
 * {@code continue}, {@code return}, {@code throw} and exceptions to where they land. {@link
 * FlowScanner} adds loops. Visits of expressions return the {@link Pin} of their value, or null
 * when nothing about it is pinned.
 */
public abstract class BranchFlow extends TreePathScanner<Pin, Void> {
  /** The state here; null where control cannot reach. */
  protected LocalPins state = LocalPins.empty();

  /** The statements that {@code break}, {@code continue} and {@code yield} may leave. */
  protected final Deque<JumpScope> jumps = new ArrayDeque<>();

  /** The states an exception may leave each enclosing {@code try} block in, innermost first. */
  private final Deque<TryBlock> tryBlocks = new ArrayDeque<>();

  private Pin caseSelector;

  /** The pins of the branches of conditional expressions, where one is pinned: the value is either. */
  private final Map<Tree, Pin> branchPins = new IdentityHashMap<>();

  /** What a {@code catch} or {@code finally} may start from: every state of its {@code try}. */
  private static final class TryBlock {
    LocalPins mayThrowFrom;

    TryBlock(LocalPins entry) {
      this.mayThrowFrom = entry;
    }
  }

  @Override
  public Pin reduce(Pin a, Pin b) {
    return null; // only the visits below that define an expression's pin return one
  }

  @Override
  public Pin scan(Tree tree, Void unused) {
    if (state == null && tree instanceof StatementTree) {
      state = LocalPins.empty(); // unreachable code: javac rejects most of it anyway
    }
    Pin pin = super.scan(tree, unused);
    if (tree instanceof StatementTree && !tryBlocks.isEmpty()) {
      collectForCatch();
    }
    return pin;
  }

  // Bodies: each method, lambda and class body starts from the state of its surroundings
  // (captured locals keep their pin) and leaves that state untouched.

  @Override
  public Pin visitMethod(MethodTree node, Void unused) {
    LocalPins outer = state;
    Deque<JumpScope> outerJumps = new ArrayDeque<>(jumps);
    jumps.clear();
    state = outer == null ? LocalPins.empty() : outer.copy();
    try {
      return super.visitMethod(node, unused);
    } finally {
      state = outer;
      jumps.addAll(outerJumps);
    }
  }

  @Override
  public Pin visitLambdaExpression(LambdaExpressionTree node, Void unused) {
    LocalPins outer = state;
    state = outer == null ? LocalPins.empty() : outer.copy();
    Deque<TryBlock> outerTries = leaveTryBlocks();
    try {
      scan(node.getParameters(), unused);
      enterLambda(node);
      Pin body = scan(node.getBody(), unused);
      if (node.getBodyKind() == LambdaExpressionTree.BodyKind.EXPRESSION) {
        lambdaReturned(node, body);
      }
      return null;
    } finally {
      state = outer;
      returnToTryBlocks(outerTries);
    }
  }

  /** The lambda's parameters are declared; its body comes next. */
  protected abstract void enterLambda(LambdaExpressionTree node);

  /** An expression lambda's value, with pin {@code value}. */
  protected abstract void lambdaReturned(LambdaExpressionTree node, Pin value);

  @Override
  public Pin visitClass(ClassTree node, Void unused) {
    LocalPins outer = state;
    Deque<TryBlock> outerTries = leaveTryBlocks();
    try {
      return super.visitClass(node, unused);
    } finally {
      state = outer;
      returnToTryBlocks(outerTries);
    }
  }

  /**
   * Enters a body that runs later or elsewhere (a lambda's, a local or anonymous class's): what
   * it pins is not pinned in the code around it (its state is dropped on leaving), so neither may
   * it reach a {@code catch} around the body's declaration. Returns the enclosing {@code try}
   * blocks for {@link #returnToTryBlocks}; null, and no allocation, outside any.
   */
  private Deque<TryBlock> leaveTryBlocks() {
    if (tryBlocks.isEmpty()) {
      return null;
    }
    Deque<TryBlock> outer = new ArrayDeque<>(tryBlocks);
    tryBlocks.clear();
    return outer;
  }

  private void returnToTryBlocks(Deque<TryBlock> outer) {
    if (outer != null) {
      tryBlocks.addAll(outer);
    }
  }

  // Branches

  @Override
  public Pin visitIf(IfTree node, Void unused) {
    scan(node.getCondition(), unused);
    LocalPins before = copyOfState();
    scan(node.getThenStatement(), unused);
    LocalPins afterThen = state;
    state = before;
    scan(node.getElseStatement(), unused);
    state = LocalPins.join(afterThen, state);
    return null;
  }

  @Override
  public Pin visitConditionalExpression(ConditionalExpressionTree node, Void unused) {
    scan(node.getCondition(), unused);
    LocalPins before = copyOfState();
    Pin whenTrue = scan(node.getTrueExpression(), unused);
    LocalPins afterTrue = state;
    state = before;
    Pin whenFalse = scan(node.getFalseExpression(), unused);
    state = LocalPins.join(afterTrue, state);
    rememberBranch(node.getTrueExpression(), whenTrue);
    rememberBranch(node.getFalseExpression(), whenFalse);
    return whenTrue != null ? whenTrue : whenFalse;
  }

  private void rememberBranch(ExpressionTree branch, Pin pin) {
    if (pin != null) {
      branchPins.put(branch, pin);
    } else {
      branchPins.remove(branch); // a pass of a loop body may see less pinned than the last
    }
  }

  /** The pin of {@code branch}, one of the two values of a conditional expression scanned. */
  protected Pin pinOfBranch(ExpressionTree branch) {
    return branchPins.get(branch);
  }

  @Override
  public Pin visitBinary(BinaryTree node, Void unused) {
    scan(node.getLeftOperand(), unused);
    if (node.getKind() == Tree.Kind.CONDITIONAL_AND || node.getKind() == Tree.Kind.CONDITIONAL_OR) {
      LocalPins afterLeft = copyOfState();
      scan(node.getRightOperand(), unused);
      state = LocalPins.join(afterLeft, state);
    } else {
      scan(node.getRightOperand(), unused);
    }
    return null;
  }

  @Override
  public Pin visitSwitch(SwitchTree node, Void unused) {
    Pin selector = scan(node.getExpression(), unused);
    scanCases(node, node.getCases(), selector, unused);
    return null;
  }

  @Override
  public Pin visitSwitchExpression(SwitchExpressionTree node, Void unused) {
    Pin selector = scan(node.getExpression(), unused);
    return scanCases(node, node.getCases(), selector, unused);
  }

  /** The pin of the selector of the switch whose case labels are being scanned, or null. */
  protected Pin caseSelector() {
    return caseSelector;
  }

  private Pin scanCases(Tree statement, List<? extends CaseTree> cases, Pin selector, Void unused) {
    LocalPins selected = copyOfState();
    JumpScope scope = push(statement, JumpScope.Kind.SWITCH, null);
    LocalPins fallthrough = null;
    boolean exhaustive = false;
    try {
      for (CaseTree caseTree : cases) {
        state = LocalPins.join(selected, fallthrough);
        // JDK 17's API: a default label has no expressions. Patterns (JDK 21) have none either;
        // treating them as defaults only joins fewer paths.
        exhaustive |= caseTree.getExpressions().isEmpty();
        scanLabels(caseTree, selector, unused);
        if (caseTree.getCaseKind() == CaseTree.CaseKind.RULE) {
          Pin value = scan(caseTree.getBody(), unused);
          if (value != null && scope.yielded == null) {
            scope.yielded = value;
          }
          scope.breaks = LocalPins.join(scope.breaks, state);
          fallthrough = null;
        } else {
          scan(caseTree.getStatements(), unused);
          fallthrough = state;
        }
      }
      LocalPins exit = LocalPins.join(fallthrough, scope.breaks);
      state = exhaustive ? exit : LocalPins.join(exit, selected);
      return scope.yielded;
    } finally {
      jumps.pop();
    }
  }

  /**
   * Scans a case's labels and guard, where pattern bindings ({@code case Task t}) take the pin of
   * the selector. javac's API for them ({@code getLabels}, {@code getGuard}) is newer than JDK
   * 17's, on which this is compiled: it is called reflectively where the running JDK has it.
   */
  private void scanLabels(CaseTree caseTree, Pin selector, Void unused) {
    Pin outer = caseSelector;
    caseSelector = selector;
    try {
      List<? extends Tree> labels = CaseLabels.labels(caseTree);
      scan(labels != null ? labels : caseTree.getExpressions(), unused);
      Tree guard = CaseLabels.guard(caseTree);
      if (guard != null) {
        scan(guard, unused);
      }
    } finally {
      caseSelector = outer;
    }
  }

  @Override
  public Pin visitYield(YieldTree node, Void unused) {
    Pin value = scan(node.getValue(), unused);
    for (JumpScope scope : jumps) {
      if (scope.statement instanceof SwitchExpressionTree) {
        if (scope.yielded == null) {
          scope.yielded = value;
        }
        scope.breaks = LocalPins.join(scope.breaks, state);
        break;
      }
    }
    abrupt();
    return null;
  }

  // Jumps

  @Override
  public Pin visitBreak(BreakTree node, Void unused) {
    JumpScope target = jumpTarget(node.getLabel(), false);
    if (target != null) {
      target.breaks = LocalPins.join(target.breaks, state);
    }
    abrupt();
    return null;
  }

  @Override
  public Pin visitContinue(ContinueTree node, Void unused) {
    JumpScope target = jumpTarget(node.getLabel(), true);
    if (target != null) {
      target.continues = LocalPins.join(target.continues, state);
    }
    abrupt();
    return null;
  }

  @Override
  public Pin visitReturn(ReturnTree node, Void unused) {
    Pin value = scan(node.getExpression(), unused);
    returned(node, value);
    abrupt();
    return null;
  }

  /** A {@code return} of a value with pin {@code value} (null when unpinned or none). */
  protected abstract void returned(ReturnTree node, Pin value);

  @Override
  public Pin visitThrow(ThrowTree node, Void unused) {
    Pin value = scan(node.getExpression(), unused);
    thrown(node, value);
    abrupt();
    return null;
  }

  /** A {@code throw} of a value with pin {@code value}. */
  protected abstract void thrown(ThrowTree node, Pin value);

  // Exceptions

  @Override
  public Pin visitTry(TryTree node, Void unused) {
    scan(node.getResources(), unused);
    TryBlock block = new TryBlock(copyOfState());
    tryBlocks.push(block);
    try {
      scan(node.getBlock(), unused);
    } finally {
      tryBlocks.pop();
    }
    LocalPins exit = state;
    for (CatchTree catchTree : node.getCatches()) {
      state = block.mayThrowFrom.copy();
      scan(catchTree, unused);
      exit = LocalPins.join(exit, state);
    }
    if (node.getFinallyBlock() != null) {
      state = LocalPins.join(exit, block.mayThrowFrom);
      scan(node.getFinallyBlock(), unused);
      if (exit == null) {
        state = null; // the try and every catch completed abruptly
      }
    } else {
      state = exit;
    }
    return null;
  }

  // Helpers

  /** A copy of the state, or an empty state where control cannot reach. */
  protected LocalPins copyOfState() {
    return state == null ? LocalPins.empty() : state.copy();
  }

  /** The state, made reachable if it was not. */
  protected LocalPins state() {
    if (state == null) {
      state = LocalPins.empty();
    }
    return state;
  }

  private void abrupt() {
    collectForCatch();
    state = null;
  }

  private void collectForCatch() {
    if (state == null || state.isBlank()) {
      return; // joining nothing changes nothing, and most states are empty
    }
    for (TryBlock block : tryBlocks) {
      block.mayThrowFrom = LocalPins.join(block.mayThrowFrom, state);
    }
  }

  /** Opens the scope of {@code statement}, of {@code kind}, labeled {@code label} or null. */
  protected JumpScope push(Tree statement, JumpScope.Kind kind, Name label) {
    JumpScope scope = new JumpScope(statement, label, kind);
    jumps.push(scope);
    return scope;
  }

  /**
   * The innermost statement that {@code break label} or {@code continue label} names, or that a
   * plain one (label null) leaves: the innermost loop for a {@code continue}, the innermost loop or
   * {@code switch} for a {@code break}.
   */
  private JumpScope jumpTarget(Name label, boolean continues) {
    for (JumpScope scope : jumps) {
      if (label != null
          ? label.equals(scope.label)
          : continues ? scope.isLoop() : scope.isBreakable()) {
        return scope;
      }
    }
    return null;
  }

}
