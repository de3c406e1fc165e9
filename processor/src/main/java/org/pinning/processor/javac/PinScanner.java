package org.pinning.processor.javac;

import com.sun.source.tree.AnnotatedTypeTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ParameterizedTypeTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import org.pinning.processor.report.Finding;
import org.pinning.processor.report.Reporter;
import org.pinning.processor.report.Site;
import org.pinning.processor.rules.DeclarationRules;
import org.pinning.processor.rules.TypeUsePlacementRule;

/**
 * The one pass over a top-level class's attributed tree (DESIGN.md §8): every declaration it
 * meets goes to the declaration rules, every tree that a tree rule judges goes to that rule.
 * Decides from the tree's kind before asking anything, so ordinary code costs little.
 */
final class PinScanner extends TreePathScanner<Void, Void> {
  private final Trees trees;
  private final DeclarationRules declarations;
  private final TypeUsePlacementRule typeUses;
  private final Reporter reporter;

  PinScanner(
      Trees trees,
      DeclarationRules declarations,
      TypeUsePlacementRule typeUses,
      Reporter reporter) {
    this.trees = trees;
    this.declarations = declarations;
    this.typeUses = typeUses;
    this.reporter = reporter;
  }

  @Override
  public Void visitClass(ClassTree node, Void unused) {
    Element element = trees.getElement(getCurrentPath());
    if (element instanceof TypeElement type) {
      declarations.checkType(type, reporter);
    }
    return super.visitClass(node, unused);
  }

  @Override
  public Void visitMethod(MethodTree node, Void unused) {
    Element element = trees.getElement(getCurrentPath());
    if (element != null && element.getKind() == ElementKind.CONSTRUCTOR) {
      report(declarations.copy().checkConstructor((ExecutableElement) element, node));
    }
    return super.visitMethod(node, unused);
  }

  @Override
  public Void visitVariable(VariableTree node, Void unused) {
    if (isLocal(getCurrentPath())) {
      Element element = trees.getElement(getCurrentPath());
      if (element instanceof VariableElement local) {
        declarations.checkLocal(local, reporter);
      }
    }
    return super.visitVariable(node, unused);
  }

  @Override
  public Void visitAnnotatedType(AnnotatedTypeTree node, Void unused) {
    report(typeUses.check(getCurrentPath(), null));
    return super.visitAnnotatedType(node, unused);
  }

  @Override
  public Void visitParameterizedType(ParameterizedTypeTree node, Void unused) {
    if (!node.getTypeArguments().isEmpty()) {
      TreePath path = getCurrentPath();
      TypeMirror type = trees.getTypeMirror(path);
      if (type != null && type.getKind() == TypeKind.DECLARED) {
        declarations
            .unpin()
            .checkTypeArguments(
                (DeclaredType) type,
                i -> Site.tree(new TreePath(path, node.getTypeArguments().get(i)), null),
                reporter::report);
      }
    }
    return super.visitParameterizedType(node, unused);
  }

  private void report(Finding finding) {
    if (finding != null) {
      reporter.report(finding);
    }
  }

  /** Locals, resources, catch parameters, pattern bindings and lambda parameters. */
  private static boolean isLocal(TreePath path) {
    Tree parent = path.getParentPath().getLeaf();
    return !(parent instanceof ClassTree || parent instanceof MethodTree);
  }
}
