package org.pinning.processor.javac;

import com.sun.source.tree.ClassTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * Recognises the implicitly declared class of a compact source file (JDK 25, JEP 512):
 *
 * <pre>{@code
 * @Pinned static final class Task { int state; }   // a member of the implicit class 'Main'
 * void main() { ... }
 * }</pre>
 *
 * <p>No code can name that class, so nothing generated beside it can name its members: a
 * projection {@code Main_TaskProjection} referring to {@code Main.Task} would not compile.
 * {@code javax.lang.model} does not tell such a class from {@code final class Main}; its tree
 * does. javac gives it the modifier {@code final} but no modifier tokens in the source: a class
 * written {@code final} has its modifiers at a position, and a class written without modifiers is
 * not final.
 */
public final class ImplicitClasses {
  private ImplicitClasses() {}

  /** Whether {@code type} is, or is nested in, an implicitly declared class. */
  public static boolean isInsideImplicitClass(TypeElement type, Trees trees) {
    TypeElement outermost = type;
    while (outermost.getEnclosingElement() instanceof TypeElement enclosing) {
      outermost = enclosing;
    }
    return isImplicitlyDeclared(outermost, trees);
  }

  private static boolean isImplicitlyDeclared(TypeElement type, Trees trees) {
    Element owner = type.getEnclosingElement();
    if (type.getKind() != ElementKind.CLASS
        || type.getNestingKind() != NestingKind.TOP_LEVEL
        || !(owner instanceof PackageElement pkg && pkg.isUnnamed())
        || !type.getModifiers().contains(Modifier.FINAL)) {
      return false; // the common case, decided without trees
    }
    TreePath path = trees.getPath(type);
    if (path == null || !(path.getLeaf() instanceof ClassTree tree)) {
      return false; // from a class file: nothing is generated for it anyway
    }
    long modifiers =
        trees.getSourcePositions().getStartPosition(path.getCompilationUnit(), tree.getModifiers());
    return modifiers == Diagnostic.NOPOS;
  }
}
