package org.pinning.processor.javac;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.Trees;
import javax.lang.model.element.TypeElement;
import org.pinning.processor.rules.Sources;

/** {@link Sources} answered from javac's trees: a type is from source when it has a tree. */
final class JavacSources implements Sources {
  private final Trees trees;

  JavacSources(Trees trees) {
    this.trees = trees;
  }

  @Override
  public boolean isFromSource(TypeElement type) {
    return trees.getTree(type) != null;
  }

  @Override
  public boolean hasInstanceInitializer(TypeElement type) {
    ClassTree tree = trees.getTree(type);
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
