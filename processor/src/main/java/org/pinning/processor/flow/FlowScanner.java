package org.pinning.processor.flow;

import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.BreakTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ContinueTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.tree.YieldTree;
import com.sun.source.util.TreePathScanner;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.Name;

/**
 * The control flow of the after-pin analysis (DESIGN.md §4.5): a scanner that carries a {@link
 * LocalPins} state through method bodies in evaluation order, splits it at branches, joins it at
 * merges (a may-analysis that does not correlate conditions), iterates loops to a fixpoint, and
 * routes {@code break}, {@code continue}, {@code return}, {@code throw} and exceptions to where
 * they land. Subclasses judge expressions; visits of expressions return the {@link Pin} of their
 * value, or null when it is not pinned.
 */
public abstract class FlowScanner extends TreePathScanner<Pin, Void> {
  /** Loop bodies are scanned at most this often; states only grow, so this bounds the cost. */
  private static final int MAX_LOOP_PASSES = 4;

  /** The state here; null where control cannot reach. */
  protected LocalPins state = LocalPins.empty();

  private final Deque<JumpScope> jumps = new ArrayDeque<>();
  private final Deque<LocalPins[]> tryCollectors = new ArrayDeque<>();
  private Name pendingLabel;
  private Pin caseSelector;

  private static final Method CASE_LABELS = caseMethod("getLabels");
  private static final Method CASE_GUARD = caseMethod("getGuard");

  /** Where {@code break} and {@code continue} of one statement land. */
  private static final class JumpScope {
    final Tree statement;
    final Name label;
    final boolean loop;
    final boolean breakable;
    LocalPins breaks;
    LocalPins continues;
    Pin yielded;

    /** For a loop: the locals declared in its body, which do not outlive an iteration. */
    final List<Element> locals;

    JumpScope(Tree statement, Name label, boolean loop, boolean breakable) {
      this.statement = statement;
      this.label = label;
      this.loop = loop;
      this.breakable = breakable;
      this.locals = loop ? new ArrayList<>() : List.of();
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
    if (tree instanceof StatementTree && !tryCollectors.isEmpty()) {
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
    }
  }

  /** The lambda's parameters are declared; its body comes next. */
  protected abstract void enterLambda(LambdaExpressionTree node);

  /** An expression lambda's value, with pin {@code value}. */
  protected abstract void lambdaReturned(LambdaExpressionTree node, Pin value);

  @Override
  public Pin visitClass(ClassTree node, Void unused) {
    LocalPins outer = state;
    try {
      return super.visitClass(node, unused);
    } finally {
      state = outer;
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
    return whenTrue != null ? whenTrue : whenFalse;
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
    JumpScope scope = push(statement, false, true);
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
      Object labels = invoke(CASE_LABELS, caseTree);
      if (labels instanceof List<?> list) {
        for (Object label : list) {
          scan((Tree) label, unused);
        }
      } else {
        scan(caseTree.getExpressions(), unused);
      }
      if (invoke(CASE_GUARD, caseTree) instanceof Tree guard) {
        scan(guard, unused);
      }
    } finally {
      caseSelector = outer;
    }
  }

  private static Object invoke(Method method, CaseTree caseTree) {
    if (method == null) {
      return null;
    }
    try {
      return method.invoke(caseTree);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  private static Method caseMethod(String name) {
    try {
      return CaseTree.class.getMethod(name);
    } catch (NoSuchMethodException e) {
      return null;
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

  // Loops

  @Override
  public Pin visitWhileLoop(WhileLoopTree node, Void unused) {
    loop(
        node,
        () -> {
          scan(node.getCondition(), unused);
          LocalPins exit = copyOfState();
          scan(node.getStatement(), unused);
          return exit;
        });
    return null;
  }

  @Override
  public Pin visitDoWhileLoop(DoWhileLoopTree node, Void unused) {
    loop(
        node,
        () -> {
          scan(node.getStatement(), unused);
          state = LocalPins.join(state, jumps.peek().continues);
          jumps.peek().continues = null;
          scan(node.getCondition(), unused);
          return copyOfState();
        });
    return null;
  }

  @Override
  public Pin visitForLoop(ForLoopTree node, Void unused) {
    scan(node.getInitializer(), unused);
    loop(
        node,
        () -> {
          scan(node.getCondition(), unused);
          LocalPins exit = copyOfState();
          scan(node.getStatement(), unused);
          state = LocalPins.join(state, jumps.peek().continues);
          jumps.peek().continues = null;
          scan(node.getUpdate(), unused);
          return exit;
        });
    return null;
  }

  @Override
  public Pin visitEnhancedForLoop(EnhancedForLoopTree node, Void unused) {
    Pin elements = scan(node.getExpression(), unused);
    loop(
        node,
        () -> {
          LocalPins exit = copyOfState();
          enterForEachVariable(node, elements);
          scan(node.getStatement(), unused);
          return exit;
        });
    return null;
  }

  /** A new local for each iteration of an enhanced {@code for}, holding an element. */
  protected abstract void enterForEachVariable(EnhancedForLoopTree node, Pin elements);

  /** One pass of a loop body that returns the state on which the loop exits normally. */
  private interface LoopPass {
    LocalPins run();
  }

  private void loop(Tree node, LoopPass pass) {
    JumpScope scope = push(node, true, true);
    try {
      LocalPins entry = copyOfState();
      LocalPins exit = null;
      for (int i = 0; i < MAX_LOOP_PASSES; i++) {
        scope.breaks = null;
        scope.continues = null;
        scope.locals.clear();
        state = entry.copy();
        exit = pass.run();
        // The body's own locals start afresh in the next iteration: only what outlives the body
        // can make another pass find more. Most loops so take one pass.
        LocalPins back = LocalPins.join(state, scope.continues);
        LocalPins next = LocalPins.join(entry, back == null ? null : back.forget(scope.locals));
        if (next.equals(entry)) {
          break;
        }
        entry = next;
      }
      state = LocalPins.join(exit, scope.breaks);
    } finally {
      jumps.pop();
      JumpScope enclosing = innermostLoop();
      if (enclosing != null) {
        enclosing.locals.addAll(scope.locals);
      }
    }
  }

  /** {@code local} is declared here: in a loop body, it lives for one iteration. */
  protected void declaredLocal(Element local) {
    JumpScope loop = innermostLoop();
    if (loop != null) {
      loop.locals.add(local);
    }
  }

  private JumpScope innermostLoop() {
    for (JumpScope scope : jumps) {
      if (scope.loop) {
        return scope;
      }
    }
    return null;
  }

  // Jumps

  @Override
  public Pin visitLabeledStatement(LabeledStatementTree node, Void unused) {
    StatementTree statement = node.getStatement();
    if (isLoop(statement)) {
      pendingLabel = node.getLabel();
      return scan(statement, unused);
    }
    JumpScope scope = new JumpScope(node, node.getLabel(), false, false);
    jumps.push(scope);
    try {
      scan(statement, unused);
      state = LocalPins.join(state, scope.breaks);
    } finally {
      jumps.pop();
    }
    return null;
  }

  @Override
  public Pin visitBreak(BreakTree node, Void unused) {
    JumpScope target = target(node.getLabel(), false);
    if (target != null) {
      target.breaks = LocalPins.join(target.breaks, state);
    }
    abrupt();
    return null;
  }

  @Override
  public Pin visitContinue(ContinueTree node, Void unused) {
    JumpScope target = target(node.getLabel(), true);
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
    LocalPins[] collector = {copyOfState()};
    tryCollectors.push(collector);
    try {
      scan(node.getBlock(), unused);
    } finally {
      tryCollectors.pop();
    }
    LocalPins exit = state;
    for (CatchTree catchTree : node.getCatches()) {
      state = collector[0].copy();
      scan(catchTree, unused);
      exit = LocalPins.join(exit, state);
    }
    if (node.getFinallyBlock() != null) {
      state = LocalPins.join(exit, collector[0]);
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
    if (state == null || state.isEmpty()) {
      return; // joining nothing changes nothing, and most states are empty
    }
    for (LocalPins[] collector : tryCollectors) {
      collector[0] = LocalPins.join(collector[0], state);
    }
  }

  private JumpScope push(Tree statement, boolean loop, boolean breakable) {
    JumpScope scope = new JumpScope(statement, loop ? pendingLabel : null, loop, breakable);
    pendingLabel = null;
    jumps.push(scope);
    return scope;
  }

  private JumpScope target(Name label, boolean isContinue) {
    for (JumpScope scope : jumps) {
      if (label != null ? label.equals(scope.label) : (isContinue ? scope.loop : scope.breakable)) {
        return scope;
      }
    }
    return null;
  }

  private static boolean isLoop(Tree tree) {
    return tree instanceof WhileLoopTree
        || tree instanceof DoWhileLoopTree
        || tree instanceof ForLoopTree
        || tree instanceof EnhancedForLoopTree;
  }
}
