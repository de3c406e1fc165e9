package org.pinning.processor.rules;

import com.sun.source.tree.AnnotatedTypeTree;
import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ParameterizedTypeTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import javax.lang.model.element.Element;
import org.pinning.processor.model.PinAnnotations;
import org.pinning.processor.report.Finding;
import org.pinning.processor.report.Messages;
import org.pinning.processor.report.Site;

/**
 * {@code pin:misplaced} for type-use positions (DESIGN.md §4.8): {@code @Pinned} as a type
 * annotation is allowed in a type argument ({@code List<@Pinned Task>}) and on the type of the
 * declaration it annotates, nowhere else.
 *
 * <pre>{@code
 * Task t = new @Pinned Task();     // rejected: pin the local instead
 * Object o = (@Pinned Task) x;     // rejected
 * Task @Pinned [] tasks;           // rejected: arrays are never pinned places
 * List<@Pinned Task> tasks;        // fine
 * List<@Pinned Map.Entry<K, Task>> es;   // rejected: annotates Map
 * List<Map.@Pinned Entry<K, Task>> es;   // fine
 * List.<@Pinned Task>of(a, b);      // fine: an explicit type argument
 * }</pre>
 */
public final class TypeUsePlacementRule {
  private final Trees trees;
  private final PinAnnotations annotations;

  public TypeUsePlacementRule(Trees trees, PinAnnotations annotations) {
    this.trees = trees;
    this.annotations = annotations;
  }

  /** The finding for the annotated type at {@code path}, or null where {@code @Pinned} belongs. */
  public Finding check(TreePath path) {
    AnnotatedTypeTree node = (AnnotatedTypeTree) path.getLeaf();
    AnnotationTree pinned = pinnedAnnotation(path, node);
    if (pinned == null) {
      return null;
    }
    if (node.getUnderlyingType().getKind() == Tree.Kind.ARRAY_TYPE) {
      return Messages.pinnedTypeUse(
          Site.tree(new TreePath(path, pinned)), "an array dimension");
    }
    TreePath parent = path.getParentPath();
    if (parent.getLeaf() instanceof MemberSelectTree select && select.getExpression() == node) {
      return qualifierFinding(path, pinned);
    }
    // @Pinned Box<String> annotates Box, the name of the parameterized type: the position that
    // counts is the parameterized type's own.
    Tree annotated = node;
    if (parent.getLeaf() instanceof ParameterizedTypeTree generic && generic.getType() == node) {
      annotated = generic;
      parent = parent.getParentPath();
    }
    String where = misplacement(annotated, parent.getLeaf());
    return where == null
        ? null
        : Messages.pinnedTypeUse(Site.tree(new TreePath(path, pinned)), where);
  }

  /**
   * {@code List<@Pinned Map.Entry<K, V>>}: Java attaches a type annotation written before a
   * qualified name to its qualifier ({@code Map}), so it pins nothing; where the qualified type
   * stands in an allowed position, the help line spells it the Java way, {@code Map.@Pinned
   * Entry<K, V>}.
   */
  private static Finding qualifierFinding(TreePath path, AnnotationTree pinned) {
    AnnotatedTypeTree node = (AnnotatedTypeTree) path.getLeaf();
    String qualifier = node.getUnderlyingType().toString();
    StringBuilder qualified = new StringBuilder(qualifier);
    StringBuilder spelled = new StringBuilder(qualifier);
    Tree type = node;
    TreePath parent = path.getParentPath();
    while (parent.getLeaf() instanceof MemberSelectTree select && select.getExpression() == type) {
      boolean simpleName = !(parent.getParentPath().getLeaf() instanceof MemberSelectTree outer)
          || outer.getExpression() != select;
      qualified.append('.').append(select.getIdentifier());
      spelled.append('.').append(simpleName ? pinned + " " : "").append(select.getIdentifier());
      type = select;
      parent = parent.getParentPath();
    }
    if (parent.getLeaf() instanceof ParameterizedTypeTree generic && generic.getType() == type) {
      spelled.append(typeArguments(generic));
      type = generic;
      parent = parent.getParentPath();
    }
    Site site = Site.tree(new TreePath(path, pinned));
    String where = misplacement(type, parent.getLeaf());
    return where == null
        ? Messages.pinnedQualifier(site, qualified.toString(), qualifier, spelled.toString())
        : Messages.pinnedTypeUse(site, where);
  }

  private static String typeArguments(ParameterizedTypeTree generic) {
    StringBuilder written = new StringBuilder("<");
    String separator = "";
    for (Tree argument : generic.getTypeArguments()) {
      written.append(separator).append(argument);
      separator = ", ";
    }
    return written.append('>').toString();
  }

  /** What the misplaced type is part of, or null when the position is allowed. */
  private static String misplacement(Tree node, Tree parent) {
    switch (parent.getKind()) {
      case PARAMETERIZED_TYPE:
        return ((ParameterizedTypeTree) parent).getTypeArguments().contains(node)
            ? null
            : "a generic type's name";
      case EXTENDS_WILDCARD:
      case SUPER_WILDCARD:
        return null; // a wildcard is always a type argument
      case VARIABLE:
        return ((VariableTree) parent).getType() == node ? null : "a variable initializer";
      case METHOD:
        MethodTree method = (MethodTree) parent;
        return method.getReturnType() == node ? null : "a throws clause";
      case METHOD_INVOCATION:
        return ((com.sun.source.tree.MethodInvocationTree) parent).getTypeArguments().contains(node)
            ? null
            : "a method call";
      case TYPE_CAST:
        return "a cast";
      case NEW_CLASS:
        return ((com.sun.source.tree.NewClassTree) parent).getTypeArguments().contains(node)
            ? null
            : "a 'new' expression";
      case NEW_ARRAY:
        return "an array creation";
      case CLASS:
      case INTERFACE:
      case ENUM:
      case RECORD:
        return "a supertype clause";
      case INSTANCE_OF:
        return "an instanceof test";
      case TYPE_PARAMETER:
        return "a type parameter bound";
      case MEMBER_REFERENCE:
        return "a method reference";
      default:
        return "this position";
    }
  }

  private AnnotationTree pinnedAnnotation(TreePath path, AnnotatedTypeTree node) {
    for (AnnotationTree annotation : node.getAnnotations()) {
      if (isPinned(path, annotation)) {
        return annotation;
      }
    }
    return null;
  }

  /** Whether {@code annotation}, written under {@code parent}, is {@code @Pinned}. */
  private boolean isPinned(TreePath parent, AnnotationTree annotation) {
    TreePath annotationPath = new TreePath(parent, annotation);
    Element type = trees.getElement(new TreePath(annotationPath, annotation.getAnnotationType()));
    return annotations.isPinnedType(type);
  }
}
