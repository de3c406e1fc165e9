package org.pinning.processor.flow;

import com.sun.source.tree.AnnotatedTypeTree;
import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.IdentifierTree;
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
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import org.pinning.processor.model.ArgumentMask;
import org.pinning.processor.model.ContainerTypes;
import org.pinning.processor.model.ContainerTypes.Signature;
import org.pinning.processor.model.ElementCollectors;
import org.pinning.processor.model.VarargsParameters;

/**
 * The transfer of the analysis for calls (DESIGN.md §4.1, §4.7): what a call or a {@code new}
 * yields, which arguments it pins, and which flows into parameters to tell the rules about; the
 * lambdas and method references passed are {@link LambdaFlow}'s, given their targets here. Pinned
 * containers are followed through chained calls here, since javac drops type annotations there.
 */
public abstract class CallFlow extends LambdaFlow {
  protected CallFlow(FlowContext context, CompilationUnitTree unit, FlowEvents events) {
    super(context, unit, events);
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
    ArgumentMask typeArguments = pinnedTypeArguments(node.getTypeArguments());
    Signature signature = signature(method, receiver, typeArguments);
    Arguments scanned = arguments(method, node.getArguments(), signature, receiver);
    if (!scanned.carried().isEmpty()) {
      // a function returned pinned values for a type variable of the call: .map(t -> t)
      signature = signature(method, receiver, typeArguments.union(scanned.carried()));
    }
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
    Pin returnable = scanned.returnable();
    if (returnable != null) {
      return returnable;
    }
    Pin collected = collected(node, method, signature, receiver);
    if (collected != null) {
      return collected;
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
  private record Receiver(Pin pin, TypeMirror type, ExpressionTree expression) {
    static final Receiver NONE = new Receiver(null, null, null);
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
    return new Receiver(pin, trees.getTypeMirror(expression), member.getExpression());
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
            && !containers.pinsThroughSupertypes(trees.getTypeMirror(getCurrentPath()))
        ? null
        : new Pin.Container(callName(receiver.pin(), method), elements);
  }

  /**
   * {@code stream.collect(Collectors.toList())} over a stream of pinned elements: the collection
   * made holds them, in each type argument of the result that is the collector's element type
   * ({@code List<Task>}: position 0).
   */
  private Pin collected(
      MethodInvocationTree node, ExecutableElement method, Signature signature, Receiver receiver) {
    if (signature == null
        || node.getArguments().size() != 1
        || !method.getSimpleName().contentEquals("collect")
        || !signature.parameterElements(0).has(0)) {
      return null;
    }
    TreePath argument = new TreePath(getCurrentPath(), node.getArguments().get(0));
    if (!(trees.getElement(argument) instanceof ExecutableElement factory)
        || !ElementCollectors.gathersElements(factory)
        || !(trees.getTypeMirror(argument) instanceof DeclaredType collector)
        || collector.getTypeArguments().size() != 3) {
      return null;
    }
    TypeMirror element = collector.getTypeArguments().get(0);
    ArgumentMask elements = ArgumentMask.NONE;
    if (collector.getTypeArguments().get(2) instanceof DeclaredType collection) {
      List<? extends TypeMirror> arguments = collection.getTypeArguments();
      for (int i = 0; i < arguments.size(); i++) {
        if (model.types().isSameType(arguments.get(i), element)) {
          elements = elements.with(i);
        }
      }
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
      if (writtenAnnotations(arguments.get(i)) instanceof AnnotatedTypeTree annotated
          && isWrittenPinned(annotated)) {
        mask = mask.with(i);
      }
    }
    return mask;
  }

  /**
   * Where javac keeps the annotations written before a type argument: on the argument itself, or,
   * for a parameterized type ({@code @Pinned Node<K, V>}), on its class name inside it.
   */
  private static Tree writtenAnnotations(Tree argument) {
    return argument instanceof ParameterizedTypeTree parameterized
        ? parameterized.getType()
        : argument;
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
      arguments(constructor, node.getArguments(), signature, Receiver.NONE);
    } else {
      scan(node.getArguments(), unused);
    }
    scan(node.getClassBody(), unused);
    if (trees.getElement(getCurrentPath()) instanceof ExecutableElement constructor
        && members.isPinnedFromBirth(constructor)) {
      // Box::pin(Task::new(e)): a @Pinned constructor makes a pinned object (§4.10).
      return new Pin.PinnedPlace("new " + node.getIdentifier() + "(…)", elements);
    }
    return elements.isEmpty()
            && !containers.pinsThroughSupertypes(trees.getTypeMirror(getCurrentPath()))
        ? null
        : new Pin.Container("new " + node.getIdentifier(), elements);
  }

  /**
   * What scanning a call's arguments found: the pin of the first pinned argument a borrowing
   * library method may return ({@code requireNonNullElse(task, fallback)}), and the type variables
   * of the method that a function argument returned pinned values for.
   */
  private record Arguments(Pin returnable, ArgumentMask carried) {}

  /**
   * Scans the arguments of a call and tells the rules where each pinned one goes: an argument for
   * a {@code @Pinned} parameter (or one whose type variable is pinned, {@code signature}) pins the
   * locals it reads.
   */
  private Arguments arguments(
      ExecutableElement method,
      List<? extends ExpressionTree> arguments,
      Signature signature,
      Receiver receiver) {
    List<? extends VariableElement> parameters = method.getParameters();
    Pin returnable = null;
    ArgumentMask carried = ArgumentMask.NONE;
    for (int i = 0; i < arguments.size(); i++) {
      ExpressionTree argument = arguments.get(i);
      boolean function =
          argument instanceof LambdaExpressionTree || argument instanceof MemberReferenceTree;
      if (function && !parameters.isEmpty()) {
        noteFunction(argument, method, parameters, i, signature, receiver);
      }
      Pin value = scan(argument, null);
      if (returnable == null && value != null && borrowing.mayReturn(method, i)) {
        returnable = value;
      }
      if (parameters.isEmpty()) {
        continue;
      }
      if (function && lambdaTargets.carried(argument)) {
        carried = carried.with(resultVariable(method, parameters, i));
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
            new Place.Parameter(parameter, method, allowed, pinned, declaredIn(method), i));
      }
    }
    return new Arguments(returnable, carried);
  }

  /**
   * A lambda or method reference passed as argument {@code i}: its target is the parameter, with
   * the type arguments that the call's pinned type variables ({@code forEach} on a {@code
   * List<@Pinned Task>}) or the parameter's declaration ({@code Consumer<@Pinned Task>}) pin.
   */
  private void noteFunction(
      ExpressionTree argument,
      ExecutableElement method,
      List<? extends VariableElement> parameters,
      int i,
      Signature signature,
      Receiver receiver) {
    VariableElement parameter = parameters.get(Math.min(i, parameters.size() - 1));
    ArgumentMask elements = signature == null ? ArgumentMask.NONE : signature.parameterElements(i);
    // The lambda's parameters receive a container's elements, or are pinned as the type declares.
    String container =
        elements.isEmpty() ? null : receiver.pin() != null ? receiver.pin().name() : "the container";
    lambdaTargets.noteArgument(
        new TreePath(getCurrentPath(), argument),
        method,
        parameter.asType(),
        elements.union(containers.variableArguments(parameter)),
        container,
        receiver.expression(),
        receiver.type());
  }

  /** The type parameter of {@code method} that the result of function argument {@code i} infers. */
  private int resultVariable(
      ExecutableElement method, List<? extends VariableElement> parameters, int i) {
    TypeMirror result =
        functionalTypes.resultArgument(parameters.get(Math.min(i, parameters.size() - 1)).asType());
    return result == null
        ? -1
        : method.getTypeParameters().indexOf(model.types().asElement(result));
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
      boolean pinned =
          elements != null
              && (containers.iteratesPinned(iterated, elements.elements())
                  || isPinnedVarargs(node.getExpression()));
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

  /**
   * An element of the array a {@code @Pinned} varargs parameter receives ({@code @Pinned Task...
   * ts}): its callers passed it pinned. Any other array element is an ordinary value.
   */
  @Override
  public Pin visitArrayAccess(ArrayAccessTree node, Void unused) {
    scan(node.getExpression(), unused);
    scan(node.getIndex(), unused);
    return isPinnedVarargs(node.getExpression())
        ? new Pin.PinnedPlace(node.getExpression() + "[…]")
        : null;
  }

  private boolean isPinnedVarargs(ExpressionTree array) {
    if (!(array instanceof IdentifierTree)) {
      return false;
    }
    Element element = trees.getElement(new TreePath(getCurrentPath(), array));
    return element != null
        && VarargsParameters.isVarargs(element)
        && annotations.hasPinned(element)
        && !model.isKnownUnpin(((ArrayType) element.asType()).getComponentType());
  }
}
