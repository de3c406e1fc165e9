package org.pinning.processor.flow;

import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.WhileLoopTree;
import javax.lang.model.element.Element;
import javax.lang.model.element.Name;

/**
 * The control flow of the after-pin analysis (DESIGN.md §4.5): {@link BranchFlow}'s, with loops,
 * which it iterates to a fixpoint. Subclasses judge expressions.
 */
public abstract class FlowScanner extends BranchFlow {
  /** The label of the loop about to be scanned, taken by its scope. */
  private Name pendingLabel;

  // Loops

  @Override
  public Pin visitWhileLoop(WhileLoopTree node, Void unused) {
    loop(node, null);
    return null;
  }

  @Override
  public Pin visitDoWhileLoop(DoWhileLoopTree node, Void unused) {
    loop(node, null);
    return null;
  }

  @Override
  public Pin visitForLoop(ForLoopTree node, Void unused) {
    scan(node.getInitializer(), unused);
    loop(node, null);
    return null;
  }

  @Override
  public Pin visitEnhancedForLoop(EnhancedForLoopTree node, Void unused) {
    loop(node, scan(node.getExpression(), unused));
    return null;
  }

  /**
   * One pass of the body of {@code loop} (its condition, body and update, in the order they run);
   * returns the state on which the loop exits normally. {@code elements}: what an enhanced {@code
   * for} iterates over. A method rather than a lambda per kind of loop: each lambda costs the JVM a
   * class spun at its first use, in every compilation (DESIGN.md §9).
   */
  private LocalPins pass(Tree loop, Pin elements) {
    if (loop instanceof WhileLoopTree node) {
      scan(node.getCondition(), null);
      LocalPins exit = copyOfState();
      scan(node.getStatement(), null);
      return exit;
    }
    if (loop instanceof DoWhileLoopTree node) {
      scan(node.getStatement(), null);
      takeContinues();
      scan(node.getCondition(), null);
      return copyOfState();
    }
    if (loop instanceof ForLoopTree node) {
      scan(node.getCondition(), null);
      LocalPins exit = copyOfState();
      scan(node.getStatement(), null);
      takeContinues();
      scan(node.getUpdate(), null);
      return exit;
    }
    EnhancedForLoopTree node = (EnhancedForLoopTree) loop;
    LocalPins exit = copyOfState();
    enterForEachVariable(node, elements);
    scan(node.getStatement(), null);
    return exit;
  }

  /** The states a {@code continue} left the body in meet the state at its end. */
  private void takeContinues() {
    state = LocalPins.join(state, jumps.peek().continues);
    jumps.peek().continues = null;
  }

  /** A new local for each iteration of an enhanced {@code for}, holding an element. */
  protected abstract void enterForEachVariable(EnhancedForLoopTree node, Pin elements);

  /**
   * {@code state} at the top of a loop's body: the values it holds were made in earlier
   * iterations, so that the values the body makes again are told apart from them ({@link
   * LocalPins#aged}).
   */
  protected abstract LocalPins earlierIterations(LocalPins state);

  private void loop(Tree node, Pin elements) {
    JumpScope scope = push(node, JumpScope.Kind.LOOP, pendingLabel);
    pendingLabel = null;
    try {
      LocalPins entry = earlierIterations(copyOfState());
      while (true) {
        scope.breaks = null;
        scope.continues = null;
        scope.locals.clear();
        state = entry.copy();
        LocalPins exit = pass(node, elements);
        // The body's own locals start afresh in the next iteration: only what outlives the body
        // can make another pass find more. Most loops so take one pass.
        LocalPins back = LocalPins.join(state, scope.continues);
        LocalPins next =
            earlierIterations(
                LocalPins.join(entry, back == null ? null : back.forget(scope.locals)));
        if (next.equals(entry)) {
          state = LocalPins.join(exit, scope.breaks);
          return;
        }
        // Another pass, until nothing changes: each pass that changes something gives a local a
        // value id it did not hold, or a value an earlier pinning line; ids (one per tree of the
        // method) and lines are finitely many, so the passes end.
        entry = next;
      }
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
      if (scope.isLoop()) {
        return scope;
      }
    }
    return null;
  }

  // Labels

  @Override
  public Pin visitLabeledStatement(LabeledStatementTree node, Void unused) {
    StatementTree statement = node.getStatement();
    if (isLoop(statement)) {
      pendingLabel = node.getLabel();
      return scan(statement, unused);
    }
    JumpScope scope = new JumpScope(node, node.getLabel(), JumpScope.Kind.LABELED);
    jumps.push(scope);
    try {
      scan(statement, unused);
      state = LocalPins.join(state, scope.breaks);
    } finally {
      jumps.pop();
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
