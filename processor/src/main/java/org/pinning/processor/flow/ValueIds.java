package org.pinning.processor.flow;

import com.sun.source.tree.Tree;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The abstract values of the after-pin analysis of one top-level class: one id per tree that makes
 * a value, and for each, the id of the values that tree made in earlier iterations of a loop
 * ({@link LocalPins#aged}). Two ids per tree: the analysis stays finite.
 */
final class ValueIds {
  private final Map<Tree, Integer> ofTree = new IdentityHashMap<>();

  /** For each id, the id of the values its tree made in earlier iterations; the latter map to themselves. */
  private final Map<Integer, Integer> older = new HashMap<>();

  private int last;

  /** The id of the values {@code tree} makes. */
  int of(Tree tree) {
    Integer id = ofTree.get(tree);
    if (id == null) {
      id = ++last;
      ofTree.put(tree, id);
    }
    return id;
  }

  /** The id of the values made in earlier iterations by the tree that makes {@code id}. */
  int older(int id) {
    Integer earlier = older.get(id);
    if (earlier == null) {
      earlier = ++last;
      older.put(id, earlier);
      older.put(earlier, earlier);
    }
    return earlier;
  }
}
