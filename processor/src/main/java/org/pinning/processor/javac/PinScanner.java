package org.pinning.processor.javac;

import com.sun.source.tree.AnnotatedTypeTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParameterizedTypeTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import org.pinning.processor.flow.CallFlow;
import org.pinning.processor.flow.FlowEvents;
import org.pinning.processor.flow.Pin;

/**
 * The one pass over a top-level class's attributed tree (DESIGN.md §8): the analysis ({@link
 * CallFlow} and the classes it extends) walks method bodies in evaluation order; this adds what
 * javac's trees show of declarations, and skips the members no rule can fire in. Everything it
 * learns goes to the rules as {@link FlowEvents}; it decides nothing itself.
 */
final class PinScanner extends CallFlow {
  private final PinFreeMembers pinFreeMembers;

  PinScanner(CompilationUnitTree unit, CompilationChecks checks, FlowEvents events) {
    super(checks.flow, unit, events);
    this.pinFreeMembers = checks.pinFreeMembers;
  }

  @Override
  public Pin visitClass(ClassTree node, Void unused) {
    if (trees.getElement(getCurrentPath()) instanceof TypeElement type) {
      events.typeDeclared(type);
    }
    return super.visitClass(node, unused);
  }

  @Override
  public Pin visitMethod(MethodTree node, Void unused) {
    if (isPinFreeMember()) {
      return null;
    }
    if (trees.getElement(getCurrentPath()) instanceof ExecutableElement method
        && method.getKind() == ElementKind.CONSTRUCTOR) {
      events.constructorDeclared(getCurrentPath(), method);
    }
    return super.visitMethod(node, unused);
  }

  @Override
  public Pin visitVariable(VariableTree node, Void unused) {
    return isPinFreeMember() ? null : super.visitVariable(node, unused);
  }

  /** An initializer block. */
  @Override
  public Pin visitBlock(BlockTree node, Void unused) {
    return isPinFreeMember() ? null : super.visitBlock(node, unused);
  }

  @Override
  public Pin visitAnnotatedType(AnnotatedTypeTree node, Void unused) {
    events.typeWritten(getCurrentPath());
    return super.visitAnnotatedType(node, unused);
  }

  @Override
  public Pin visitParameterizedType(ParameterizedTypeTree node, Void unused) {
    if (!node.getTypeArguments().isEmpty() || isDiamond(node)) {
      events.typeWritten(getCurrentPath());
    }
    return super.visitParameterizedType(node, unused);
  }

  /** A lambda: javac infers its type from its target, which may write it or not. */
  @Override
  public Pin visitLambdaExpression(LambdaExpressionTree node, Void unused) {
    events.typeWritten(getCurrentPath());
    return super.visitLambdaExpression(node, unused);
  }

  private boolean isDiamond(ParameterizedTypeTree node) {
    return node.getTypeArguments().isEmpty()
        && getCurrentPath().getParentPath().getLeaf() instanceof NewClassTree;
  }

  /**
   * A method, field or initializer of an unpinned class whose code names nothing pinned: no rule
   * can fire in it, so it is not scanned (DESIGN.md §9). Declaration rules, which work from the
   * class's elements, still cover it.
   */
  private boolean isPinFreeMember() {
    TreePath path = getCurrentPath();
    TypeElement owner = enclosingClass();
    return pinFreeMembers != null
        && path.getParentPath().getLeaf() instanceof ClassTree
        && owner != null
        && !model.isPinnedDeclaration(owner)
        && !mayReadPinnedLocals()
        && pinFreeMembers.isPinFree(path);
  }

  /**
   * Whether the member may read a local of the code around its class that holds a pinned value: a
   * local or anonymous class captures the locals of the method it is declared in, and a local
   * whose type names no pin ({@code Object o = task;}) may hold one, which the quick walk, judging
   * symbols by their declarations, cannot see. Only inside code that holds a pinned value is the
   * state around a class not empty; in pin-free code it always is.
   */
  private boolean mayReadPinnedLocals() {
    return state != null && state.holdsPins();
  }
}
