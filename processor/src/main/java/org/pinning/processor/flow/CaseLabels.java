package org.pinning.processor.flow;

import com.sun.source.tree.CaseTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import java.lang.reflect.Method;
import java.util.List;

/**
 * javac's API for a case's pattern labels and guard ({@code getLabels}, {@code getGuard}) is newer
 * than JDK 17's, on which this is compiled: it is called reflectively where the running JDK has it.
 */
final class CaseLabels {
  private static final Method LABELS = caseMethod("getLabels");
  private static final Method GUARD = caseMethod("getGuard");

  private CaseLabels() {}

  /** Whether {@code parent} is a case label: JDK 21's pattern label, or (JDK 17) the case. */
  static boolean isCaseLabel(TreePath parent) {
    Tree leaf = parent == null ? null : parent.getLeaf();
    return leaf instanceof CaseTree
        || (leaf != null && leaf.getKind().name().equals("PATTERN_CASE_LABEL"));
  }

  /** The case's labels, or null where the running JDK does not have them. */
  @SuppressWarnings("unchecked")
  static List<? extends Tree> labels(CaseTree caseTree) {
    return invoke(LABELS, caseTree) instanceof List<?> list ? (List<? extends Tree>) list : null;
  }

  /** The case's guard ({@code when ...}), or null. */
  static Tree guard(CaseTree caseTree) {
    return invoke(GUARD, caseTree) instanceof Tree guard ? guard : null;
  }

  private static Object invoke(Method method, CaseTree caseTree) {
    if (method == null) {
      return null;
    }
    try {
      return method.invoke(caseTree);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  private static Method caseMethod(String name) {
    try {
      return CaseTree.class.getMethod(name);
    } catch (NoSuchMethodException e) {
      return null;
    }
  }
}
