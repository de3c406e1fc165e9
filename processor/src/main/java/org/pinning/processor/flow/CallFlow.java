package org.pinning.processor.flow;

import com.sun.source.tree.AnnotatedTypeTree;
import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParameterizedTypeTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import org.pinning.processor.model.ArgumentMask;
import org.pinning.processor.model.BorrowingModel;
import org.pinning.processor.model.ContainerTypes;
import org.pinning.processor.model.ContainerTypes.Signature;
import org.pinning.processor.model.FunctionalTypes;

/**
 * The transfer of the analysis for calls (DESIGN.md §4.1, §4.7): what a call, a {@code new}, a
 * lambda or a method reference yields, which arguments it pins, and which flows into parameters to
 * tell the rules about. Pinned containers are followed through chained calls here, since javac
 * drops type annotations there.
 */
public abstract class CallFlow extends StoreFlow {
  private final ContainerTypes containers;
  private final FunctionalTypes functionalTypes;
  private final BorrowingModel borrowing;

  /** Lambdas and method references about to be scanned that receive pinned elements. */
  private final Map<ExpressionTree, PinnedParameters> pinnedLambdaParameters =
      new IdentityHashMap<>();

  /** Which parameters of a lambda receive elements of which pinned container. */
  private record PinnedParameters(ArgumentMask parameters, String container) {}

  protected CallFlow(FlowContext context, CompilationUnitTree unit, FlowEvents events) {
    super(context, unit, events);
    this.containers = context.containers();
    this.functionalTypes = context.functionalTypes();
    this.borrowing = context.borrowing();
  }

  // Calls

  @Override
  public Pin visitMethodInvocation(MethodInvocationTree node, Void unused) {
    scan(node.getTypeArguments(), unused);
    Receiver receiver = scanReceiver(node.getMethodSelect());
    Element element = trees.getElement(getCurrentPath());
    if (!(element instanceof ExecutableElement method)) {
      noteErrorType();
      scan(node.getArguments(), unused);
      return null;
    }
    Signature signature =
        signature(method, receiver, pinnedTypeArguments(node.getTypeArguments()));
    Pin returnable = arguments(method, node.getArguments(), signature, receiver.pin());
    if (members.hasPinnedReceiver(method)) {
      pinsReceiver(node.getMethodSelect(), receiver.pin(), method);
    }
    events.called(getCurrentPath(), method, enclosingClass());
    if (annotations.hasPinned(method)) {
      return new Pin.PinnedPlace(callName(receiver.pin(), method));
    }
    Pin result = signature == null ? null : resultOf(signature, receiver.pin(), method);
    if (result != null) {
      return result;
    }
    if (returnable != null) {
      return returnable;
    }
    return containerResult(receiver, method, node.getMethodSelect());
  }

  /**
   * A call of a method with a pinned receiver pins the object it is called on (§4.10), as passing
   * it to a {@code @Pinned} parameter would; a call on the implicit {@code this} pins {@code this}.
   */
  private void pinsReceiver(ExpressionTree select, Pin pin, ExecutableElement method) {
    if (select instanceof MemberSelectTree member) {
      pins(member.getExpression(), pin);
    } else if (!method.getModifiers().contains(Modifier.STATIC)) {
      pinsThis(new TreePath(getCurrentPath(), select));
    }
  }

  /** The object a method is called on, when it holds something pinned, and its static type. */
  private record Receiver(Pin pin, TypeMirror type) {
    static final Receiver NONE = new Receiver(null, null);
  }

  /**
   * Scans a call's method select: for {@code a.b().c()}, the receiver {@code a.b()}, whose pin the
   * call needs; a plain name ({@code c()}) has none. The receiver is scanned as a child of the
   * call: the select itself names a method, which holds no value.
   */
  private Receiver scanReceiver(ExpressionTree select) {
    if (!(select instanceof MemberSelectTree member)) {
      scan(select, null);
      return Receiver.NONE;
    }
    Pin pin = scan(member.getExpression(), null);
    isUnresolved(trees.getElement(new TreePath(getCurrentPath(), select)));
    // Its type even without a pin: its class may pin elements through a supertype clause
    // (class RunQueue extends ArrayDeque<@Pinned Task>).
    TreePath expression = new TreePath(getCurrentPath(), member.getExpression());
    return new Receiver(pin, trees.getTypeMirror(expression));
  }

  /**
   * A call whose result is a container of pinned elements by its type: a method declared to return
   * {@code List<@Pinned Task>}, or {@code nested.get(0)} on a {@code List<List<@Pinned Task>>}.
   */
  private Pin containerResult(Receiver receiver, ExecutableElement method, ExpressionTree select) {
    ArgumentMask elements = containers.resultArguments(method);
    if (elements.isEmpty()) {
      elements = containers.pinnedArguments(trees.getTypeMirror(getCurrentPath()));
    }
    if (elements.isEmpty()
        && method.getReturnType().getKind() == TypeKind.TYPEVAR
        && select instanceof MemberSelectTree member
        && receiver.type() != null
        && model.types().asElement(receiver.type()) instanceof TypeElement receiverClass) {
      // JDK 17-21: javac drops a class-file member's nested @Pinned from the result's type
      Element read =
          trees.getElement(
              new TreePath(new TreePath(getCurrentPath(), member), member.getExpression()));
      elements =
          read == null
              ? ArgumentMask.NONE
              : containers.resultArgumentsThroughReceiver(method, read, receiverClass);
    }
    return elements.isEmpty()
        ? null
        : new Pin.Container(callName(receiver.pin(), method), elements);
  }

  /** A call as the source names it: {@code tasks.get()}. */
  private static String callName(Pin receiver, ExecutableElement method) {
    return (receiver == null ? "" : receiver.name() + ".") + method.getSimpleName() + "()";
  }

  /** The pin of a call's result where a type variable of the call is pinned. */
  private Pin resultOf(Signature signature, Pin receiver, ExecutableElement method) {
    if (signature.returnsArrayOfElements()) {
      events.flowsInto(
          getCurrentPath(), receiver, new Place.ArrayCopy(callName(receiver, method)));
      return null;
    }
    if (signature.returnsPinned()) {
      return new Pin.PinnedPlace(callName(receiver, method));
    }
    ArgumentMask elements = signature.returnElements();
    return elements.isEmpty() ? null : new Pin.Container(callName(receiver, method), elements);
  }

  /** The pin contract of a call, or null when no type variable of it is pinned. */
  private Signature signature(
      ExecutableElement method, Receiver receiver, ArgumentMask typeArguments) {
    ArgumentMask receiverElements =
        receiver.pin() == null ? ArgumentMask.NONE : receiver.pin().elements();
    Element receiverClass =
        receiver.type() == null ? null : model.types().asElement(receiver.type());
    if (receiverElements.isEmpty()
        && typeArguments.isEmpty()
        && !(receiverClass instanceof TypeElement type && containers.pinsThroughSupertypes(type))) {
      return null;
    }
    Signature signature =
        containers.signature(
            method,
            receiverClass instanceof TypeElement type ? type : null,
            receiverElements,
            typeArguments);
    return signature.isPinnedAnywhere() ? signature : null;
  }

  /** Explicit type arguments written {@code @Pinned}: {@code List.<@Pinned Task>of(a, b)}. */
  private ArgumentMask pinnedTypeArguments(List<? extends Tree> arguments) {
    ArgumentMask mask = ArgumentMask.NONE;
    for (int i = 0; i < arguments.size() && ArgumentMask.tracks(i); i++) {
      if (arguments.get(i) instanceof AnnotatedTypeTree annotated && isWrittenPinned(annotated)) {
        mask = mask.with(i);
      }
    }
    return mask;
  }

  /** Whether the annotated type, written under the current tree, carries {@code @Pinned}. */
  private boolean isWrittenPinned(AnnotatedTypeTree annotated) {
    for (AnnotationTree annotation : annotated.getAnnotations()) {
      TreePath annotationPath = new TreePath(getCurrentPath(), annotation);
      Element type = trees.getElement(new TreePath(annotationPath, annotation.getAnnotationType()));
      if (annotations.isPinnedType(type)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public Pin visitNewClass(NewClassTree node, Void unused) {
    scan(node.getEnclosingExpression(), unused);
    scan(node.getIdentifier(), unused);
    scan(node.getTypeArguments(), unused);
    ArgumentMask elements =
        node.getIdentifier() instanceof ParameterizedTypeTree parameterized
            ? pinnedTypeArguments(parameterized.getTypeArguments())
            : ArgumentMask.NONE;
    if (trees.getElement(getCurrentPath()) instanceof ExecutableElement constructor) {
      Signature signature =
          elements.isEmpty()
              ? null
              : containers.signature(
                  constructor,
                  (TypeElement) constructor.getEnclosingElement(),
                  elements,
                  ArgumentMask.NONE);
      arguments(constructor, node.getArguments(), signature, null);
    } else {
      scan(node.getArguments(), unused);
    }
    scan(node.getClassBody(), unused);
    if (trees.getElement(getCurrentPath()) instanceof ExecutableElement constructor
        && members.isPinnedFromBirth(constructor)) {
      // Box::pin(Task::new(e)): a @Pinned constructor makes a pinned object (§4.10).
      return new Pin.PinnedPlace("new " + node.getIdentifier() + "(…)", elements);
    }
    return elements.isEmpty() ? null : new Pin.Container("new " + node.getIdentifier(), elements);
  }

  /**
   * Scans the arguments of a call and tells the rules where each pinned one goes: an argument for
   * a {@code @Pinned} parameter (or one whose type variable is pinned, {@code signature}) pins the
   * locals it reads. Returns the pin of the first pinned argument a borrowing library method may
   * return ({@code requireNonNullElse(task, fallback)}), or null.
   */
  private Pin arguments(
      ExecutableElement method,
      List<? extends ExpressionTree> arguments,
      Signature signature,
      Pin receiver) {
    List<? extends VariableElement> parameters = method.getParameters();
    Pin returnable = null;
    for (int i = 0; i < arguments.size(); i++) {
      ExpressionTree argument = arguments.get(i);
      if (signature != null
          && (argument instanceof LambdaExpressionTree
              || argument instanceof MemberReferenceTree)) {
        notePinnedLambdaParameters(
            argument,
            signature.parameterType(i),
            signature.parameterElements(i),
            receiver == null ? "the container" : receiver.name());
      }
      Pin value = scan(argument, null);
      if (returnable == null && value != null && borrowing.mayReturn(method, i)) {
        returnable = value;
      }
      if (parameters.isEmpty()) {
        continue;
      }
      VariableElement parameter = parameters.get(Math.min(i, parameters.size() - 1));
      boolean pinned =
          annotations.hasPinned(parameter) || (signature != null && signature.parameterPinned(i));
      if (pinned) {
        pins(argument, value);
      }
      if (value != null) {
        ArgumentMask allowed =
            signature != null
                ? signature.parameterElements(i)
                : containers.variableArguments(parameter);
        flowsInto(
            argument,
            value,
            new Place.Parameter(parameter, method, allowed, pinned, isFromSource(method), i));
      }
    }
    return returnable;
  }

  private boolean isFromSource(ExecutableElement method) {
    return trees.getTree(method) != null;
  }

  // Lambdas and method references

  /**
   * A lambda passed for a functional parameter whose type arguments {@code elements} are pinned
   * ({@code forEach(Consumer<? super T>)} on a {@code List<@Pinned Task>}): its parameters that
   * stand for those type arguments receive pinned elements.
   */
  private void notePinnedLambdaParameters(
      ExpressionTree lambda, TypeMirror functional, ArgumentMask elements, String container) {
    ArgumentMask pinned = functionalTypes.parametersReceiving(functional, elements);
    if (!pinned.isEmpty()) {
      pinnedLambdaParameters.put(lambda, new PinnedParameters(pinned, container));
    }
  }

  @Override
  public Pin visitLambdaExpression(LambdaExpressionTree node, Void unused) {
    enterLambdaBody(new Place.LambdaReturn(trees.getTypeMirror(getCurrentPath())));
    try {
      return super.visitLambdaExpression(node, unused);
    } finally {
      leaveLambdaBody();
    }
  }

  @Override
  protected void enterLambda(LambdaExpressionTree node) {
    PinnedParameters pinned = pinnedLambdaParameters.remove(node);
    if (pinned == null) {
      return;
    }
    List<? extends VariableTree> parameters = node.getParameters();
    for (int i = 0; i < parameters.size(); i++) {
      if (!pinned.parameters().has(i)) {
        continue;
      }
      VariableTree parameter = parameters.get(i);
      Element element = trees.getElement(new TreePath(getCurrentPath(), parameter));
      if (element != null) {
        String name = element.getSimpleName().toString();
        state()
            .holdNew(
                element,
                idOf(parameter),
                new Pin.ContainerElement(name, pinned.container(), line(parameter)));
      }
    }
  }

  @Override
  protected void lambdaReturned(LambdaExpressionTree node, Pin value) {
    if (value != null && value.isPinnedValue()) {
      TreePath lambda = getCurrentPath();
      events.flowsInto(
          new TreePath(lambda, node.getBody()),
          value,
          new Place.LambdaReturn(trees.getTypeMirror(lambda)));
    }
  }

  @Override
  public Pin visitMemberReference(MemberReferenceTree node, Void unused) {
    Pin qualifier = scan(node.getQualifierExpression(), unused);
    if (!(trees.getElement(getCurrentPath()) instanceof ExecutableElement method)) {
      return null;
    }
    if (members.hasPinnedReceiver(method)
        && !(trees.getElement(new TreePath(getCurrentPath(), node.getQualifierExpression()))
            instanceof TypeElement)) {
      pins(node.getQualifierExpression(), qualifier); // f::poll pins f where it is made (§4.10)
    }
    if (annotations.hasPinned(method)) {
      events.flowsInto(
          getCurrentPath(),
          new Pin.PinnedPlace(method.getSimpleName() + "()"),
          new Place.MethodReferenceResult(
              node.toString(), trees.getTypeMirror(getCurrentPath())));
    }
    PinnedParameters pinned = pinnedLambdaParameters.remove(node);
    if (pinned != null) {
      referenceReceives(node, method, pinned);
    }
    return null;
  }

  /**
   * A method reference that receives pinned elements ({@code tasks.forEach(stash::add)}): each
   * pinned functional parameter flows into a parameter of the referenced method. An unbound
   * instance reference ({@code Task::poll}) takes the first as its receiver.
   */
  private void referenceReceives(
      MemberReferenceTree node, ExecutableElement method, PinnedParameters pinned) {
    boolean unbound =
        !method.getModifiers().contains(Modifier.STATIC)
            && trees.getElement(new TreePath(getCurrentPath(), node.getQualifierExpression()))
                instanceof TypeElement;
    List<? extends VariableElement> parameters = method.getParameters();
    for (int k = 0; k < ArgumentMask.LIMIT; k++) {
      int index = unbound ? k - 1 : k;
      if (!pinned.parameters().has(k) || index < 0 || parameters.isEmpty()) {
        continue; // the receiver of an unbound reference: calling a method on it is no move
      }
      VariableElement parameter = parameters.get(Math.min(index, parameters.size() - 1));
      Pin element =
          new Pin.ContainerElement(
              parameter.getSimpleName().toString(), pinned.container(), line(node));
      events.flowsInto(
          getCurrentPath(),
          element,
          new Place.Parameter(
              parameter,
              method,
              containers.variableArguments(parameter),
              annotations.hasPinned(parameter),
              isFromSource(method),
              index));
    }
  }

  /** An element an enhanced {@code for} gives over an array or an unpinned container (§4.9). */
  @Override
  protected void enterForEachVariable(EnhancedForLoopTree node, Pin elements) {
    VariableTree variable = node.getVariable();
    Element element = trees.getElement(new TreePath(getCurrentPath(), variable));
    if (element instanceof VariableElement local) {
      events.localDeclared(local);
      declaredLocal(local);
      // A new local in each iteration: whatever it held in the last one is gone.
      TypeMirror iterated =
          trees.getTypeMirror(new TreePath(getCurrentPath(), node.getExpression()));
      boolean pinned = elements != null && containers.iteratesPinned(iterated, elements.elements());
      state()
          .holdNew(
              local,
              idOf(variable),
              pinned
                  ? new Pin.ContainerElement(
                      local.getSimpleName().toString(), elements.name(), line(node))
                  : null);
      holdFrom(local, pinned ? null : elementOrigin(node.getExpression(), iterated));
    }
  }
}
