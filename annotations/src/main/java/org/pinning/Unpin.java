package org.pinning;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A value that may always be moved, even through a pinned reference (Rust's {@code Unpin}).
 *
 * <p>Pinning matters only for values whose identity is observable. For everything else, the checker
 * lets a pinned reference go back to an ordinary one. {@code @Unpin} states that on purpose, where
 * the checker could not know it:
 *
 * <ul>
 *   <li><b>on a class or interface</b>: the type is Unpin, and none of its subtypes may be pinned.
 *       Pinned references to it (from a {@code @Pinned} field, say) move freely;
 *   <li><b>on a field of a pinned class</b>: the field is deliberately not structurally pinned (it
 *       is replaced, copied or handed out as an ordinary value);
 *   <li><b>on a type parameter</b> ({@code class Slot<@Unpin T>}): the bound {@code T: Unpin}. The
 *       class may move its {@code T} values as it likes, so it may not be instantiated with a
 *       pinned type argument.
 * </ul>
 *
 * <pre>{@code
 * final class Slot<@Unpin T> {          // a slot that swaps its content around
 *   private T value;
 *   T take() { T v = value; value = null; return v; }
 * }
 *
 * Slot<String> names = new Slot<>();    // fine
 * Slot<Task> tasks = new Slot<>();      // error: [pin:unpin] pinned type 'Task' for @Unpin type parameter 'T'
 *
 * @Pinned
 * final class Task {
 *   @Unpin final Runnable onDone;       // not structurally pinned: the callback may be moved
 * }
 * }</pre>
 *
 * <p>{@code @Unpin} and {@code @Pinned} contradict each other; the checker rejects an element that
 * carries both, and an {@code @Unpin} type with a pinned subtype.
 *
 * @see Pinned
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.FIELD, ElementType.TYPE_PARAMETER})
public @interface Unpin {}
