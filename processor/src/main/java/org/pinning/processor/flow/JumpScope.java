package org.pinning.processor.flow;

import com.sun.source.tree.Tree;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.Name;

/** Where {@code break}, {@code continue} and {@code yield} of one statement land. */
final class JumpScope {
  /** What a statement lets jumps do. */
  enum Kind {
    /** A loop: {@code break} and {@code continue}. */
    LOOP,
    /** A {@code switch}: {@code break}, and {@code yield} for a switch expression. */
    SWITCH,
    /** Any other labeled statement: only {@code break label}. */
    LABELED
  }

  final Tree statement;
  final Name label;
  private final Kind kind;

  /** The states that leave the statement by {@code break} (or {@code yield}), joined. */
  LocalPins breaks;

  /** The states that go on with the loop's next iteration by {@code continue}, joined. */
  LocalPins continues;

  /** The pin of the first value a switch expression yields that has one. */
  Pin yielded;

  /** For a loop: the locals declared in its body, which do not outlive an iteration. */
  final List<Element> locals;

  JumpScope(Tree statement, Name label, Kind kind) {
    this.statement = statement;
    this.label = label;
    this.kind = kind;
    this.locals = kind == Kind.LOOP ? new ArrayList<>() : List.of();
  }

  boolean isLoop() {
    return kind == Kind.LOOP;
  }

  /** Whether a plain {@code break} leaves this statement. */
  boolean isBreakable() {
    return kind != Kind.LABELED;
  }
}
