package org.pinning.processor.rules;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.util.TreePath;
import javax.lang.model.type.TypeMirror;
import org.pinning.processor.flow.Origin;
import org.pinning.processor.model.PinModel;
import org.pinning.processor.report.Messages;
import org.pinning.processor.report.Reporter;
import org.pinning.processor.report.Site;

/**
 * {@code pin:unowned} (DESIGN.md §4.9): only the owner pins. A method may pin a value it created or
 * was handed over, never one that its caller, a field or a container still holds unpinned — they
 * could move it after it was pinned (Rust: a value behind a reference cannot be pinned, E0507).
 *
 * <pre>{@code
 * final class Executor {
 *   final List<@Pinned Task> running = new ArrayList<>();
 *   void spawn(Task t) { running.add(t); }          // rejected: the caller still holds 't'
 *   void spawn(@Pinned Task t) { running.add(t); }  // fine: the caller pinned it
 *   void start() { running.add(new Task()); }       // fine: the method owns what it creates
 * }
 * @Pinned final class Task {
 *   void register(Executor e) { e.running.add(this); }               // rejected
 *   void register(@Pinned Task this, Executor e) { e.running.add(this); } // fine
 * }
 * }</pre>
 *
 * <p>The analysis tells where each pinned value comes from; this rule reports the ones the method
 * does not own, where the value's static type is not known Unpin.
 */
public final class UnownedRule {
  private final PinModel model;

  public UnownedRule(PinModel model) {
    this.model = model;
  }

  /** A value of static type {@code type}, from {@code origin}, is pinned at {@code value}. */
  public void pinsUnowned(TreePath value, TypeMirror type, Origin origin, Reporter out) {
    if (type == null || model.isKnownUnpin(type)) {
      return;
    }
    out.report(Messages.unowned(Site.tree(value), nameOf(value), origin));
  }

  /** The pinned expression as the source writes it; a call on the implicit {@code this}. */
  private static String nameOf(TreePath value) {
    if (!(value.getLeaf() instanceof ExpressionTree expression)) {
      return "this";
    }
    if (expression instanceof IdentifierTree || expression instanceof MemberSelectTree) {
      if (value.getParentPath() != null
          && value.getParentPath().getLeaf() instanceof com.sun.source.tree.MethodInvocationTree call
          && call.getMethodSelect() == expression) {
        return "this"; // the select of a call on the implicit 'this'
      }
    }
    if (expression instanceof SwitchExpressionTree switchExpression) {
      return "switch (" + selector(switchExpression) + ") {…}"; // its cases span lines
    }
    return expression.toString();
  }

  /** A switch's selector, without the parentheses some JDKs' trees keep around it. */
  private static String selector(SwitchExpressionTree switchExpression) {
    ExpressionTree selector = switchExpression.getExpression();
    while (selector instanceof ParenthesizedTree parenthesized) {
      selector = parenthesized.getExpression();
    }
    return selector.toString();
  }
}
