package org.pinning.processor.rules;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParameterizedTypeTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WildcardTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Types;
import org.pinning.processor.model.FunctionalTypes;

/**
 * Where a type that javac inferred, rather than read from the source, is judged for {@code @Unpin}
 * type parameters (DESIGN.md §4.4): once, at the tree where the inference happens, and never where
 * the inferred type only repeats a type written elsewhere (which is judged where it is written).
 *
 * <pre>{@code
 * Slot<Task> a = new Slot<>();        // judged at 'Slot<Task>': the diamond repeats it
 * Object b = new Slot<>(task);        // judged at the diamond: nothing else names Slot<Task>
 * var c = Slot.of(task);              // judged at 'c': a generic method inferred the type
 * var d = new Slot<Task>();           // judged at the written 'Task' only, not again at 'd'
 * Object f = Slot.of(task);           // judged at the call
 * take((t) -> {}, task);              // <X> take(Sink<X>, X): judged at 't'
 * Sink<Task> e = (t) -> {};           // judged at 'Sink<Task>' only
 * }</pre>
 *
 * <p>javac writes the types of {@code var} locals and implicitly typed lambda parameters into the
 * tree as synthesized type trees: they have no end position (and on JDK 17 no position at all), so
 * a finding is moved to their declaration, or dropped where the type is judged elsewhere.
 */
public final class InferredTypeSites {
  private static final long NO_POSITION = -1;
  private final Trees trees;
  private final Types types;
  private final FunctionalTypes functionalTypes;

  public InferredTypeSites(Trees trees, Types types, FunctionalTypes functionalTypes) {
    this.trees = trees;
    this.types = types;
    this.functionalTypes = functionalTypes;
  }

  /**
   * Whether {@code type} is a type tree javac made up rather than parsed: it has no end position,
   * while the declaration around it has one (javac keeps end positions for a plugin's listener;
   * where it kept none, every type counts as written, as before).
   */
  boolean isSynthesized(TreePath type) {
    return endOf(type) == NO_POSITION && endOf(declarationOf(type)) != NO_POSITION;
  }

  /** The tree around a type and the types it is an argument of: a variable, for javac's types. */
  private static TreePath declarationOf(TreePath type) {
    TreePath declaration = type.getParentPath();
    while (declaration.getLeaf() instanceof ParameterizedTypeTree
        || declaration.getLeaf() instanceof WildcardTree) {
      declaration = declaration.getParentPath(); // Slot<Task> in a var's Map<String, Slot<Task>>
    }
    return declaration;
  }

  private long endOf(TreePath path) {
    return trees.getSourcePositions().getEndPosition(path.getCompilationUnit(), path.getLeaf());
  }

  /**
   * The declaration to report a synthesized type tree at ({@code var c = Slot.of(task);}), or null
   * where its type repeats one judged elsewhere: every other {@code var} copies its initializer's
   * type, which is written or inferred (and judged) inside it, and so does every part of a {@code
   * var}'s type ({@code Map<String, Slot<Task>>}) and an implicit lambda parameter's type (the
   * lambda's own type is judged at the lambda).
   */
  TreePath siteOfSynthesized(TreePath type) {
    TreePath declaration = type.getParentPath();
    if (!(declaration.getLeaf() instanceof VariableTree variable)
        || declaration.getParentPath().getLeaf() instanceof LambdaExpressionTree) {
      return null;
    }
    ExpressionTree initializer = variable.getInitializer();
    return initializer != null && isInferredByCall(new TreePath(declaration, initializer))
        ? declaration
        : null;
  }

  /**
   * Whether the diamond {@code new Slot<>(…)} at {@code creation} infers its type arguments
   * rather than copying them from a declared target ({@code Slot<Task> s = new Slot<>();}).
   */
  boolean isDiamondInferred(TreePath creation) {
    return differsFromTarget(creation);
  }

  /**
   * Whether the generic call at {@code call} infers its result type here ({@code Object o =
   * Slot.of(task);}): built from the method's own type variables, which javac inferred, and neither
   * the initializer of a {@code var} (judged at the variable) nor a copy of a declared target.
   */
  boolean isCallInferred(TreePath call) {
    return isInferredByCall(call) && !initializesVar(call) && differsFromTarget(call);
  }

  private boolean differsFromTarget(TreePath expression) {
    TypeMirror type = trees.getTypeMirror(expression);
    TypeMirror target = declaredTarget(expression);
    return type == null || target == null || !types.isSameType(type, target);
  }

  private boolean initializesVar(TreePath expression) {
    TreePath declaration = outermostExpression(expression).getParentPath();
    return declaration.getLeaf() instanceof VariableTree variable
        && variable.getType() != null
        && isSynthesized(new TreePath(declaration, variable.getType()));
  }

  /**
   * Whether the lambda at {@code lambda} has a type inferred for a generic method's type variables
   * ({@code <X> take(Sink<X>, X)}), not one written in a declaration its target names.
   */
  boolean isTargetInferred(TreePath lambda) {
    TreePath at = outermostExpression(lambda);
    Tree parent = at.getParentPath().getLeaf();
    ExecutableElement method = invoked(at.getParentPath());
    if (method == null || method.getParameters().isEmpty()) {
      return false;
    }
    if (parent instanceof NewClassTree creation && isDiamond(creation)) {
      return true;
    }
    int index = argumentIndex(parent, at.getLeaf());
    List<? extends TypeMirror> formals = formalsOf(at.getParentPath(), method);
    int clamped = Math.min(index, formals.size() - 1);
    return index >= 0 && mentionsTypeVariableOf(formals.get(clamped), method);
  }

  /** {@code Slot.of(task)}: a call whose result type is built from the method's inferred types. */
  private boolean isInferredByCall(TreePath expression) {
    if (expression.getLeaf() instanceof ParenthesizedTree parenthesized) {
      return isInferredByCall(new TreePath(expression, parenthesized.getExpression()));
    }
    if (expression.getLeaf() instanceof ConditionalExpressionTree conditional) {
      return isInferredByCall(new TreePath(expression, conditional.getTrueExpression()))
          || isInferredByCall(new TreePath(expression, conditional.getFalseExpression()));
    }
    if (!(expression.getLeaf() instanceof MethodInvocationTree call)
        || !call.getTypeArguments().isEmpty()) {
      return false;
    }
    Element element = trees.getElement(expression);
    return element instanceof ExecutableElement method
        && !method.getTypeParameters().isEmpty()
        && mentionsTypeVariableOf(method.getReturnType(), method);
  }

  /** The type written in the declaration whose value {@code expression} becomes, or null. */
  private TypeMirror declaredTarget(TreePath expression) {
    TreePath at = outermostExpression(expression);
    TreePath parentPath = at.getParentPath();
    Tree parent = parentPath.getLeaf();
    if (parent instanceof VariableTree variable) {
      if (variable.getType() == null) {
        return null;
      }
      TreePath type = new TreePath(parentPath, variable.getType());
      return isSynthesized(type) ? null : trees.getTypeMirror(type);
    }
    if (parent instanceof AssignmentTree assignment) {
      return trees.getTypeMirror(new TreePath(parentPath, assignment.getVariable()));
    }
    if (parent instanceof ReturnTree) {
      return enclosingResult(parentPath);
    }
    if (parent instanceof LambdaExpressionTree) {
      return lambdaResult(parentPath); // an expression body
    }
    return argumentTarget(at);
  }

  /** The declared type of the parameter {@code argument} is passed to, unless it is inferred. */
  private TypeMirror argumentTarget(TreePath argument) {
    ExecutableElement method = invoked(argument.getParentPath());
    Tree call = argument.getParentPath().getLeaf();
    int index = argumentIndex(call, argument.getLeaf());
    if (method == null || index < 0 || method.getParameters().isEmpty()) {
      return null;
    }
    List<? extends TypeMirror> formals = formalsOf(argument.getParentPath(), method);
    TypeMirror formal = formals.get(Math.min(index, formals.size() - 1));
    return mentionsTypeVariableOf(formal, method) ? null : formal;
  }

  /** The result type of the method or lambda a {@code return} at {@code path} returns from. */
  private TypeMirror enclosingResult(TreePath path) {
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (leaf instanceof LambdaExpressionTree) {
        return lambdaResult(p);
      }
      if (leaf instanceof ClassTree) {
        return null;
      }
      if (leaf instanceof MethodTree method && method.getReturnType() != null) {
        return trees.getTypeMirror(new TreePath(p, method.getReturnType()));
      }
    }
    return null;
  }

  /** What the lambda at {@code lambda} returns, as its type says ({@code Supplier<Slot<Task>>}). */
  private TypeMirror lambdaResult(TreePath lambda) {
    TypeMirror functional = trees.getTypeMirror(lambda);
    ExecutableElement method = functionalTypes.abstractMethodOf(functional);
    if (method == null || !(functional instanceof DeclaredType declared)) {
      return null;
    }
    try {
      return ((ExecutableType) types.asMemberOf(declared, method)).getReturnType();
    } catch (IllegalArgumentException notAMember) {
      return null;
    }
  }

  /** The method or constructor a call or creation at {@code path} invokes, or null. */
  private ExecutableElement invoked(TreePath path) {
    Tree leaf = path.getLeaf();
    if (!(leaf instanceof MethodInvocationTree) && !(leaf instanceof NewClassTree)) {
      return null;
    }
    return trees.getElement(path) instanceof ExecutableElement method ? method : null;
  }

  /**
   * The parameter types of {@code method} as the receiver of the call sees them ({@code add(E)} on
   * a {@code List<Slot<Task>>} takes a {@code Slot<Task>}), before the method's own type variables
   * are inferred.
   */
  private List<? extends TypeMirror> formalsOf(TreePath call, ExecutableElement method) {
    if (call.getLeaf() instanceof MethodInvocationTree invocation
        && invocation.getMethodSelect()
            instanceof com.sun.source.tree.MemberSelectTree select) {
      TypeMirror receiver =
          trees.getTypeMirror(new TreePath(new TreePath(call, select), select.getExpression()));
      if (receiver != null && receiver.getKind() == TypeKind.DECLARED) {
        try {
          return ((ExecutableType) types.asMemberOf((DeclaredType) receiver, method))
              .getParameterTypes();
        } catch (IllegalArgumentException notAMember) {
          // a static method named through a type: its declared parameter types
        }
      }
    }
    return ((ExecutableType) method.asType()).getParameterTypes();
  }

  private static int argumentIndex(Tree call, Tree argument) {
    List<? extends ExpressionTree> arguments =
        call instanceof MethodInvocationTree invocation
            ? invocation.getArguments()
            : call instanceof NewClassTree creation ? creation.getArguments() : List.of();
    return arguments.indexOf(argument);
  }

  private static boolean isDiamond(NewClassTree creation) {
    return creation.getIdentifier() instanceof ParameterizedTypeTree type
        && type.getTypeArguments().isEmpty();
  }

  /** Up through parentheses and the branches of {@code ?:}, which pass their target on. */
  private static TreePath outermostExpression(TreePath expression) {
    TreePath at = expression;
    while (at.getParentPath().getLeaf() instanceof ParenthesizedTree
        || (at.getParentPath().getLeaf() instanceof ConditionalExpressionTree conditional
            && conditional.getCondition() != at.getLeaf())) {
      at = at.getParentPath();
    }
    return at;
  }

  /** Whether {@code type} names a type variable that {@code method} declares. */
  private static boolean mentionsTypeVariableOf(TypeMirror type, ExecutableElement method) {
    if (type == null) {
      return false;
    }
    switch (type.getKind()) {
      case TYPEVAR:
        return method.equals(((TypeVariable) type).asElement().getEnclosingElement());
      case WILDCARD:
        WildcardType wildcard = (WildcardType) type;
        return mentionsTypeVariableOf(wildcard.getExtendsBound(), method)
            || mentionsTypeVariableOf(wildcard.getSuperBound(), method);
      case ARRAY:
        return mentionsTypeVariableOf(
            ((javax.lang.model.type.ArrayType) type).getComponentType(), method);
      case DECLARED:
        for (TypeMirror argument : ((DeclaredType) type).getTypeArguments()) {
          if (mentionsTypeVariableOf(argument, method)) {
            return true;
          }
        }
        return false;
      default:
        return false;
    }
  }
}
