package demo;

import java.util.List;
import java.util.function.Supplier;
import org.pinning.Pinned;
import org.pinning.Unpin;

/** Pinned types the processor projects: generic, nested, with fields of every kind. */
@Pinned
public class Projections<K extends Comparable<K>, V> {
  @Pinned final Cell<V> cell;
  @Pinned final Cell<String> plain = new Cell<>("p");
  final List<@Pinned Cell<V>> cells;
  K key;
  int count;
  final long[] counts = new long[4];
  protected Supplier<? extends V> supplier;
  private int hidden;
  @Unpin Object hashCode;

  Projections(K key, V value, List<@Pinned Cell<V>> cells) {
    this.key = key;
    this.cell = new Cell<>(value);
    this.cells = cells;
  }

  @Pinned
  Cell<V> cell() {
    return cell;
  }

  static final class Entry<E> {
    @Pinned final Node<E> node;
    E value;

    Entry(E value) {
      this.value = value;
      this.node = new Node<>();
    }
  }

  class Inner {
    @Pinned final Cell<K> keyCell = new Cell<>(key);
    int depth;
  }
}

class Cell<T> {
  @Pinned final T value;
  int reads;

  Cell(T value) {
    this.value = value;
  }
}

@Pinned
final class Node<E> {
  @Unpin Node<E> next;
  int wait;
}

final class UseProjections {
  int use(@Pinned Projections<String, Integer> p) {
    ProjectionsProjection<String, Integer> view = ProjectionsProjection.project(p);
    view.setCount(view.count() + 1);
    @Pinned Cell<Integer> c = view.cell();
    return c.reads + view.getHashCode().hashCode() + NodeProjection.project(new Node<String>()).getWait();
  }
}
