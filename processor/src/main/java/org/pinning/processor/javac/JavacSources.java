package org.pinning.processor.javac;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.HashSet;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import org.pinning.processor.rules.Sources;

/**
 * {@link Sources} answered from javac's trees. Facts are recorded when javac enters each unit: by
 * the time a pinned type is checked, the trees of classes checked before it may already be lowered
 * and gone. Only elements and flags are kept, never trees.
 */
final class JavacSources implements Sources {
  private final Trees trees;
  private final Set<TypeElement> sourceTypes = new HashSet<>();
  private final Set<TypeElement> withInstanceInitializer = new HashSet<>();

  JavacSources(Trees trees) {
    this.trees = trees;
  }

  /** Records the member classes of a unit javac has just entered. */
  void entered(CompilationUnitTree unit) {
    TreePath root = new TreePath(unit);
    for (Tree declaration : unit.getTypeDecls()) {
      if (declaration instanceof ClassTree type) {
        record(new TreePath(root, type));
      }
    }
  }

  private void record(TreePath path) {
    ClassTree node = (ClassTree) path.getLeaf();
    Element element = trees.getElement(path);
    if (!(element instanceof TypeElement type)) {
      return;
    }
    sourceTypes.add(type);
    for (Tree member : node.getMembers()) {
      if (member instanceof BlockTree block && !block.isStatic()) {
        withInstanceInitializer.add(type);
      } else if (member instanceof ClassTree nested) {
        record(new TreePath(path, nested));
      }
    }
  }

  @Override
  public boolean isFromSource(TypeElement type) {
    return sourceTypes.contains(type) || trees.getTree(type) != null;
  }

  @Override
  public boolean hasInstanceInitializer(TypeElement type) {
    if (withInstanceInitializer.contains(type)) {
      return true;
    }
    ClassTree tree = sourceTypes.contains(type) ? null : trees.getTree(type);
    if (tree == null) {
      return false;
    }
    for (Tree member : tree.getMembers()) {
      if (member instanceof BlockTree block && !block.isStatic()) {
        return true;
      }
    }
    return false;
  }
}
