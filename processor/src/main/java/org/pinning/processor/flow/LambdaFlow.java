package org.pinning.processor.flow;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeMirror;
import org.pinning.processor.model.ArgumentMask;
import org.pinning.processor.model.BorrowingModel;
import org.pinning.processor.model.ContainerTypes;
import org.pinning.processor.model.FunctionalTypes;

/**
 * The transfer of the analysis for lambdas and method references (DESIGN.md §4.1, §4.7): a lambda
 * is checked as the method it implements. Its target type says which of its parameters hold pinned
 * values and whether its result is a pinned place ({@link LambdaTargets}); a method reference is
 * checked as the lambda it abbreviates, its functional parameters flowing into the referenced
 * method's.
 */
public abstract class LambdaFlow extends StoreFlow {
  protected final ContainerTypes containers;
  protected final FunctionalTypes functionalTypes;
  protected final BorrowingModel borrowing;
  protected final LambdaTargets lambdaTargets;

  /** The lambdas being scanned, innermost first, with their targets. */
  private final Deque<Lambda> lambdas = new ArrayDeque<>();

  private record Lambda(ExpressionTree node, LambdaTargets.Target target) {}

  protected LambdaFlow(FlowContext context, CompilationUnitTree unit, FlowEvents events) {
    super(context, unit, events);
    this.containers = context.containers();
    this.functionalTypes = context.functionalTypes();
    this.borrowing = context.borrowing();
    this.lambdaTargets = new LambdaTargets(context);
  }

  /** Where {@code method} is declared: the sources of this compilation, a library, the JDK. */
  protected Place.DeclaredIn declaredIn(ExecutableElement method) {
    // By its class, not trees.getTree(method): that searches the class's whole tree, per call.
    if (!(method.getEnclosingElement() instanceof TypeElement owner)) {
      return Place.DeclaredIn.LIBRARY;
    }
    if (model.isFromSource(owner)) {
      return Place.DeclaredIn.SOURCE;
    }
    return model.isJdkType(owner) ? Place.DeclaredIn.JDK : Place.DeclaredIn.LIBRARY;
  }

  // Lambdas

  @Override
  public Pin visitLambdaExpression(LambdaExpressionTree node, Void unused) {
    LambdaTargets.Target target = lambdaTargets.take(getCurrentPath());
    lambdas.push(new Lambda(node, target));
    enterLambdaBody(new Place.LambdaReturn(trees.getTypeMirror(getCurrentPath()), target.result()));
    try {
      return super.visitLambdaExpression(node, unused);
    } finally {
      leaveLambdaBody();
      lambdas.pop();
    }
  }

  /** The parameters its target pins hold pinned values: container elements, or pinned places. */
  @Override
  protected void enterLambda(LambdaExpressionTree node) {
    LambdaTargets.Target target = lambdas.peek().target();
    if (target.parameters().isEmpty()) {
      return;
    }
    List<? extends VariableTree> parameters = node.getParameters();
    for (int i = 0; i < parameters.size(); i++) {
      if (!target.parameters().has(i)) {
        continue;
      }
      VariableTree parameter = parameters.get(i);
      Element element = trees.getElement(new TreePath(getCurrentPath(), parameter));
      if (element != null) {
        String name = element.getSimpleName().toString();
        state().holdNew(element, idOf(parameter), parameterPin(name, target, line(parameter)));
        holdFrom(element, null); // pinned already: pinning it again changes nothing (§4.9)
      }
    }
  }

  private static Pin parameterPin(String name, LambdaTargets.Target target, long line) {
    return target.container() == null
        ? new Pin.PinnedPlace(name)
        : new Pin.ContainerElement(name, target.container(), line);
  }

  @Override
  protected void lambdaReturned(LambdaExpressionTree node, Pin value) {
    if (returnPlace() instanceof Place.LambdaReturn place) {
      lambdaResult((ExpressionTree) node.getBody(), value, place);
    }
  }

  @Override
  protected void returned(ReturnTree node, Pin value) {
    if (node.getExpression() != null && returnPlace() instanceof Place.LambdaReturn place) {
      lambdaResult(node.getExpression(), value, place);
    } else {
      super.returned(node, value);
    }
  }

  /**
   * A lambda's result: a pinned result place pins what it is given ({@code k -> new Task()} for
   * {@code computeIfAbsent} on a {@code Map<K, @Pinned V>}); a pinned value returned where the call
   * infers a type variable from the result ({@code R} of {@code map}) makes that type variable
   * pinned, as if written {@code @Pinned}; anything else flows into the result for the rules.
   */
  private void lambdaResult(ExpressionTree value, Pin pin, Place.LambdaReturn place) {
    Lambda lambda = lambdas.peek();
    if (place.result().pinned()) {
      pins(value, pin);
    } else if (pin != null && pin.isPinnedValue() && lambda.target().resultVariable() >= 0) {
      lambdaTargets.carries(lambda.node());
      return;
    }
    if (pin != null && pin.isPinnedValue()) {
      LambdaResult result = place.result();
      flowsInto(
          value,
          pin,
          new Place.LambdaReturn(
              place.functional(), lambdaTargets.described(result, place.functional())));
    }
  }

  // Method references

  @Override
  public Pin visitMemberReference(MemberReferenceTree node, Void unused) {
    Pin qualifier = scan(node.getQualifierExpression(), unused);
    if (!(trees.getElement(getCurrentPath()) instanceof ExecutableElement method)) {
      return null;
    }
    boolean unbound = isUnbound(node, method);
    if (members.hasPinnedReceiver(method) && !isTypeName(node)) {
      pins(node.getQualifierExpression(), qualifier); // f::poll pins f where it is made (§4.10)
    }
    LambdaTargets.Target target = lambdaTargets.take(getCurrentPath());
    if (!target.parameters().isEmpty()) {
      referenceReceives(node, method, target, unbound ? null : qualifier);
    }
    if (annotations.hasPinned(method) || returnsPinnedArgument(method, target, unbound)) {
      referenceResult(node, method, target);
    }
    return null;
  }

  /**
   * The result of a method reference is pinned: it flows into the functional method's result, or,
   * where the call infers a type variable from it ({@code .map(Objects::requireNonNull)}), makes
   * that type variable pinned.
   */
  private void referenceResult(
      MemberReferenceTree node, ExecutableElement method, LambdaTargets.Target target) {
    if (!target.result().pinned() && target.resultVariable() >= 0) {
      lambdaTargets.carries(node);
      return;
    }
    TypeMirror functional = trees.getTypeMirror(getCurrentPath());
    events.flowsInto(
        getCurrentPath(),
        new Pin.PinnedPlace(method.getSimpleName() + "()"),
        new Place.MethodReferenceResult(
            node.toString(), functional, lambdaTargets.described(target.result(), functional)));
  }

  /**
   * Whether a reference to a borrowing method that returns its argument ({@code
   * Objects::requireNonNull}) is given a pinned value for it, and so returns one.
   */
  private boolean returnsPinnedArgument(
      ExecutableElement method, LambdaTargets.Target target, boolean unbound) {
    return !unbound && target.parameters().has(0) && borrowing.returnsArgument(method);
  }

  private boolean isTypeName(MemberReferenceTree node) {
    return trees.getElement(new TreePath(getCurrentPath(), node.getQualifierExpression()))
        instanceof TypeElement;
  }

  private boolean isUnbound(MemberReferenceTree node, ExecutableElement method) {
    return !method.getModifiers().contains(Modifier.STATIC) && isTypeName(node);
  }

  /**
   * A method reference whose functional parameters hold pinned values ({@code
   * tasks.forEach(stash::add)}): each flows into a parameter of the referenced method, pinned
   * where that is {@code @Pinned} or typed with a pinned type argument of the bound receiver
   * {@code qualifier} ({@code pinnedList::add}). An unbound instance reference ({@code Task::poll})
   * takes the first as its receiver.
   */
  private void referenceReceives(
      MemberReferenceTree node,
      ExecutableElement method,
      LambdaTargets.Target target,
      Pin qualifier) {
    boolean unbound = isUnbound(node, method);
    ContainerTypes.Signature signature = boundSignature(node, method, qualifier);
    List<? extends VariableElement> parameters = method.getParameters();
    for (int k = 0; k < ArgumentMask.LIMIT; k++) {
      int index = unbound ? k - 1 : k;
      if (!target.parameters().has(k) || index < 0 || parameters.isEmpty()) {
        continue; // the receiver of an unbound reference: calling a method on it is no move
      }
      VariableElement parameter = parameters.get(Math.min(index, parameters.size() - 1));
      String name = parameter.getSimpleName().toString();
      events.flowsInto(
          getCurrentPath(),
          target.container() == null
              ? new Pin.PinnedPlace(functionalParameterName(k, name))
              : new Pin.ContainerElement(name, target.container(), line(node)),
          new Place.Parameter(
              parameter,
              method,
              signature != null
                  ? signature.parameterElements(index)
                  : containers.variableArguments(parameter),
              annotations.hasPinned(parameter)
                  || (signature != null && signature.parameterPinned(index)),
              declaredIn(method),
              index));
    }
  }

  /**
   * The name of parameter {@code k} of the method the reference implements ({@code t} of {@code
   * accept(T t)}); JDK class files name their parameters arg0, arg1..., so there the value is named
   * by its type ({@code task}), else by {@code otherwise}.
   */
  private String functionalParameterName(int k, String otherwise) {
    TypeMirror functional = trees.getTypeMirror(getCurrentPath());
    ExecutableElement implemented = functionalTypes.abstractMethodOf(functional);
    if (implemented == null || k >= implemented.getParameters().size()) {
      return otherwise;
    }
    String name = implemented.getParameters().get(k).getSimpleName().toString();
    if (!name.matches("arg[0-9]+")) {
      return name;
    }
    try {
      ExecutableType member =
          (ExecutableType) model.types().asMemberOf((DeclaredType) functional, implemented);
      Element type = model.types().asElement(member.getParameterTypes().get(k));
      String simple = type == null ? "" : type.getSimpleName().toString();
      return simple.isEmpty()
          ? otherwise
          : Character.toLowerCase(simple.charAt(0)) + simple.substring(1);
    } catch (IllegalArgumentException notAMember) {
      return otherwise;
    }
  }

  /** The pin contract of a method referenced on a pinned container ({@code pinned::add}). */
  private ContainerTypes.Signature boundSignature(
      MemberReferenceTree node, ExecutableElement method, Pin qualifier) {
    if (qualifier == null || qualifier.elements().isEmpty()) {
      return null;
    }
    TypeMirror type =
        trees.getTypeMirror(new TreePath(getCurrentPath(), node.getQualifierExpression()));
    return type != null && model.types().asElement(type) instanceof TypeElement receiverClass
        ? containers.signature(method, receiverClass, qualifier.elements(), ArgumentMask.NONE)
        : null;
  }
}
