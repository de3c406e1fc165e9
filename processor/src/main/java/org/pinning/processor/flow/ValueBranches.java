package org.pinning.processor.flow;

import com.sun.source.tree.CaseTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.YieldTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.ExecutableElement;
import org.pinning.processor.model.BorrowingModel;

/**
 * The expressions whose value an expression may have (DESIGN.md §2, "pinned expression"): itself,
 * through parentheses and casts; each branch of a conditional; each value a switch expression's
 * cases give, an expression case's or the {@code yield}s of a block; and each argument a borrowing
 * library method may return ({@code requireNonNull(t)}, {@code requireNonNullElse(a, b)}). Pinning
 * the value pins the locals among them (§4.5), and a local given the value aliases them: {@code
 * Task alias = ready ? a : null;} is pinned together with {@code a}.
 */
final class ValueBranches {
  private final Trees trees;
  private final BorrowingModel borrowing;

  ValueBranches(Trees trees, BorrowingModel borrowing) {
    this.trees = trees;
    this.borrowing = borrowing;
  }

  /**
   * The expressions {@code value}, scanned at {@code path}, may be, each stripped of parentheses and
   * casts; just {@code value} stripped when it has no branches, the common case.
   */
  List<ExpressionTree> of(TreePath path, ExpressionTree value) {
    ExpressionTree bare = Expressions.strip(value);
    if (!hasBranches(path, bare)) {
      return List.of(bare);
    }
    List<ExpressionTree> branches = new ArrayList<>();
    collect(path, bare, branches);
    return branches;
  }

  private boolean hasBranches(TreePath path, ExpressionTree bare) {
    return bare instanceof ConditionalExpressionTree
        || bare instanceof SwitchExpressionTree
        || (bare instanceof MethodInvocationTree call && returnsAnArgument(path, call));
  }

  private void collect(TreePath path, ExpressionTree value, List<ExpressionTree> into) {
    ExpressionTree bare = Expressions.strip(value);
    if (bare instanceof ConditionalExpressionTree conditional) {
      collect(path, conditional.getTrueExpression(), into);
      collect(path, conditional.getFalseExpression(), into);
    } else if (bare instanceof SwitchExpressionTree switchExpression) {
      for (CaseTree caseTree : switchExpression.getCases()) {
        collectCase(path, caseTree, into);
      }
    } else if (bare instanceof MethodInvocationTree call && returnsAnArgument(path, call)) {
      collectReturnedArguments(path, call, into);
    } else {
      into.add(bare);
    }
  }

  /** A case's value: its expression ({@code case 1 -> a}), or what its statements yield. */
  private void collectCase(TreePath path, CaseTree caseTree, List<ExpressionTree> into) {
    List<ExpressionTree> yielded = new ArrayList<>();
    if (caseTree.getCaseKind() != CaseTree.CaseKind.RULE) {
      new Yields().scan(caseTree.getStatements(), yielded);
    } else if (caseTree.getBody() instanceof ExpressionTree expression) {
      yielded.add(expression);
    } else {
      new Yields().scan(caseTree.getBody(), yielded); // a block, or a throw: none
    }
    for (ExpressionTree value : yielded) {
      collect(path, value, into);
    }
  }

  private boolean returnsAnArgument(TreePath path, MethodInvocationTree call) {
    return trees.getElement(new TreePath(path, call)) instanceof ExecutableElement method
        && borrowing.returnsArgument(method);
  }

  private void collectReturnedArguments(
      TreePath path, MethodInvocationTree call, List<ExpressionTree> into) {
    ExecutableElement method = (ExecutableElement) trees.getElement(new TreePath(path, call));
    List<? extends ExpressionTree> arguments = call.getArguments();
    for (int i = 0; i < arguments.size(); i++) {
      if (borrowing.mayReturn(method, i)) {
        collect(path, arguments.get(i), into);
      }
    }
  }

  /**
   * The values yielded to the switch expression whose case is scanned: not those of a switch
   * expression nested in it, nor anything in a lambda or class body there.
   */
  private static final class Yields extends TreeScanner<Void, List<ExpressionTree>> {
    @Override
    public Void visitYield(YieldTree node, List<ExpressionTree> into) {
      into.add(node.getValue());
      return null;
    }

    @Override
    public Void visitSwitchExpression(SwitchExpressionTree node, List<ExpressionTree> into) {
      return null;
    }

    @Override
    public Void visitLambdaExpression(LambdaExpressionTree node, List<ExpressionTree> into) {
      return null;
    }

    @Override
    public Void visitClass(ClassTree node, List<ExpressionTree> into) {
      return null;
    }
  }
}
