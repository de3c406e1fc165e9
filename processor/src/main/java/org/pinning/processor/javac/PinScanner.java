package org.pinning.processor.javac;

import com.sun.source.tree.AnnotatedTypeTree;
import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BindingPatternTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ErroneousTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.InstanceOfTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParameterizedTypeTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.Name;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import org.pinning.processor.flow.FlowScanner;
import org.pinning.processor.flow.Pin;
import org.pinning.processor.model.BorrowingModel;
import org.pinning.processor.model.ContainerTypes;
import org.pinning.processor.model.ContainerTypes.Signature;
import org.pinning.processor.model.FunctionalTypes;
import org.pinning.processor.model.LocalVariables;
import org.pinning.processor.model.PinAnnotations;
import org.pinning.processor.model.PinModel;
import org.pinning.processor.report.Finding;
import org.pinning.processor.report.Messages;
import org.pinning.processor.report.MoveTarget;
import org.pinning.processor.report.Reporter;
import org.pinning.processor.report.Site;
import org.pinning.processor.rules.DeclarationRules;
import org.pinning.processor.rules.MoveRule;
import org.pinning.processor.rules.TypeUsePlacementRule;

/**
 * The one pass over a top-level class's attributed tree (DESIGN.md §8). Declarations go to the
 * declaration rules; method bodies are walked in evaluation order by {@link FlowScanner}, and every
 * flow of a value into a place goes to the move rule with the value's {@link Pin}. Each visit
 * decides from the tree's kind and its symbol before building anything, so ordinary code costs
 * little.
 */
final class PinScanner extends FlowScanner {
  private final Trees trees;
  private final CompilationUnitTree unit;
  private final PinModel model;
  private final PinAnnotations annotations;
  private final BorrowingModel borrowing;
  private final DeclarationRules declarations;
  private final TypeUsePlacementRule typeUses;
  private final ContainerTypes containers;
  private final FunctionalTypes functionalTypes;
  private final MoveRule moves;
  private final CompilationChecks checks;
  private final Reporter reporter;

  /** Lambdas and method references about to be scanned that receive pinned elements. */
  private final Map<ExpressionTree, PinnedParameters> pinnedLambdaParameters =
      new IdentityHashMap<>();

  /** Abstract values of the after-pin analysis, one per tree that makes one. */
  private final Map<Tree, Integer> valueIds = new IdentityHashMap<>();

  /** What the declarations of the variables read say about their pins. */
  private final DeclaredPins declaredPins;

  private final Deque<TypeElement> classes = new ArrayDeque<>();

  /**
   * The method or lambda a {@code return} leaves: an {@link ExecutableElement} or a lambda tree.
   */
  private final Deque<Object> returnTargets = new ArrayDeque<>();

  private boolean erroneous;

  /** The receiver of the method select scanned last, for the call around it. */
  private Pin lastReceiver;

  private TypeMirror lastReceiverType;

  /** Which parameters of a lambda receive elements of which pinned container. */
  private record PinnedParameters(int bits, String container) {}

  PinScanner(Trees trees, CompilationUnitTree unit, CompilationChecks checks, Reporter reporter) {
    this.trees = trees;
    this.unit = unit;
    this.checks = checks;
    this.model = checks.model;
    this.annotations = checks.model.annotations();
    this.borrowing = checks.borrowing;
    this.containers = checks.containers;
    this.functionalTypes = checks.functionalTypes;
    this.declarations = checks.declarations;
    this.typeUses = checks.typeUses;
    this.moves = checks.moves;
    this.reporter = reporter;
    this.declaredPins = new DeclaredPins(annotations, containers, borrowing);
  }

  private boolean isThisOrSuper(Name name) {
    return name.equals(checks.thisName) || name.equals(checks.superName);
  }

  /** Whether the scanned tree holds an erroneous tree or type: javac reported something there. */
  boolean sawErrors() {
    return erroneous;
  }

  // Declarations

  @Override
  public Pin visitClass(ClassTree node, Void unused) {
    Element element = trees.getElement(getCurrentPath());
    if (!(element instanceof TypeElement type)) {
      return super.visitClass(node, unused);
    }
    declarations.checkType(type, reporter);
    classes.push(type);
    try {
      return super.visitClass(node, unused);
    } finally {
      classes.pop();
    }
  }

  @Override
  public Pin visitMethod(MethodTree node, Void unused) {
    if (isPinFreeMember()) {
      return null;
    }
    Element element = trees.getElement(getCurrentPath());
    if (!(element instanceof ExecutableElement method)) {
      return super.visitMethod(node, unused);
    }
    if (method.getKind() == ElementKind.CONSTRUCTOR) {
      checkConstructor(method, node);
    }
    returnTargets.push(method);
    try {
      return super.visitMethod(node, unused);
    } finally {
      returnTargets.pop();
    }
  }

  private void checkConstructor(ExecutableElement constructor, MethodTree node) {
    // @Pinned has no CONSTRUCTOR target: javac reads it on a constructor as a type annotation
    // and keeps it off the element, so only the tree shows it.
    for (AnnotationTree annotation : node.getModifiers().getAnnotations()) {
      if (typeUses.isPinned(getCurrentPath(), annotation)) {
        TreePath path =
            new TreePath(new TreePath(getCurrentPath(), node.getModifiers()), annotation);
        report(Messages.pinnedConstructor(Site.tree(path, constructor), constructor));
      }
    }
    report(declarations.copy().checkConstructor(constructor, node));
  }

  @Override
  public Pin visitVariable(VariableTree node, Void unused) {
    if (isPinFreeMember()) {
      return null;
    }
    Element element = trees.getElement(getCurrentPath());
    if (!(element instanceof VariableElement variable)) {
      return super.visitVariable(node, unused);
    }
    boolean field =
        variable.getKind() == ElementKind.FIELD || variable.getKind() == ElementKind.ENUM_CONSTANT;
    boolean parameter = getCurrentPath().getParentPath().getLeaf() instanceof MethodTree;
    if (!field && !parameter) {
      declarations.checkLocal(variable, reporter);
      declaredLocal(variable);
    }
    scan(node.getModifiers(), unused);
    scan(node.getType(), unused);
    ExpressionTree initializer = node.getInitializer();
    if (initializer == null) {
      return null;
    }
    Pin value = scan(initializer, unused);
    if (field) {
      if (value != null) {
        TypeElement owner = classes.peek();
        Supplier<MoveTarget> target = () -> MoveTarget.field(variable, owner);
        if (!annotations.hasPinned(variable)) {
          move(initializer, value, target);
        }
        moveElements(initializer, value, variable.asType(), target);
      }
    } else {
      store(variable, initializer, value, node, isImplicitlyTyped(node));
    }
    return null;
  }

  @Override
  public Pin visitAnnotatedType(AnnotatedTypeTree node, Void unused) {
    report(typeUses.check(getCurrentPath()));
    return super.visitAnnotatedType(node, unused);
  }

  @Override
  public Pin visitParameterizedType(ParameterizedTypeTree node, Void unused) {
    if (!node.getTypeArguments().isEmpty()) {
      TreePath path = getCurrentPath();
      TypeMirror type = trees.getTypeMirror(path);
      if (type != null && type.getKind() == TypeKind.DECLARED) {
        declarations
            .unpin()
            .checkTypeArguments(
                (DeclaredType) type,
                i -> Site.tree(new TreePath(path, node.getTypeArguments().get(i))),
                reporter::report);
      }
    }
    return super.visitParameterizedType(node, unused);
  }

  @Override
  public Pin visitErroneous(ErroneousTree node, Void unused) {
    erroneous = true;
    return super.visitErroneous(node, unused);
  }

  /** An initializer block. */
  @Override
  public Pin visitBlock(BlockTree node, Void unused) {
    return isPinFreeMember() ? null : super.visitBlock(node, unused);
  }

  /**
   * A method, field or initializer of an unpinned class whose code names nothing pinned: no rule
   * can fire in it, so it is not scanned (DESIGN.md §9). Declaration rules, which work from the
   * class's elements, still cover it.
   */
  private boolean isPinFreeMember() {
    TreePath path = getCurrentPath();
    TypeElement owner = classes.peek();
    return path.getParentPath().getLeaf() instanceof ClassTree
        && owner != null
        && !model.isPinnedDeclaration(owner)
        && checks.pinFreeMembers.isPinFree(path);
  }

  // Expressions: each returns the pin of its value

  @Override
  public Pin visitIdentifier(IdentifierTree node, Void unused) {
    Element element = trees.getElement(getCurrentPath());
    if (isUnresolved(element)) {
      return null;
    }
    if (isThisOrSuper(node.getName())) {
      TypeElement self = classes.peek();
      return self != null && model.isPinnedDeclaration(self) ? Pin.place("this") : null;
    }
    return pinOfVariable(element);
  }

  @Override
  public Pin visitMemberSelect(MemberSelectTree node, Void unused) {
    Pin receiver = scan(node.getExpression(), unused);
    // A method's receiver: the call reads it right after scanning its method select.
    lastReceiver = receiver;
    lastReceiverType =
        receiver == null
            ? null
            : trees.getTypeMirror(new TreePath(getCurrentPath(), node.getExpression()));
    if (isThisOrSuper(node.getIdentifier())) {
      Element outer = trees.getElement(new TreePath(getCurrentPath(), node.getExpression()));
      return outer instanceof TypeElement type && model.isPinnedDeclaration(type)
          ? Pin.place(type.getSimpleName() + ".this")
          : null;
    }
    Element element = trees.getElement(getCurrentPath());
    if (isUnresolved(element)) {
      return null;
    }
    return element.getKind() == ElementKind.FIELD ? pinOfVariable(element) : null;
  }

  @Override
  public Pin visitParenthesized(ParenthesizedTree node, Void unused) {
    return scan(node.getExpression(), unused);
  }

  @Override
  public Pin visitTypeCast(TypeCastTree node, Void unused) {
    scan(node.getType(), unused);
    return scan(node.getExpression(), unused);
  }

  @Override
  public Pin visitAssignment(AssignmentTree node, Void unused) {
    ExpressionTree target = node.getVariable();
    if (target instanceof ArrayAccessTree access) {
      scan(access.getExpression(), unused);
      scan(access.getIndex(), unused);
      Pin value = scan(node.getExpression(), unused);
      if (value != null) {
        move(node.getExpression(), value, MoveTarget::arrayElement);
        moveElements(node.getExpression(), value, null, MoveTarget::arrayElement);
      }
      return value;
    }
    if (target instanceof MemberSelectTree select) {
      scan(select.getExpression(), unused);
    }
    Pin value = scan(node.getExpression(), unused);
    Element element = trees.getElement(new TreePath(getCurrentPath(), target));
    if (element instanceof VariableElement variable) {
      if (variable.getKind() == ElementKind.FIELD) {
        if (annotations.hasPinned(variable)) {
          pinLocalsIn(node.getExpression());
        }
        if (value != null) {
          TypeElement owner = classes.peek();
          Supplier<MoveTarget> field = () -> MoveTarget.field(variable, owner);
          if (!annotations.hasPinned(variable)) {
            move(node.getExpression(), value, field);
          }
          moveElements(
              node.getExpression(),
              value,
              variable.asType(),
              containers.variableArguments(variable),
              field);
        }
      } else {
        store(variable, node.getExpression(), value, node, false);
      }
    }
    return value;
  }

  @Override
  public Pin visitMethodInvocation(MethodInvocationTree node, Void unused) {
    scan(node.getTypeArguments(), unused);
    ExpressionTree select = node.getMethodSelect();
    scan(select, unused);
    Pin receiver = select instanceof MemberSelectTree ? lastReceiver : null;
    TypeMirror receiverType =
        receiver != null
            ? lastReceiverType
            : select instanceof MemberSelectTree member ? typeOfReceiver(member) : null;
    lastReceiver = null;
    Element element = trees.getElement(getCurrentPath());
    if (!(element instanceof ExecutableElement method)) {
      noteErrorType();
      scan(node.getArguments(), unused);
      return null;
    }
    Signature signature =
        signature(method, receiver, receiverType, pinnedTypeArguments(node.getTypeArguments()));
    Pin first = arguments(method, node.getArguments(), signature, receiver);
    if (method.getSimpleName().equals(checks.cloneName) && method.getParameters().isEmpty()) {
      checkCloneCall(node);
    }
    if (annotations.hasPinned(method)) {
      return Pin.place(callName(receiver, method));
    }
    Pin result = signature == null ? null : resultOf(signature, receiver, method);
    if (result != null) {
      return result;
    }
    if (first != null && borrowing.returnsArgument(method)) {
      return first;
    }
    return containerResult(receiver, method, select, receiverType);
  }

  /**
   * A call whose result is a container of pinned elements by its type: a method declared to return
   * {@code List<@Pinned Task>}, or {@code nested.get(0)} on a {@code List<List<@Pinned Task>>}.
   */
  private Pin containerResult(
      Pin receiver, ExecutableElement method, ExpressionTree select, TypeMirror receiverType) {
    int elements = containers.resultArguments(method);
    if (elements == 0) {
      TypeMirror type = trees.getTypeMirror(getCurrentPath());
      elements = type == null ? 0 : containers.pinnedArguments(type);
    }
    if (elements == 0
        && method.getReturnType().getKind() == TypeKind.TYPEVAR
        && select instanceof MemberSelectTree member
        && receiverType != null
        && model.types().asElement(receiverType) instanceof TypeElement receiverClass) {
      // JDK 17-21: javac drops a class-file member's nested @Pinned from the result's type
      Element read =
          trees.getElement(
              new TreePath(new TreePath(getCurrentPath(), member), member.getExpression()));
      elements =
          read == null
              ? 0
              : containers.resultArgumentsThroughReceiver(method, read, receiverClass);
    }
    return elements == 0 ? null : Pin.container(callName(receiver, method), elements);
  }

  /** A call as messages name it: {@code tasks.get()}. */
  private static String callName(Pin receiver, ExecutableElement method) {
    return (receiver == null ? "" : receiver.name() + ".") + method.getSimpleName() + "()";
  }

  /** The pin of a call's result where a type variable of the call is pinned. */
  private Pin resultOf(Signature signature, Pin receiver, ExecutableElement method) {
    if (signature.returnsArrayOfElements()) {
      report(
          Messages.elementsIntoArray(
              Site.tree(getCurrentPath()), callName(receiver, method)));
      return null;
    }
    if (signature.returnsPinned()) {
      return Pin.place(callName(receiver, method));
    }
    int elements = signature.returnElements();
    return elements == 0 ? null : Pin.container(callName(receiver, method), elements);
  }

  /**
   * The static type of a receiver that holds no pin of its own: its class may still pin elements
   * through a supertype clause ({@code class RunQueue extends ArrayDeque<@Pinned Task>}).
   */
  private TypeMirror typeOfReceiver(MemberSelectTree select) {
    return trees.getTypeMirror(
        new TreePath(new TreePath(getCurrentPath(), select), select.getExpression()));
  }

  /** The pin contract of a call, or null when no type variable of it is pinned. */
  private Signature signature(
      ExecutableElement method, Pin receiver, TypeMirror receiverType, int typeArguments) {
    int receiverElements = receiver == null ? 0 : receiver.elements();
    Element receiverClass = receiverType == null ? null : model.types().asElement(receiverType);
    if (receiverElements == 0
        && typeArguments == 0
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
  private int pinnedTypeArguments(List<? extends Tree> arguments) {
    int mask = 0;
    for (int i = 0; i < arguments.size() && i < 31; i++) {
      if (arguments.get(i) instanceof AnnotatedTypeTree annotated
          && typeUses.hasPinned(getCurrentPath(), annotated)) {
        mask |= 1 << i;
      }
    }
    return mask;
  }

  @Override
  public Pin visitNewClass(NewClassTree node, Void unused) {
    scan(node.getEnclosingExpression(), unused);
    scan(node.getIdentifier(), unused);
    scan(node.getTypeArguments(), unused);
    int elements =
        node.getIdentifier() instanceof ParameterizedTypeTree parameterized
            ? pinnedTypeArguments(parameterized.getTypeArguments())
            : 0;
    Element element = trees.getElement(getCurrentPath());
    if (element instanceof ExecutableElement constructor) {
      Signature signature =
          elements == 0
              ? null
              : containers.signature(
                  constructor, (TypeElement) constructor.getEnclosingElement(), elements, 0);
      arguments(constructor, node.getArguments(), signature, null);
    } else {
      scan(node.getArguments(), unused);
    }
    scan(node.getClassBody(), unused);
    return elements == 0 ? null : Pin.container("new " + node.getIdentifier(), elements);
  }

  @Override
  public Pin visitNewArray(NewArrayTree node, Void unused) {
    scan(node.getType(), unused);
    scan(node.getDimensions(), unused);
    if (node.getInitializers() != null) {
      for (ExpressionTree initializer : node.getInitializers()) {
        Pin value = scan(initializer, unused);
        if (value != null) {
          move(initializer, value, MoveTarget::arrayInitializer);
          moveElements(initializer, value, null, MoveTarget::arrayInitializer);
        }
      }
    }
    return null;
  }

  @Override
  public Pin visitInstanceOf(InstanceOfTree node, Void unused) {
    Pin value = scan(node.getExpression(), unused);
    if (node.getPattern() instanceof BindingPatternTree binding) {
      VariableTree variable = binding.getVariable();
      TreePath path = new TreePath(new TreePath(getCurrentPath(), binding), variable);
      Element element = trees.getElement(path);
      if (element instanceof VariableElement local) {
        declarations.checkLocal(local, reporter);
        declaredLocal(local);
        Pin held =
            value == null || !value.value() ? null : value.withElements(0).receivedAt(line(node));
        state().holdNew(local, idOf(variable), held);
      }
      return null;
    }
    scan(node.getType(), unused);
    return null;
  }

  /**
   * A pattern binding of a switch case ({@code case Task t ->}) holds the selector's value;
   * bindings nested in a record pattern hold components, which the selector's pin does not reach.
   * ({@code instanceof} patterns are bound in {@link #visitInstanceOf}.)
   */
  @Override
  public Pin visitBindingPattern(BindingPatternTree node, Void unused) {
    VariableTree variable = node.getVariable();
    TreePath path = new TreePath(getCurrentPath(), variable);
    Element element = trees.getElement(path);
    if (element instanceof VariableElement local) {
      declarations.checkLocal(local, reporter);
      declaredLocal(local);
      Pin selector = isCaseLabel(getCurrentPath().getParentPath()) ? caseSelector() : null;
      Pin held =
          selector == null || !selector.value()
              ? null
              : selector.withElements(0).receivedAt(line(node));
      if (held != null || (state != null && !state.isEmpty())) {
        state().holdNew(local, idOf(variable), held);
      }
    }
    return null;
  }

  /** A case label: JDK 21's pattern label, or (JDK 17 preview) the case itself. */
  private static boolean isCaseLabel(TreePath parent) {
    Tree leaf = parent == null ? null : parent.getLeaf();
    return leaf instanceof com.sun.source.tree.CaseTree
        || (leaf != null && leaf.getKind().name().equals("PATTERN_CASE_LABEL"));
  }

  @Override
  public Pin visitMemberReference(MemberReferenceTree node, Void unused) {
    scan(node.getQualifierExpression(), unused);
    Element element = trees.getElement(getCurrentPath());
    if (!(element instanceof ExecutableElement method)) {
      return null;
    }
    if (annotations.hasPinned(method)
        && !functionalTypes.keepsResultPinned(trees.getTypeMirror(getCurrentPath()))) {
      Pin result = Pin.place(method.getSimpleName() + "()");
      move(getCurrentPath(), result, () -> MoveTarget.methodReference(node.toString()));
    }
    PinnedParameters pinned = pinnedLambdaParameters.remove(node);
    if (pinned != null) {
      checkReferenceParameters(node, method, pinned);
    }
    return null;
  }

  /**
   * A method reference that receives pinned elements ({@code tasks.forEach(stash::add)}): each
   * pinned functional parameter must reach a pinned or borrowing parameter of the referenced
   * method. An unbound instance reference ({@code Task::poll}) takes the first as its receiver.
   */
  private void checkReferenceParameters(
      MemberReferenceTree node, ExecutableElement method, PinnedParameters pinned) {
    boolean unbound =
        !method.getModifiers().contains(Modifier.STATIC)
            && trees.getElement(new TreePath(getCurrentPath(), node.getQualifierExpression()))
                instanceof TypeElement;
    List<? extends VariableElement> parameters = method.getParameters();
    for (int k = 0; k < 31; k++) {
      if ((pinned.bits() & (1 << k)) == 0) {
        continue;
      }
      int index = unbound ? k - 1 : k;
      if (index < 0 || parameters.isEmpty()) {
        continue; // the receiver of an unbound reference: calling a method on it is no move
      }
      VariableElement parameter = parameters.get(Math.min(index, parameters.size() - 1));
      if (annotations.hasPinned(parameter) || borrowing.borrows(method)) {
        continue;
      }
      Pin element =
          Pin.elementOf(parameter.getSimpleName().toString(), pinned.container(), line(node));
      move(
          getCurrentPath(),
          element,
          () -> MoveTarget.parameter(parameter, method, isFromSource(method)));
    }
  }

  @Override
  public Pin visitLambdaExpression(LambdaExpressionTree node, Void unused) {
    returnTargets.push(node);
    try {
      return super.visitLambdaExpression(node, unused);
    } finally {
      returnTargets.pop();
    }
  }

  // Flows out of a body

  @Override
  protected void returned(ReturnTree node, Pin value) {
    if (value == null || node.getExpression() == null) {
      return;
    }
    Object target = returnTargets.peek();
    if (target instanceof ExecutableElement method) {
      Supplier<MoveTarget> returned = () -> MoveTarget.returned(method);
      if (!annotations.hasPinned(method)) {
        move(node.getExpression(), value, returned);
      }
      moveElements(node.getExpression(), value, method.getReturnType(), returned);
    } else if (target instanceof LambdaExpressionTree lambda && !returnsPinned(lambda)) {
      move(node.getExpression(), value, MoveTarget::lambdaReturn);
    }
  }

  @Override
  protected void lambdaReturned(LambdaExpressionTree node, Pin value) {
    if (value != null && value.value() && !returnsPinned(node)) {
      TreePath body = new TreePath(getCurrentPath(), node.getBody());
      move(body, value, MoveTarget::lambdaReturn);
    }
  }

  @Override
  protected void thrown(ThrowTree node, Pin value) {
    if (value == null) {
      return;
    }
    move(node.getExpression(), value, MoveTarget::thrown);
  }

  @Override
  protected void enterForEachVariable(EnhancedForLoopTree node, Pin elements) {
    VariableTree variable = node.getVariable();
    Element element = trees.getElement(new TreePath(getCurrentPath(), variable));
    if (element instanceof VariableElement local) {
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
                  ? Pin.elementOf(local.getSimpleName().toString(), elements.name(), line(node))
                  : null);
    }
  }

  @Override
  protected void enterLambda(LambdaExpressionTree node) {
    PinnedParameters pinnedParameters = pinnedLambdaParameters.remove(node);
    if (pinnedParameters == null) {
      return;
    }
    int pinned = pinnedParameters.bits();
    List<? extends VariableTree> parameters = node.getParameters();
    for (int i = 0; i < parameters.size() && i < 31; i++) {
      if ((pinned & (1 << i)) == 0) {
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
                Pin.elementOf(name, pinnedParameters.container(), line(parameter)));
      }
    }
  }

  // Helpers

  /** The pin of a read of {@code element}: a pinned place, or a local holding a pinned value. */
  private Pin pinOfVariable(Element element) {
    if (element.getKind() == ElementKind.FIELD) {
      return declaredPins.of(element);
    }
    if (!LocalVariables.isLocal(element)) {
      return null;
    }
    if (annotations.hasPinned(element)) {
      return declaredPins.of(element);
    }
    Pin held = state == null || state.isEmpty() ? null : state.pinOf(element);
    return held != null
        ? held.readAs(element.getSimpleName().toString())
        : declaredPins.of(element);
  }

  /**
   * Checks the arguments of a call against the parameters of {@code method}: a pinned argument for
   * an unpinned parameter is a move; an argument for a {@code @Pinned} parameter (or one whose type
   * variable is pinned, {@code signature}) is pinned. Returns the pin of the first argument (for
   * methods that return it).
   */
  private Pin arguments(
      ExecutableElement method,
      List<? extends ExpressionTree> arguments,
      Signature signature,
      Pin receiver) {
    List<? extends VariableElement> parameters = method.getParameters();
    Pin first = null;
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
      if (i == 0) {
        first = value;
      }
      if (parameters.isEmpty()) {
        continue;
      }
      VariableElement parameter = parameters.get(Math.min(i, parameters.size() - 1));
      boolean pinnedParameter =
          annotations.hasPinned(parameter) || (signature != null && signature.parameterPinned(i));
      if (pinnedParameter) {
        pinLocalsIn(argument);
      } else if (value != null && !lentOn(value, method) && !borrowing.borrows(method)) {
        Supplier<MoveTarget> target =
            () -> MoveTarget.parameter(parameter, method, isFromSource(method));
        move(argument, value, target);
        int allowed =
            signature != null
                ? signature.parameterElements(i)
                : containers.variableArguments(parameter);
        moveElements(argument, value, parameter.asType(), allowed, target);
      }
    }
    return first;
  }

  /**
   * A borrowed parameter ({@code o} of an {@code equals(Object o)}) may be lent on to a method, as
   * the borrowing method itself does, but not to a constructor: a new object keeps what it is
   * given.
   */
  private static boolean lentOn(Pin value, ExecutableElement method) {
    return value.borrowed() && method.getKind() != ElementKind.CONSTRUCTOR;
  }

  /**
   * A lambda passed for a functional parameter whose type arguments {@code elements} are pinned
   * ({@code forEach(Consumer<? super T>)} on a {@code List<@Pinned Task>}): its parameters that
   * stand for those type arguments receive pinned elements.
   */
  private void notePinnedLambdaParameters(
      ExpressionTree lambda, TypeMirror functional, int elements, String container) {
    int pinned = functionalTypes.parametersReceiving(functional, elements);
    if (pinned != 0) {
      pinnedLambdaParameters.put(lambda, new PinnedParameters(pinned, container));
    }
  }

  /**
   * A value stored into a local or parameter. Into a {@code @Pinned} one (a slot, which may be
   * given another value, §4.2) it pins the locals it came from; into any other it is not a move:
   * the local takes on the pin of what it holds (§2). Pinned type arguments are taken as the
   * declaration writes them, except for {@code var}, which keeps them.
   */
  private void store(
      VariableElement variable,
      ExpressionTree value,
      Pin pin,
      Tree node,
      boolean implicitlyTyped) {
    if (pin != null && pin.elements() != 0 && !implicitlyTyped) {
      moveElements(value, pin, variable.asType(), () -> MoveTarget.local(variable));
      pin = pin.value() ? pin.withElements(0) : null;
    }
    if (annotations.hasPinned(variable)) {
      pinLocalsIn(value);
      return;
    }
    if (variable.asType().getKind().isPrimitive()) {
      return;
    }
    Element source = localIn(value);
    if (source != null && !annotations.hasPinned(source)) {
      state().alias(variable, source, idOf(node));
    } else if (pin != null || (state != null && !state.isEmpty())) {
      state().holdNew(variable, idOf(node), pin == null ? null : pin.receivedAt(line(value)));
    }
  }

  /** Whether a local is declared with {@code var} (or a lambda parameter without a type). */
  private boolean isImplicitlyTyped(VariableTree node) {
    return node.getType() == null
        || trees.getSourcePositions().getStartPosition(unit, node.getType()) < 0;
  }

  /** Pins the unpinned locals that {@code value} may read: they now hold a pinned value. */
  private void pinLocalsIn(ExpressionTree value) {
    ExpressionTree bare = strip(value);
    if (bare instanceof ConditionalExpressionTree conditional) {
      pinLocalsIn(conditional.getTrueExpression());
      pinLocalsIn(conditional.getFalseExpression());
      return;
    }
    Element local = localIn(bare);
    if (local != null && !annotations.hasPinned(local)) {
      state().pin(local, idOf(bare), Pin.pinnedAt(local.getSimpleName().toString(), line(bare)));
    }
  }

  /** The local variable or parameter {@code value} reads, through parentheses and casts. */
  private Element localIn(ExpressionTree value) {
    ExpressionTree bare = strip(value);
    if (!(bare instanceof IdentifierTree identifier)) {
      return null;
    }
    Element element = trees.getElement(new TreePath(getCurrentPath(), identifier));
    if (element == null) {
      return null;
    }
    return LocalVariables.isLocal(element) ? element : null;
  }

  private static ExpressionTree strip(ExpressionTree value) {
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

  private void checkCloneCall(MethodInvocationTree node) {
    ExpressionTree select = node.getMethodSelect();
    TypeMirror receiver;
    if (select instanceof MemberSelectTree member) {
      receiver =
          trees.getTypeMirror(
              new TreePath(new TreePath(getCurrentPath(), select), member.getExpression()));
    } else {
      receiver = classes.isEmpty() ? null : classes.peek().asType();
    }
    if (receiver != null && model.isPinned(receiver)) {
      report(Messages.cloneCall(Site.tree(getCurrentPath()), receiver));
    }
  }

  /**
   * Whether the functional interface a lambda implements keeps its result pinned or discards it: a
   * {@code @Pinned} or {@code void} method takes a pinned result without a move.
   */
  private boolean returnsPinned(LambdaExpressionTree lambda) {
    TreePath path = getCurrentPath();
    while (path != null && path.getLeaf() != lambda) {
      path = path.getParentPath();
    }
    return path != null && functionalTypes.keepsResultPinned(trees.getTypeMirror(path));
  }

  private void move(ExpressionTree value, Pin pin, Supplier<MoveTarget> target) {
    if (pin != null) {
      move(new TreePath(getCurrentPath(), value), pin, target);
    }
  }

  private void move(TreePath value, Pin pin, Supplier<MoveTarget> target) {
    if (pin != null) {
      report(moves.check(Site.tree(value), pin, trees.getTypeMirror(value), target));
    }
  }

  private void moveElements(
      ExpressionTree value, Pin pin, TypeMirror targetType, Supplier<MoveTarget> target) {
    moveElements(value, pin, targetType, containers.pinnedArguments(targetType), target);
  }

  /**
   * A container of pinned elements flowing into a place of {@code targetType} ({@code allowed}).
   */
  private void moveElements(
      ExpressionTree value,
      Pin pin,
      TypeMirror targetType,
      int allowed,
      Supplier<MoveTarget> target) {
    if (pin == null || pin.elements() == 0) {
      return;
    }
    TreePath path = new TreePath(getCurrentPath(), value);
    TypeMirror valueType = trees.getTypeMirror(path);
    TypeMirror into = targetType == null ? model.types().getNullType() : targetType;
    report(moves.checkElements(Site.tree(path), pin, valueType, into, allowed, target));
  }

  private boolean isFromSource(ExecutableElement method) {
    return trees.getTree(method) != null;
  }

  /** A name javac could not resolve: it has reported that, so the class gets no body rules. */
  private boolean isUnresolved(Element element) {
    if (element == null || element.asType().getKind() == TypeKind.ERROR) {
      erroneous = true;
      return true;
    }
    return false;
  }

  private void noteErrorType() {
    TypeMirror type = trees.getTypeMirror(getCurrentPath());
    if (type == null || type.getKind() == TypeKind.ERROR) {
      erroneous = true;
    }
  }

  private int idOf(Tree tree) {
    return valueIds.computeIfAbsent(tree, t -> valueIds.size() + 1);
  }

  private long line(Tree tree) {
    long position = trees.getSourcePositions().getStartPosition(unit, tree);
    return position < 0 ? 0 : unit.getLineMap().getLineNumber(position);
  }

  private void report(Finding finding) {
    if (finding != null) {
      reporter.report(finding);
    }
  }
}
