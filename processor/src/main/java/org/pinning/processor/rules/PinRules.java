package org.pinning.processor.rules;

import com.sun.source.tree.AnnotatedTypeTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParameterizedTypeTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import org.pinning.processor.flow.FlowEvents;
import org.pinning.processor.flow.Origin;
import org.pinning.processor.flow.Pin;
import org.pinning.processor.flow.Place;
import org.pinning.processor.report.Reporter;
import org.pinning.processor.report.Site;

/**
 * Every rule, listening to the analysis of one top-level class: each event goes to the rule
 * families that judge it, and their findings to the class's collector. A new rule family adds its
 * call to the events it needs here.
 */
public final class PinRules implements FlowEvents {
  private final Trees trees;
  private final DeclarationRules declarations;
  private final TypeUsePlacementRule typeUses;
  private final MoveRule moves;
  private final UnownedRule unowned;
  private final InferredTypeSites inferred;
  private final Reporter out;

  public PinRules(
      Trees trees,
      InferredTypeSites inferred,
      DeclarationRules declarations,
      TypeUsePlacementRule typeUses,
      MoveRule moves,
      UnownedRule unowned,
      Reporter out) {
    this.trees = trees;
    this.declarations = declarations;
    this.typeUses = typeUses;
    this.moves = moves;
    this.unowned = unowned;
    this.inferred = inferred;
    this.out = out;
  }

  @Override
  public void typeDeclared(TypeElement type) {
    declarations.checkType(type, out);
  }

  @Override
  public void constructorDeclared(TreePath path, ExecutableElement constructor) {
    report(declarations.copy().checkConstructor(constructor, (MethodTree) path.getLeaf()));
  }

  @Override
  public void localDeclared(VariableElement local) {
    declarations.checkLocal(local, out);
  }

  @Override
  public void typeWritten(TreePath path) {
    Tree leaf = path.getLeaf();
    if (leaf instanceof AnnotatedTypeTree) {
      report(typeUses.check(path));
    } else if (leaf instanceof LambdaExpressionTree lambda) {
      lambdaTyped(path, lambda);
    } else if (leaf instanceof ParameterizedTypeTree node && node.getTypeArguments().isEmpty()) {
      diamondTyped(path.getParentPath());
    } else if (leaf instanceof ParameterizedTypeTree node) {
      typeArgumentsWritten(path, node);
    }
  }

  /**
   * {@code Slot<Task>}, or the type javac wrote for a {@code var}. Only a generic type with an
   * {@code @Unpin} type parameter has anything to judge: most have none, which is told from the
   * type's declaration before the tree's positions are read.
   */
  private void typeArgumentsWritten(TreePath path, ParameterizedTypeTree node) {
    TypeMirror type = trees.getTypeMirror(path);
    if (!declarations.unpin().hasUnpinParameter(type)) {
      return;
    }
    if (inferred.isSynthesized(path)) {
      synthesizedTypeWritten(path, type);
    } else {
      checkTypeArguments(type, i -> Site.tree(new TreePath(path, node.getTypeArguments().get(i))));
    }
  }

  /** {@code new Slot<>(task)}: judged here unless it copies a declared target's type. */
  private void diamondTyped(TreePath creation) {
    TypeMirror type = trees.getTypeMirror(creation);
    if (declarations.unpin().hasUnpinParameter(type) && inferred.isDiamondInferred(creation)) {
      checkTypeArgumentsAt(type, creation);
    }
  }

  /** The type javac wrote for a {@code var} or an implicit lambda parameter. */
  private void synthesizedTypeWritten(TreePath path, TypeMirror type) {
    TreePath declaration = inferred.siteOfSynthesized(path);
    if (declaration != null) {
      checkTypeArgumentsAt(type, declaration);
    }
  }

  /** A lambda whose type a generic method inferred: judged at its first parameter. */
  private void lambdaTyped(TreePath path, LambdaExpressionTree lambda) {
    TypeMirror type = trees.getTypeMirror(path);
    if (declarations.unpin().hasUnpinParameter(type) && inferred.isTargetInferred(path)) {
      TreePath site =
          lambda.getParameters().isEmpty()
              ? path
              : new TreePath(path, lambda.getParameters().get(0));
      checkTypeArgumentsAt(type, site);
    }
  }

  /** Type arguments javac inferred: every finding goes to the one tree where it inferred them. */
  private void checkTypeArgumentsAt(TypeMirror type, TreePath site) {
    checkTypeArguments(type, i -> Site.tree(site));
  }

  private void checkTypeArguments(TypeMirror type, IntFunction<Site> siteOfArgument) {
    if (type != null && type.getKind() == TypeKind.DECLARED) {
      declarations.unpin().checkTypeArguments((DeclaredType) type, siteOfArgument, out);
    }
  }

  @Override
  public void flowsInto(TreePath value, Pin pin, Place place) {
    moves.flowsInto(value, pin, place, out);
  }

  @Override
  public void pinsUnowned(TreePath value, TypeMirror type, Origin origin) {
    unowned.pinsUnowned(value, type, origin, out);
  }

  @Override
  public void called(TreePath call, ExecutableElement method, TypeElement enclosing) {
    report(declarations.copy().checkCloneCall(call, method, enclosing, trees));
    if (call.getLeaf() instanceof MethodInvocationTree invocation
        && !invocation.getTypeArguments().isEmpty()) {
      checkExplicitTypeArguments(call, invocation.getTypeArguments(), method);
    } else if (!method.getTypeParameters().isEmpty()
        && call.getLeaf() instanceof MethodInvocationTree) {
      callTyped(call);
    }
  }

  /** {@code Object o = Slot.of(task);}: a result type a generic call inferred, judged at it. */
  private void callTyped(TreePath call) {
    TypeMirror type = trees.getTypeMirror(call);
    if (declarations.unpin().hasUnpinParameter(type) && inferred.isCallInferred(call)) {
      checkTypeArgumentsAt(type, call);
    }
  }

  /** {@code Use.<Task>identity(x)}: written type arguments of a call, for {@code @Unpin}. */
  private void checkExplicitTypeArguments(
      TreePath call, List<? extends Tree> written, ExecutableElement method) {
    List<TypeMirror> arguments = new ArrayList<>(written.size());
    for (Tree argument : written) {
      arguments.add(trees.getTypeMirror(new TreePath(call, argument)));
    }
    declarations
        .unpin()
        .checkMethodTypeArguments(
            method,
            arguments,
            i -> Site.tree(new TreePath(call, written.get(i))),
            out);
  }

  private void report(org.pinning.processor.report.Finding finding) {
    if (finding != null) {
      out.report(finding);
    }
  }
}
