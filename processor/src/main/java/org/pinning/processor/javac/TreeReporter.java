package org.pinning.processor.javac;

import com.sun.source.tree.AnnotatedTypeTree;
import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeParameterTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.type.TypeMirror;
import javax.tools.Diagnostic;
import org.pinning.processor.options.PinOptions;
import org.pinning.processor.report.Code;
import org.pinning.processor.report.Finding;
import org.pinning.processor.report.Reporter;
import org.pinning.processor.report.Site;
import org.pinning.processor.report.Suppression;

/**
 * Prints the findings of one top-level class through {@link Trees#printMessage}, so that javac puts
 * the caret under the offending tree. Findings are held until {@link #flush()}: where two point at
 * the same tree, only the first code in DESIGN.md §4's order is printed.
 */
final class TreeReporter implements Reporter {
  private final Trees trees;
  private final CompilationUnitTree unit;
  private final PinOptions options;
  private final Map<Tree, Finding> byTree = new IdentityHashMap<>();
  private int errors;

  TreeReporter(Trees trees, CompilationUnitTree unit, PinOptions options) {
    this.trees = trees;
    this.unit = unit;
    this.options = options;
  }

  @Override
  public void report(Finding finding) {
    TreePath path = locate(finding.site());
    Element element =
        finding.site().element() != null ? finding.site().element() : declarationOf(path);
    if (element != null && Suppression.suppresses(element, finding.code())) {
      return;
    }
    Tree tree = path == null ? unit : path.getLeaf();
    byTree.merge(tree, finding, (a, b) -> a.code().compareTo(b.code()) <= 0 ? a : b);
  }

  /**
   * Forgets what body rules found: where javac reported errors, a pin finding in a body may be a
   * cascade of them.
   */
  void dropBodyFindings() {
    byTree
        .values()
        .removeIf(
            finding ->
                finding.site().path() != null
                    && finding.code() != Code.MISPLACED
                    && finding.code() != Code.UNPIN);
  }

  /** Prints what was reported, in source order; returns how many were errors. */
  int flush() {
    if (byTree.isEmpty()) {
      return errors;
    }
    SourcePositions positions = trees.getSourcePositions();
    List<Map.Entry<Tree, Finding>> entries = new ArrayList<>(byTree.entrySet());
    entries.sort(Comparator.comparingLong(e -> positions.getStartPosition(unit, e.getKey())));
    for (Map.Entry<Tree, Finding> entry : entries) {
      Finding finding = entry.getValue();
      boolean error = finding.code().isError() && !options.errorsAsWarnings();
      errors += error ? 1 : 0;
      trees.printMessage(
          error ? Diagnostic.Kind.ERROR : Diagnostic.Kind.WARNING,
          finding.message(),
          entry.getKey(),
          unit);
    }
    byTree.clear();
    return errors;
  }

  private TreePath locate(Site site) {
    if (site.path() != null) {
      return site.path();
    }
    Element element = site.element();
    if (site.annotation() != null) {
      TreePath path = trees.getPath(element, site.annotation());
      if (path == null && element instanceof ExecutableElement) {
        path = trees.getPath(element); // javac finds no type annotation on a receiver
      }
      if (path != null && path.getLeaf() instanceof MethodTree method) {
        return receiverAnnotation(path, method, site.annotation());
      }
      if (path != null) {
        return path;
      }
      if (element instanceof TypeParameterElement parameter) {
        return typeParameter(parameter);
      }
    }
    TreePath declaration = trees.getPath(element);
    if (site.clause() != null
        && declaration != null
        && declaration.getLeaf() instanceof ClassTree) {
      TreePath clause = clause(declaration, site.clause());
      if (clause != null) {
        return clause;
      }
    }
    return declaration;
  }

  /**
   * The annotation on the receiver parameter of {@code method} ({@code @Pinned Task this}), where
   * javac finds it only among the declaration's annotations and so answers with the method itself;
   * {@code methodPath} when it is not there.
   */
  private TreePath receiverAnnotation(
      TreePath methodPath, MethodTree method, AnnotationMirror annotation) {
    VariableTree receiver = method.getReceiverParameter();
    if (receiver == null) {
      return methodPath;
    }
    // Written before the type, the annotation sits in the receiver's modifiers.
    TreePath receiverPath = new TreePath(methodPath, receiver);
    TreePath found =
        annotationOfType(
            new TreePath(receiverPath, receiver.getModifiers()),
            receiver.getModifiers().getAnnotations(),
            annotation);
    if (found == null && receiver.getType() instanceof AnnotatedTypeTree annotated) {
      found =
          annotationOfType(
              new TreePath(receiverPath, annotated), annotated.getAnnotations(), annotation);
    }
    return found == null ? methodPath : found;
  }

  private TreePath annotationOfType(
      TreePath parent, List<? extends AnnotationTree> candidates, AnnotationMirror annotation) {
    Element wanted = annotation.getAnnotationType().asElement();
    for (AnnotationTree tree : candidates) {
      TreePath path = new TreePath(parent, tree);
      if (wanted.equals(trees.getElement(new TreePath(path, tree.getAnnotationType())))) {
        return path;
      }
    }
    return null;
  }

  private TreePath clause(TreePath classPath, TypeElement supertype) {
    ClassTree node = (ClassTree) classPath.getLeaf();
    List<Tree> clauses = new ArrayList<>(node.getImplementsClause());
    if (node.getExtendsClause() != null) {
      clauses.add(0, node.getExtendsClause());
    }
    for (Tree clause : clauses) {
      TreePath path = new TreePath(classPath, clause);
      if (supertype.equals(asElement(trees.getTypeMirror(path)))) {
        return path;
      }
    }
    return null;
  }

  private static Element asElement(TypeMirror type) {
    return type instanceof javax.lang.model.type.DeclaredType declared
        ? declared.asElement()
        : null;
  }

  private TreePath typeParameter(TypeParameterElement parameter) {
    TreePath owner = trees.getPath(parameter.getGenericElement());
    if (owner == null) {
      return null;
    }
    List<? extends TypeParameterTree> parameters =
        owner.getLeaf() instanceof ClassTree type
            ? type.getTypeParameters()
            : owner.getLeaf() instanceof MethodTree method ? method.getTypeParameters() : List.of();
    for (TypeParameterTree tree : parameters) {
      if (tree.getName().contentEquals(parameter.getSimpleName())) {
        TreePath path = new TreePath(owner, tree);
        return tree.getAnnotations().isEmpty()
            ? path
            : new TreePath(path, tree.getAnnotations().get(0));
      }
    }
    return owner;
  }

  /** The nearest declaration around {@code path}, for suppression. */
  private Element declarationOf(TreePath path) {
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (leaf instanceof VariableTree || leaf instanceof MethodTree || leaf instanceof ClassTree) {
        Element element = trees.getElement(p);
        if (element != null) {
          return element;
        }
      }
    }
    return null;
  }
}
