package org.pinning.processor.flow;

import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BindingPatternTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ErroneousTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.InstanceOfTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewArrayTree;
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
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Name;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import org.pinning.processor.model.ArgumentMask;
import org.pinning.processor.model.LocalVariables;
import org.pinning.processor.model.PinAnnotations;
import org.pinning.processor.model.PinModel;

/**
 * The transfer of the analysis for reads and stores (DESIGN.md §2, §4.5): what each read of a
 * variable, field, {@code this} or pattern holds, what each store into a local does to the state,
 * and which flows into places to tell the rules about ({@link FlowEvents#flowsInto}). Calls,
 * lambdas and method references are {@link CallFlow}'s; control flow is {@link FlowScanner}'s.
 */
public abstract class ValueFlow extends FlowScanner {
  protected final Trees trees;
  protected final PinModel model;
  protected final PinAnnotations annotations;
  protected final FlowEvents events;
  private final CompilationUnitTree unit;

  /** What the declarations of the variables read say about their pins. */
  private final DeclaredPins declaredPins;

  private final Name thisName;
  private final Name superName;

  private final Deque<TypeElement> classes = new ArrayDeque<>();

  /** Where a {@code return} sends its value: the method's result, or the lambda's. */
  private final Deque<Place> returnPlaces = new ArrayDeque<>();

  /** Abstract values of the after-pin analysis, one per tree that makes one. */
  private final Map<Tree, Integer> valueIds = new IdentityHashMap<>();

  private boolean erroneous;

  protected ValueFlow(FlowContext context, CompilationUnitTree unit, FlowEvents events) {
    this.trees = context.trees();
    this.model = context.model();
    this.annotations = context.model().annotations();
    this.unit = unit;
    this.events = events;
    this.declaredPins = new DeclaredPins(model, context.containers(), context.borrowing());
    this.thisName = context.names().thisName();
    this.superName = context.names().superName();
  }

  /** Whether the scanned tree holds an erroneous tree or type: javac reported something there. */
  public boolean sawErrors() {
    return erroneous;
  }

  /** The class whose code is being scanned, or null outside any. */
  protected TypeElement enclosingClass() {
    return classes.peek();
  }

  // Declarations

  @Override
  public Pin visitClass(ClassTree node, Void unused) {
    if (!(trees.getElement(getCurrentPath()) instanceof TypeElement type)) {
      return super.visitClass(node, unused);
    }
    classes.push(type);
    try {
      return super.visitClass(node, unused);
    } finally {
      classes.pop();
    }
  }

  @Override
  public Pin visitMethod(MethodTree node, Void unused) {
    if (!(trees.getElement(getCurrentPath()) instanceof ExecutableElement method)) {
      return super.visitMethod(node, unused);
    }
    returnPlaces.push(new Place.Returned(method));
    try {
      return super.visitMethod(node, unused);
    } finally {
      returnPlaces.pop();
    }
  }

  /** A lambda's {@code return}s leave the lambda. */
  protected void enterLambdaBody(Place.LambdaReturn place) {
    returnPlaces.push(place);
  }

  protected void leaveLambdaBody() {
    returnPlaces.pop();
  }

  @Override
  public Pin visitVariable(VariableTree node, Void unused) {
    if (!(trees.getElement(getCurrentPath()) instanceof VariableElement variable)) {
      return super.visitVariable(node, unused);
    }
    boolean field =
        variable.getKind() == ElementKind.FIELD || variable.getKind() == ElementKind.ENUM_CONSTANT;
    boolean parameter = getCurrentPath().getParentPath().getLeaf() instanceof MethodTree;
    if (!field && !parameter) {
      events.localDeclared(variable);
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
      flowsInto(initializer, value, new Place.Field(variable, enclosingClass()));
    } else {
      Pin kept = isImplicitlyTyped(node) ? value : keepDeclaredElements(variable, initializer, value);
      store(variable, initializer, kept, node);
    }
    return null;
  }

  @Override
  public Pin visitErroneous(ErroneousTree node, Void unused) {
    erroneous = true;
    return super.visitErroneous(node, unused);
  }

  // Reads: each returns the pin of its value

  @Override
  public Pin visitIdentifier(IdentifierTree node, Void unused) {
    Element element = trees.getElement(getCurrentPath());
    if (isUnresolved(element)) {
      return null;
    }
    if (isThisOrSuper(node.getName())) {
      TypeElement self = enclosingClass();
      return self != null && model.isPinnedDeclaration(self) ? new Pin.PinnedPlace("this") : null;
    }
    return pinOfVariable(element);
  }

  @Override
  public Pin visitMemberSelect(MemberSelectTree node, Void unused) {
    scan(node.getExpression(), unused);
    if (isThisOrSuper(node.getIdentifier())) {
      Element outer = trees.getElement(new TreePath(getCurrentPath(), node.getExpression()));
      return outer instanceof TypeElement type && model.isPinnedDeclaration(type)
          ? new Pin.PinnedPlace(type.getSimpleName() + ".this")
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

  // Stores

  @Override
  public Pin visitAssignment(AssignmentTree node, Void unused) {
    ExpressionTree target = node.getVariable();
    if (target instanceof ArrayAccessTree access) {
      scan(access.getExpression(), unused);
      scan(access.getIndex(), unused);
      Pin value = scan(node.getExpression(), unused);
      flowsInto(node.getExpression(), value, new Place.ArrayElement());
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
        flowsInto(node.getExpression(), value, new Place.Field(variable, enclosingClass()));
      } else {
        store(
            variable,
            node.getExpression(),
            keepDeclaredElements(variable, node.getExpression(), value),
            node);
      }
    }
    return value;
  }

  @Override
  public Pin visitNewArray(NewArrayTree node, Void unused) {
    scan(node.getType(), unused);
    scan(node.getDimensions(), unused);
    if (node.getInitializers() != null) {
      for (ExpressionTree initializer : node.getInitializers()) {
        flowsInto(initializer, scan(initializer, unused), new Place.ArrayInitializer());
      }
    }
    return null;
  }

  /**
   * A local's declared type arguments are taken as written (§4.7): a container of pinned elements
   * stored into a local whose type drops them is a flow into that local, and the local keeps only
   * the pin of the value itself. ({@code var} keeps them: its caller does not ask.)
   */
  private Pin keepDeclaredElements(VariableElement local, ExpressionTree value, Pin pin) {
    if (pin == null || pin.elements().isEmpty()) {
      return pin;
    }
    flowsInto(value, pin, new Place.Local(local));
    return pin.isPinnedValue() ? pin.withElements(ArgumentMask.NONE) : null;
  }

  /**
   * A value stored into a local or parameter. Into a {@code @Pinned} one (a slot, which may be
   * given another value, §4.2) it pins the locals it came from; into any other it is not a move:
   * the local takes on the pin of what it holds (§2).
   */
  private void store(VariableElement variable, ExpressionTree value, Pin pin, Tree node) {
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
  protected void pinLocalsIn(ExpressionTree value) {
    ExpressionTree bare = strip(value);
    if (bare instanceof ConditionalExpressionTree conditional) {
      pinLocalsIn(conditional.getTrueExpression());
      pinLocalsIn(conditional.getFalseExpression());
      return;
    }
    Element local = localIn(bare);
    if (local != null && !annotations.hasPinned(local)) {
      state()
          .pin(
              local, idOf(bare), new Pin.PinnedAfter(local.getSimpleName().toString(), line(bare)));
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

  // Patterns

  @Override
  public Pin visitInstanceOf(InstanceOfTree node, Void unused) {
    Pin value = scan(node.getExpression(), unused);
    if (node.getPattern() instanceof BindingPatternTree binding) {
      VariableTree variable = binding.getVariable();
      TreePath path = new TreePath(new TreePath(getCurrentPath(), binding), variable);
      if (trees.getElement(path) instanceof VariableElement local) {
        events.localDeclared(local);
        declaredLocal(local);
        state().holdNew(local, idOf(variable), boundTo(value, node));
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
    if (trees.getElement(path) instanceof VariableElement local) {
      events.localDeclared(local);
      declaredLocal(local);
      Pin selector = CaseLabels.isCaseLabel(getCurrentPath().getParentPath()) ? caseSelector() : null;
      Pin held = boundTo(selector, node);
      if (held != null || (state != null && !state.isEmpty())) {
        state().holdNew(local, idOf(variable), held);
      }
    }
    return null;
  }

  /** What a pattern binding holds of the {@code value} it matches, at the pattern {@code node}. */
  private Pin boundTo(Pin value, Tree node) {
    return value == null || !value.isPinnedValue()
        ? null
        : value.withElements(ArgumentMask.NONE).receivedAt(line(node));
  }

  // Flows out of a body

  @Override
  protected void returned(ReturnTree node, Pin value) {
    if (node.getExpression() != null && !returnPlaces.isEmpty()) {
      flowsInto(node.getExpression(), value, returnPlaces.peek());
    }
  }

  @Override
  protected void thrown(ThrowTree node, Pin value) {
    flowsInto(node.getExpression(), value, new Place.Thrown());
  }

  // Helpers

  /** Tells the rules that {@code value}, with {@code pin}, flows into {@code place}. */
  protected void flowsInto(ExpressionTree value, Pin pin, Place place) {
    if (pin != null) {
      events.flowsInto(new TreePath(getCurrentPath(), value), pin, place);
    }
  }

  protected boolean isThisOrSuper(Name name) {
    return name.equals(thisName) || name.equals(superName);
  }

  /** A name javac could not resolve: it has reported that, so the class gets no body rules. */
  protected boolean isUnresolved(Element element) {
    if (element == null || element.asType().getKind() == TypeKind.ERROR) {
      erroneous = true;
      return true;
    }
    return false;
  }

  protected void noteErrorType() {
    TypeMirror type = trees.getTypeMirror(getCurrentPath());
    if (type == null || type.getKind() == TypeKind.ERROR) {
      erroneous = true;
    }
  }

  protected int idOf(Tree tree) {
    return valueIds.computeIfAbsent(tree, t -> valueIds.size() + 1);
  }

  protected long line(Tree tree) {
    long position = trees.getSourcePositions().getStartPosition(unit, tree);
    return position < 0 ? 0 : unit.getLineMap().getLineNumber(position);
  }
}
