package org.pinning.processor.javac;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ErroneousTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Name;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import org.pinning.processor.model.BorrowingModel;
import org.pinning.processor.model.LocalVariables;
import org.pinning.processor.model.PinMentions;
import org.pinning.processor.model.PinModel;

/**
 * Finds the members of a class whose code cannot meet a pin, so that the full scan (dataflow,
 * moves, placement) can skip them: they name no pinned type, write no {@code @Pinned} or {@code
 * Unpin}, use no symbol whose declaration mentions a pin ({@link PinMentions}), and override no
 * borrowing method in a pinned type. In code without pins, which is most code, that is every
 * member, and this quick walk is all the checker costs (DESIGN.md §9).
 *
 * <p>It errs towards scanning: anything unresolved or erroneous is scanned too, so that the full
 * scan sees javac's errors and stays quiet exactly as it would without this shortcut.
 */
final class PinFreeMembers {
  private final Trees trees;
  private final PinMentions mentions;
  private final BorrowingModel borrowing;
  private final PinModel model;

  /**
   * The members of the class being checked that {@link #isPinFreeClass} walked without meeting a
   * pin, before it met one in another: the full scan need not walk them again.
   */
  private final Set<Tree> walkedPinFree = Collections.newSetFromMap(new IdentityHashMap<>());

  /** javac's names are interned: compared by identity, unlike their contents, they cost nothing. */
  private final Name pinned;

  private final Name unpin;

  PinFreeMembers(
      Trees trees,
      Elements elements,
      PinModel model,
      PinMentions mentions,
      BorrowingModel borrowing) {
    this.trees = trees;
    this.model = model;
    this.mentions = mentions;
    this.borrowing = borrowing;
    this.pinned = elements.getName("Pinned");
    this.unpin = elements.getName("Unpin");
  }

  /**
   * Whether nothing in top-level class {@code type} can meet a pin: the class itself (what it
   * extends, inherits and declares) and the code of all its members and nested classes. Then no
   * rule can fire in it, declaration rules included (each needs a pinned type, a pin contract or a
   * written annotation), and the checker leaves the class at this one walk: most classes of most
   * code.
   */
  boolean isPinFreeClass(TreePath type) {
    walkedPinFree.clear();
    ClassTree tree = (ClassTree) type.getLeaf();
    Walk walk = new Walk(type, LocalsRead.OWN); // a top-level class reads only its own locals
    walk.checkClass(tree);
    walk.scan(tree.getModifiers(), null);
    walk.scan(tree.getTypeParameters(), null);
    walk.scan(tree.getExtendsClause(), null);
    walk.scan(tree.getImplementsClause(), null);
    walk.scan(tree.getPermitsClause(), null);
    if (walk.found) {
      return false;
    }
    for (Tree member : tree.getMembers()) {
      walk.scan(member, null);
      if (walk.found) {
        return false;
      }
      walkedPinFree.add(member);
    }
    return true;
  }

  /**
   * The class {@link #isPinFreeClass} last judged is scanned in full: the members it walked before
   * it met a pin are known pin-free, and forgotten here so that no tree outlives its class.
   */
  void forgetClass() {
    walkedPinFree.clear();
  }

  /** Whether the code of {@code member} (a method, field or initializer) cannot meet a pin. */
  boolean isPinFree(TreePath member) {
    if (walkedPinFree.contains(member.getLeaf())) {
      return true; // walked already, when its class was judged as a whole
    }
    Walk walk = new Walk(member, localsRead(member.getParentPath()));
    walk.scan(member.getLeaf(), null);
    return !walk.found;
  }

  /** Where the local variables that the members of a class read are declared. */
  private enum LocalsRead {
    /** In the member itself: the class is top-level or a member class of one. */
    OWN,
    /** Also in the code around the class: a local or anonymous class, or a class nested in one. */
    OWN_AND_ENCLOSING_CODE
  }

  /** Where the locals that the members of {@code type} read may be declared. */
  private LocalsRead localsRead(TreePath type) {
    Element element = trees.getElement(type);
    while (element instanceof TypeElement nested) {
      NestingKind kind = nested.getNestingKind();
      if (kind == NestingKind.TOP_LEVEL) {
        return LocalsRead.OWN;
      }
      if (kind != NestingKind.MEMBER) {
        return LocalsRead.OWN_AND_ENCLOSING_CODE;
      }
      element = nested.getEnclosingElement();
    }
    return LocalsRead.OWN_AND_ENCLOSING_CODE;
  }

  /** One walk over one member, stopping at the first sign of a pin. */
  private final class Walk extends TreeScanner<Void, Void> {
    /** Only the leaf of a path matters to javac's element lookup of a name. */
    private final TreePath root;

    /**
     * Where the locals this member reads are declared. Where only in the member itself, {@link
     * #visitVariable} judges each local once: its reads, which are many, need no second look.
     */
    private final LocalsRead localsRead;

    /**
     * The parameters of the method being walked, whose element answered for their declarations
     * ({@link PinMentions#element} of a method covers its parameters): not asked again.
     */
    private List<? extends VariableTree> parametersOfCheckedMethod = List.of();

    private boolean found;

    Walk(TreePath root, LocalsRead localsRead) {
      this.root = root;
      this.localsRead = localsRead;
    }

    @Override
    public Void scan(Tree tree, Void unused) {
      return found ? null : super.scan(tree, unused);
    }

    @Override
    public Void visitAnnotation(AnnotationTree node, Void unused) {
      Tree type = node.getAnnotationType();
      Name name =
          type instanceof IdentifierTree id
              ? id.getName()
              : type instanceof MemberSelectTree select ? select.getIdentifier() : null;
      // By name: an @Pinned that does not resolve must reach the full scan and javac's error.
      if (name == null || isPinName(name)) {
        found = true;
        return null;
      }
      return super.visitAnnotation(node, unused);
    }

    @Override
    public Void visitIdentifier(IdentifierTree node, Void unused) {
      Element element = trees.getElement(new TreePath(root, node));
      if (!(localsRead == LocalsRead.OWN && element != null && LocalVariables.isLocal(element))) {
        check(element);
      }
      return null;
    }

    @Override
    public Void visitMemberSelect(MemberSelectTree node, Void unused) {
      check(trees.getElement(new TreePath(root, node)));
      return super.visitMemberSelect(node, unused);
    }

    @Override
    public Void visitNewClass(NewClassTree node, Void unused) {
      check(trees.getElement(new TreePath(root, node)));
      return super.visitNewClass(node, unused);
    }

    @Override
    public Void visitMemberReference(MemberReferenceTree node, Void unused) {
      check(trees.getElement(new TreePath(root, node)));
      checkType(node);
      return super.visitMemberReference(node, unused);
    }

    @Override
    public Void visitLambdaExpression(LambdaExpressionTree node, Void unused) {
      checkType(node);
      return super.visitLambdaExpression(node, unused);
    }

    @Override
    public Void visitVariable(VariableTree node, Void unused) {
      if (!parametersOfCheckedMethod.contains(node)) {
        check(trees.getElement(new TreePath(root, node)));
      }
      return super.visitVariable(node, unused);
    }

    @Override
    public Void visitMethod(MethodTree node, Void unused) {
      Element method = trees.getElement(new TreePath(root, node));
      check(method);
      if (!found && method instanceof ExecutableElement executable) {
        found = bordersPinnedBorrow(executable);
      }
      List<? extends VariableTree> outer = parametersOfCheckedMethod;
      parametersOfCheckedMethod =
          method instanceof ExecutableElement ? node.getParameters() : List.of();
      try {
        return super.visitMethod(node, unused);
      } finally {
        parametersOfCheckedMethod = outer;
      }
    }

    /**
     * A class: its declaration, with all it inherits (pin contracts of its supertypes, pinned type
     * arguments of its supertype clauses: {@link PinMentions} asks both), must be pin-free as well
     * as its code.
     */
    @Override
    public Void visitClass(ClassTree node, Void unused) {
      checkClass(node);
      return super.visitClass(node, unused);
    }

    void checkClass(ClassTree node) {
      check(trees.getElement(new TreePath(root, node)));
    }

    @Override
    public Void visitErroneous(ErroneousTree node, Void unused) {
      found = true;
      return null;
    }

    /**
     * Whether {@code method} overrides a borrowing model method in a pinned type: only there are its
     * parameters checked as if @Pinned (DESIGN.md §4.1). Elsewhere (the equals, contains and get
     * of every collection) the borrow brings no pin, and the full scan would find nothing.
     */
    private boolean bordersPinnedBorrow(ExecutableElement method) {
      Element owner = method.getEnclosingElement();
      return !(owner instanceof TypeElement type && !model.isPinnedDeclaration(type))
          && borrowing.borrows(method);
    }

    private boolean isPinName(Name name) {
      return name.equals(pinned) || name.equals(unpin);
    }

    private void check(Element element) {
      if (found) {
        return;
      }
      found =
          element == null
              || element.asType().getKind() == TypeKind.ERROR
              || mentions.element(element);
    }

    /** The functional interface a lambda or method reference implements. */
    private void checkType(Tree node) {
      if (found) {
        return;
      }
      TypeMirror type = trees.getTypeMirror(new TreePath(root, node));
      found = type == null || type.getKind() == TypeKind.ERROR || mentions.type(type);
    }
  }
}
