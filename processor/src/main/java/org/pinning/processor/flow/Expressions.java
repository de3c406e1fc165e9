package org.pinning.processor.flow;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.TypeCastTree;

/** What an expression is, seen through what does not change its value. */
final class Expressions {
  private Expressions() {}

  /** {@code value} without the parentheses and casts around it: they pass the same object on. */
  static ExpressionTree strip(ExpressionTree value) {
    ExpressionTree bare = value;
    while (true) {
      if (bare instanceof ParenthesizedTree parenthesized) {
        bare = parenthesized.getExpression();
      } else if (bare instanceof TypeCastTree cast) {
        bare = cast.getExpression();
      } else {
        return bare;
      }
    }
  }
}
