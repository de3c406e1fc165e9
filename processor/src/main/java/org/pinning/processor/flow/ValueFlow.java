package org.pinning.processor.flow;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ErroneousTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Name;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import org.pinning.processor.model.LocalVariables;
import org.pinning.processor.model.MemberPins;
import org.pinning.processor.model.PinAnnotations;
import org.pinning.processor.model.PinModel;

/**
 * The transfer of the analysis for reads (DESIGN.md §2, §4.5): what each read of a variable, field
 * or {@code this} holds, and the state every transfer shares: the enclosing class, where a
 * {@code return} goes, who owns a value ({@link Ownership}), and the events told to the rules
 * ({@link FlowEvents}). Stores are {@link StoreFlow}'s; calls, lambdas and method references
 * {@link CallFlow}'s; control flow {@link FlowScanner}'s.
 */
public abstract class ValueFlow extends FlowScanner {
  protected final Trees trees;
  protected final PinModel model;
  protected final PinAnnotations annotations;
  protected final FlowEvents events;
  protected final MemberPins members;
  private final CompilationUnitTree unit;

  /** What the declarations of the variables read say about their pins. */
  private final DeclaredPins declaredPins;

  private final Name thisName;
  private final Name superName;
  private final Ownership ownership;
  private final ValueBranches branches;

  private final Deque<TypeElement> classes = new ArrayDeque<>();

  /** Where a {@code return} sends its value: the method's result, or the lambda's. */
  private final Deque<Place> returnPlaces = new ArrayDeque<>();

  /** Abstract values of the after-pin analysis, one per tree that makes one. */
  private final ValueIds valueIds = new ValueIds();

  private boolean erroneous;

  protected ValueFlow(FlowContext context, CompilationUnitTree unit, FlowEvents events) {
    this.trees = context.trees();
    this.model = context.model();
    this.annotations = context.model().annotations();
    this.unit = unit;
    this.events = events;
    this.members = context.model().members();
    this.declaredPins = new DeclaredPins(model, context.containers(), context.borrowing());
    this.thisName = context.names().thisName();
    this.superName = context.names().superName();
    this.branches = new ValueBranches(trees, context.borrowing());
    this.ownership = new Ownership(context, branches, this::pinOfBranch);
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
    ownership.enterClass(type);
    try {
      return super.visitClass(node, unused);
    } finally {
      ownership.leave();
      classes.pop();
    }
  }

  @Override
  public Pin visitMethod(MethodTree node, Void unused) {
    if (!(trees.getElement(getCurrentPath()) instanceof ExecutableElement method)) {
      return super.visitMethod(node, unused);
    }
    returnPlaces.push(new Place.Returned(method));
    ownership.enterMember(method, enclosingClass());
    try {
      return super.visitMethod(node, unused);
    } finally {
      ownership.leave();
      returnPlaces.pop();
    }
  }

  /** Where a {@code return} here sends its value; null outside any method or lambda. */
  protected Place returnPlace() {
    return returnPlaces.peek();
  }

  /** A lambda's {@code return}s leave the lambda. */
  protected void enterLambdaBody(Place.LambdaReturn place) {
    returnPlaces.push(place);
  }

  protected void leaveLambdaBody() {
    returnPlaces.pop();
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
      return self != null && (model.isPinnedDeclaration(self) || isThisPinnedAndOwned())
          ? new Pin.PinnedPlace("this")
          : null;
    }
    return pinOfVariable(element);
  }

  @Override
  public Pin visitMemberSelect(MemberSelectTree node, Void unused) {
    scan(node.getExpression(), unused);
    if (isThisOrSuper(node.getIdentifier())) {
      Element outer = trees.getElement(new TreePath(getCurrentPath(), node.getExpression()));
      return outer instanceof TypeElement type
              && (model.isPinnedDeclaration(type) || members.hasOnlyPinnedConstructors(type))
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

  /**
   * Whether a local is declared with {@code var} (or a lambda parameter without a type). javac
   * writes the inferred type into the tree: with no position on JDK 17; on later JDKs at the
   * {@code var} keyword but with no end, where the declaration around it has one.
   */
  protected boolean isImplicitlyTyped(VariableTree node) {
    if (node.getType() == null) {
      return true;
    }
    SourcePositions positions = trees.getSourcePositions();
    return positions.getStartPosition(unit, node.getType()) < 0
        || (positions.getEndPosition(unit, node.getType()) < 0
            && positions.getEndPosition(unit, node) >= 0);
  }

  /** Pins the unpinned locals that {@code value} may be: they now hold a pinned value. */
  protected void pinLocalsIn(ExpressionTree value) {
    for (ExpressionTree branch : branchesOf(value)) {
      Element local = localIn(branch);
      if (local != null && !annotations.hasPinned(local)) {
        state()
            .pin(
                local,
                idOf(branch),
                new Pin.PinnedAfter(local.getSimpleName().toString(), line(branch)));
      }
    }
  }

  /** The expressions {@code value} may be: its branches ({@link ValueBranches}), or itself. */
  List<ExpressionTree> branchesOf(ExpressionTree value) {
    return branches.of(getCurrentPath(), value);
  }

  /** The local variable or parameter {@code value} reads, through parentheses and casts. */
  protected Element localIn(ExpressionTree value) {
    ExpressionTree bare = Expressions.strip(value);
    if (!(bare instanceof IdentifierTree identifier)) {
      return null;
    }
    Element element = trees.getElement(new TreePath(getCurrentPath(), identifier));
    if (element == null) {
      return null;
    }
    return LocalVariables.isLocal(element) ? element : null;
  }

  // Ownership (§4.9)

  /**
   * {@code value}, with {@code pin}, is pinned here: stored into a pinned place, passed to a pinned
   * parameter, returned from a {@code @Pinned} method, or the receiver of a pinned-receiver call.
   * Tells the rules where it comes from if the method does not own it; from here on the locals it
   * reads hold a pinned value.
   */
  protected void pins(ExpressionTree value, Pin pin) {
    if (Expressions.strip(value) instanceof ConditionalExpressionTree conditional) {
      // Either value is pinned: each is judged, and reported, where it is written.
      pins(conditional.getTrueExpression(), pinOfBranch(conditional.getTrueExpression()));
      pins(conditional.getFalseExpression(), pinOfBranch(conditional.getFalseExpression()));
      return;
    }
    Origin origin = originOf(value, pin);
    if (origin != null) {
      TreePath path = new TreePath(getCurrentPath(), value);
      events.pinsUnowned(path, trees.getTypeMirror(path), origin);
    }
    pinLocalsIn(value);
  }


  /** {@code this} is pinned here without being named: a call of a pinned-receiver method. */
  protected void pinsThis(TreePath site) {
    Origin origin = ownership.thisOrigin();
    if (origin != null) {
      events.pinsUnowned(site, ownership.thisType(), origin);
    }
  }

  /** Whether {@code this} is pinned and owned in the code being scanned (§4.10). */
  protected boolean isThisPinnedAndOwned() {
    return ownership.isThisPinnedAndOwned();
  }

  /**
   * Where the value of {@code value} (with {@code pin}) comes from if the method does not own it;
   * null where it does.
   */
  protected Origin originOf(ExpressionTree value, Pin pin) {
    return ownership.originOf(getCurrentPath(), value, pin, state, enclosingClass());
  }

  /** Where the elements an enhanced {@code for} reads from {@code iterated} come from. */
  protected Origin elementOrigin(ExpressionTree iterated, TypeMirror type) {
    return Ownership.elementOrigin(iterated, type, enclosingClass());
  }

  /**
   * {@code local} now holds a value from {@code origin} (null: owned). Only where that differs
   * from what its declaration says is it written down, and only for types that may be pinned.
   */
  protected void holdFrom(Element local, Origin origin) {
    if (origin == null) {
      if (Ownership.hasDeclaredOrigin(local)) {
        state().holdFrom(local, Origin.OWNED);
      } else if (state != null) {
        state.holdFrom(local, null);
      }
      return;
    }
    if (!model.isKnownUnpin(local.asType())) {
      state().holdFrom(local, origin);
    }
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
    return valueIds.of(tree);
  }

  @Override
  protected LocalPins earlierIterations(LocalPins state) {
    return state.aged(valueIds);
  }

  protected long line(Tree tree) {
    long position = trees.getSourcePositions().getStartPosition(unit, tree);
    return position < 0 ? 0 : unit.getLineMap().getLineNumber(position);
  }
}
