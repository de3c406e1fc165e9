package org.pinning.processor.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.source.tree.Tree;
import com.sun.source.tree.TreeVisitor;
import java.lang.reflect.Proxy;
import java.util.List;
import javax.lang.model.element.Element;
import org.junit.jupiter.api.Test;

/** The may-state of the after-pin analysis: branches are independent, merges are unions. */
class LocalPinsTest {
  private final Element a = local("a");
  private final Element b = local("b");
  private final Pin pinned = new Pin.PinnedAfter("a", 7);

  @Test
  void pinningOneBranchLeavesTheOtherAndTheOriginalAlone() {
    LocalPins before = LocalPins.empty();
    before.alias(b, a, 1);
    LocalPins branch = before.copy();
    branch.pin(a, 2, pinned);
    assertEquals(pinned, branch.pinOf(b), "aliases share the pin");
    assertNull(before.pinOf(a), "the original is untouched by the branch");
    before.holdNew(a, 3, null);
    assertEquals(pinned, branch.pinOf(a), "the branch is untouched by the original");
  }

  @Test
  void joinKeepsWhatEitherPathPinned() {
    LocalPins left = LocalPins.empty();
    LocalPins right = left.copy();
    right.pin(a, 1, pinned);
    LocalPins joined = LocalPins.join(left, right);
    assertEquals(pinned, joined.pinOf(a));
    assertNull(left.pinOf(a));
    assertEquals(joined, LocalPins.join(joined, left), "joining again changes nothing");
  }

  @Test
  void joinWithAnUnreachablePathIsTheOtherPath() {
    LocalPins reachable = LocalPins.empty();
    reachable.pin(a, 1, pinned);
    assertEquals(reachable, LocalPins.join(null, reachable));
    assertEquals(reachable, LocalPins.join(reachable, null));
    assertNull(LocalPins.join(null, null));
  }

  @Test
  void aValueMadeAgainInTheNextIterationDoesNotInheritThePinOfTheLastOne() {
    LocalPins state = LocalPins.empty();
    state.alias(b, a, 1); // prev = cur: both hold the value id 1 names
    LocalPins next = state.aged(idsAbove(10));
    next.holdNew(a, 2, null); // cur: a new local in each iteration
    next.pin(b, 3, pinned); // start(prev): the last iteration's value
    LocalPins pinnedPrev = next.copy();
    next.alias(b, a, 1); // prev = cur again: cur's new value is made by the same tree
    assertNull(next.pinOf(a), "the new value is not the one pinned");
    assertNull(LocalPins.join(pinnedPrev, next).pinOf(a), "nor is it at a join (a catch)");
    assertEquals(pinned, LocalPins.join(pinnedPrev, next).pinOf(b));
  }

  @Test
  void agingKeepsAliasesAndPinsAndDropsPinsNoLocalHolds() {
    LocalPins state = LocalPins.empty();
    state.alias(b, a, 1);
    state.pin(a, 1, pinned);
    ValueIds ids = idsAbove(10);
    LocalPins aged = state.aged(ids);
    assertEquals(pinned, aged.pinOf(b));
    aged.holdNew(a, 2, null);
    aged.holdNew(b, 3, null);
    assertTrue(aged.aged(ids).isBlank(), "no local holds the pinned value");
    assertEquals(pinned, state.pinOf(a), "the state aged is untouched");
  }

  @Test
  void aNewUnpinnedValueForgetsTheOldPin() {
    LocalPins state = LocalPins.empty();
    state.pin(a, 1, pinned);
    state.holdNew(a, 2, null);
    assertNull(state.pinOf(a));
    assertTrue(state.isEmpty());
  }

  @Test
  void forgettingALocalKeepsThePinsItsAliasesStillHold() {
    LocalPins state = LocalPins.empty();
    state.alias(b, a, 1); // b = a
    state.pin(a, 2, pinned);
    LocalPins forgotten = state.forget(List.of(a));
    assertNull(forgotten.pinOf(a), "a is gone");
    assertEquals(pinned, forgotten.pinOf(b), "b still holds the pinned value");
    assertEquals(pinned, state.pinOf(a), "the original state is untouched");
  }

  @Test
  void forgettingTheOnlyHolderOfAPinLeavesTheStateThatHadNeither() {
    LocalPins entry = LocalPins.empty();
    LocalPins end = entry.copy();
    end.pin(a, 1, pinned);
    assertEquals(entry, end.forget(List.of(a)), "no local left, no pin left");
    assertTrue(end.forget(List.of(a)).isEmpty());
  }

  @Test
  void forgettingLocalsWithoutEntriesReturnsTheSameState() {
    LocalPins state = LocalPins.empty();
    state.pin(a, 1, pinned);
    assertSame(state, state.forget(List.of(b)));
    assertSame(state, state.forget(List.of()));
  }

  private static Element local(String name) {
    return (Element)
        Proxy.newProxyInstance(
            LocalPinsTest.class.getClassLoader(),
            new Class<?>[] {Element.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "hashCode" -> System.identityHashCode(proxy);
                  case "equals" -> proxy == args[0];
                  case "toString" -> name;
                  default -> null;
                });
  }

  /** Value ids whose first {@code count} ids are taken, as trees of a method would take them. */
  private static ValueIds idsAbove(int count) {
    ValueIds ids = new ValueIds();
    for (int i = 0; i < count; i++) {
      ids.of(
          new Tree() {
            @Override
            public Kind getKind() {
              return Kind.OTHER;
            }

            @Override
            public <R, D> R accept(TreeVisitor<R, D> visitor, D data) {
              return null;
            }
          });
    }
    return ids;
  }
}
