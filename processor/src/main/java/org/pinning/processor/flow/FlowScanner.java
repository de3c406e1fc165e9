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

  /**
   * {@code state} at the top of a loop's body: the values it holds were made in earlier
   * iterations, so that the values the body makes again are told apart from them ({@link
   * LocalPins#aged}).
   */
  protected abstract LocalPins earlierIterations(LocalPins state);

  /** One pass of a loop body that returns the state on which the loop exits normally. */
  private interface LoopPass {
    LocalPins run();
  }

  private void loop(Tree node, LoopPass pass) {
    JumpScope scope = push(node, JumpScope.Kind.LOOP, pendingLabel);
    pendingLabel = null;
    try {
      LocalPins entry = earlierIterations(copyOfState());
      while (true) {
        scope.breaks = null;
        scope.continues = null;
        scope.locals.clear();
        state = entry.copy();
        LocalPins exit = pass.run();
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
