package org.pinning.processor.javac;

import com.sun.source.tree.AnnotatedTypeTree;
import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeParameterTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.type.TypeMirror;
import javax.tools.Diagnostic;
import org.pinning.processor.report.Finding;
import org.pinning.processor.report.FindingCollector;
import org.pinning.processor.report.Site;

/**
 * Prints the findings of one top-level class through {@link Trees#printMessage}, so that javac puts
 * the caret under the offending tree. It decides nothing: the {@link FindingCollector} it serves
 * asks it where a site is (for suppression and source order), then hands it what to print.
 */
final class TreeReporter implements FindingCollector.SiteLocator, FindingCollector.Printer {
  private final Trees trees;
  private final CompilationUnitTree unit;

  TreeReporter(Trees trees, CompilationUnitTree unit) {
    this.trees = trees;
    this.unit = unit;
  }

  @Override
  public void print(Finding finding, Diagnostic.Kind kind) {
    trees.printMessage(kind, finding.message(), caretOf(finding.site()), unit);
  }

  @Override
  public Element declarationOf(Site site) {
    return site.element() != null ? site.element() : declarationOf(locate(site));
  }

  @Override
  public long position(Site site) {
    return trees.getSourcePositions().getStartPosition(unit, caretOf(site));
  }

  private Tree caretOf(Site site) {
    TreePath path = locate(site);
    return path == null ? unit : path.getLeaf();
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
