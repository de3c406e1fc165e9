package org.pinning.processor.flow;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Types;
import org.pinning.processor.model.ArgumentMask;
import org.pinning.processor.model.ContainerTypes;
import org.pinning.processor.model.FunctionalTypes;

/**
 * What the target type of a lambda or method reference makes of it (DESIGN.md §4.7): which of its
 * parameters hold pinned values, and whether its result is a pinned place. The target is the
 * parameter it is passed to, read through the call's pinned type variables ({@code forEach} on a
 * {@code List<@Pinned Task>}, {@code compute} on a {@code Map<K, @Pinned V>}) or as declared
 * ({@code Consumer<@Pinned Task>}); or the field, local or method result it initializes, is
 * assigned to or is returned as. javac drops the type annotations of an inferred target type, so
 * they are read from these declarations.
 */
final class LambdaTargets {

  /**
   * What its target makes of one lambda or method reference.
   *
   * @param parameters the parameters (as bits) of the functional method that hold pinned values
   * @param container the pinned container whose elements they receive; null where the target type
   *     itself pins them ({@code Consumer<@Pinned Task>})
   * @param result where the result goes
   * @param resultVariable the type parameter of the called method that the result is inferred for
   *     ({@code R} of {@code Stream.map}), or -1
   */
  record Target(
      ArgumentMask parameters, String container, LambdaResult result, int resultVariable) {
    static final Target NONE = new Target(ArgumentMask.NONE, null, LambdaResult.UNPINNED, -1);
  }

  private final Trees trees;
  private final Types types;
  private final ContainerTypes containers;
  private final FunctionalTypes functionalTypes;

  /** Targets of the lambdas and method references passed as arguments, about to be scanned. */
  private final Map<Tree, Target> noted = new IdentityHashMap<>();

  /** Arguments that returned a pinned value into the type variable their result is inferred for. */
  private final Set<ExpressionTree> carrying = Collections.newSetFromMap(new IdentityHashMap<>());

  LambdaTargets(FlowContext context) {
    this.trees = context.trees();
    this.types = context.model().types();
    this.containers = context.containers();
    this.functionalTypes = context.functionalTypes();
  }

  /**
   * A lambda or method reference at {@code argument} is passed for a parameter of {@code method}
   * declared {@code declared}, whose type arguments {@code elements} are pinned; {@code container}
   * names the pinned container whose elements its parameters receive (null: none), {@code
   * receiver} the object the method is called on (null: none).
   */
  void noteArgument(
      TreePath argument,
      ExecutableElement method,
      TypeMirror declared,
      ArgumentMask elements,
      String container,
      ExpressionTree receiver,
      TypeMirror receiverType) {
    TypeMirror functional = trees.getTypeMirror(argument);
    if (functional == null || functional.getKind() != TypeKind.DECLARED) {
      return;
    }
    int resultVariable = -1;
    String into = null;
    if (functionalTypes.resultArgument(declared) instanceof TypeVariable variable
        && variable.asElement() instanceof TypeParameterElement parameter) {
      if (parameter.getGenericElement().equals(method)
          && returnsThrough(method, variable)) {
        resultVariable = method.getTypeParameters().indexOf(parameter);
      } else if (receiver != null
          && parameter.getGenericElement().equals(method.getEnclosingElement())) {
        into = receiver.toString(); // compute(k, f): the result goes into the receiver's slot
      }
    }
    LambdaResult result =
        new LambdaResult(
            functionalTypes.returnsPinned(declared, elements),
            null,
            into,
            into == null ? null : receiverType);
    ArgumentMask parameters = functionalTypes.parametersReceiving(declared, elements);
    noted.put(
        argument.getLeaf(),
        new Target(parameters, elements.isEmpty() ? null : container, result, resultVariable));
  }

  /**
   * Whether {@code method} returns values of {@code variable}, or a container of them ({@code
   * Stream<R> map(…)}): only there does a pinned result of its function stay in sight. A function
   * whose result the method keeps out of sight ({@code <T> void store(Supplier<T> s)}) moves it.
   */
  private boolean returnsThrough(ExecutableElement method, TypeVariable variable) {
    TypeMirror result = method.getReturnType();
    if (types.isSameType(result, variable)) {
      return true;
    }
    if (result instanceof DeclaredType declared) {
      for (TypeMirror argument : declared.getTypeArguments()) {
        TypeMirror bound =
            argument instanceof WildcardType wildcard
                ? wildcard.getExtendsBound()
                : argument;
        if (bound != null && types.isSameType(bound, variable)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The target of the lambda or method reference at {@code path}, about to be scanned. */
  Target take(TreePath path) {
    Target target = noted.remove(path.getLeaf());
    return target != null ? target : fromDeclaration(path);
  }

  /** The lambda or method reference {@code node} returned a pinned value for its result variable. */
  void carries(ExpressionTree node) {
    carrying.add(node);
  }

  /** Whether the argument {@code node} returned a pinned value into its result variable. */
  boolean carried(ExpressionTree node) {
    return carrying.remove(node);
  }

  /** A target that is no argument: the declaration it initializes, or its own type. */
  private Target fromDeclaration(TreePath path) {
    TypeMirror functional = trees.getTypeMirror(path);
    if (functional == null || functional.getKind() != TypeKind.DECLARED) {
      return Target.NONE;
    }
    ArgumentMask elements = declaredElements(path);
    if (elements.isEmpty()) {
      elements = containers.pinnedArguments(functional);
    }
    LambdaResult result =
        new LambdaResult(functionalTypes.returnsPinned(functional, elements), null, null, null);
    return new Target(
        functionalTypes.parametersReceiving(functional, elements), null, result, -1);
  }

  /**
   * The pinned type arguments of the field or local the lambda at {@code path} initializes or is
   * assigned to, or of the result of the method that returns it.
   */
  private ArgumentMask declaredElements(TreePath path) {
    TreePath parent = path.getParentPath();
    Tree leaf = parent.getLeaf();
    if (leaf instanceof VariableTree variable
        && variable.getInitializer() == path.getLeaf()
        && trees.getElement(parent) instanceof VariableElement declared) {
      return containers.variableArguments(declared);
    }
    if (leaf instanceof AssignmentTree assignment
        && assignment.getExpression() == path.getLeaf()
        && trees.getElement(new TreePath(parent, assignment.getVariable()))
            instanceof VariableElement assigned) {
      return containers.variableArguments(assigned);
    }
    if (leaf instanceof ReturnTree) {
      ExecutableElement method = enclosingMethod(parent);
      return method == null ? ArgumentMask.NONE : containers.resultArguments(method);
    }
    return ArgumentMask.NONE;
  }

  /** The method a {@code return} at {@code path} leaves; null inside a lambda. */
  private ExecutableElement enclosingMethod(TreePath path) {
    for (TreePath up = path; up != null; up = up.getParentPath()) {
      Tree leaf = up.getLeaf();
      if (leaf instanceof LambdaExpressionTree || leaf instanceof ClassTree) {
        return null;
      }
      if (leaf instanceof MethodTree) {
        return trees.getElement(up) instanceof ExecutableElement method ? method : null;
      }
    }
    return null;
  }

  /**
   * {@code result} with the type the functional method returns for a lambda of type {@code
   * functional}: asked only for a move into it, whose help line names that type.
   */
  LambdaResult described(LambdaResult result, TypeMirror functional) {
    return new LambdaResult(
        result.pinned(), resultType(functional), result.container(), result.containerType());
  }

  /** What the functional method returns for a lambda of type {@code functional}, or null. */
  private TypeMirror resultType(TypeMirror functional) {
    ExecutableElement method = functionalTypes.abstractMethodOf(functional);
    if (method == null || !(functional instanceof DeclaredType)) {
      return null;
    }
    try {
      return ((ExecutableType) types.asMemberOf((DeclaredType) functional, method)).getReturnType();
    } catch (IllegalArgumentException notAMember) {
      return method.getReturnType();
    }
  }
}
