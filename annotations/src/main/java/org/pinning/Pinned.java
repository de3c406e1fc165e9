package org.pinning;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A value whose identity matters: once pinned, it is never moved or copied (Rust's {@code !Unpin}
 * and {@code Pin}).
 *
 * <p>Some objects must stay where they are. An async task keeps positions into its own buffer
 * across suspension points; an intrusive list node is linked by the address of its neighbours; a
 * buffer's address was handed to the kernel; a listener was registered by identity. Copying such an
 * object, or stashing its reference somewhere its owner no longer controls, silently breaks the
 * invariant. The pinning checker, run by javac, turns those mistakes into compile errors.
 *
 * <p>Where {@code @Pinned} goes, and what it means:
 *
 * <ul>
 *   <li><b>on a class or interface</b>: the type is pinned. Its instances may not be cloned,
 *       serialized or copied, and every {@code this} inside it is a pinned reference;
 *   <li><b>on a field</b>: the field is structurally pinned (pin-project's {@code #[pin]}). It must
 *       be {@code final}; its value is pinned for the life of the object;
 *   <li><b>on a parameter</b>: a pinned borrow ({@code Pin<&mut T>}): the callee may use the value
 *       but not move it;
 *   <li><b>on a local variable</b>: a pinned local (Rust's {@code pin!}), effectively final;
 *   <li><b>on a method</b>: the returned reference is pinned (a projection); callers must treat it
 *       as pinned;
 *   <li><b>in a type argument</b> ({@code List<@Pinned Task>}): the container's elements are pinned
 *       places: it may hold pinned values, and what comes out of it is pinned.
 * </ul>
 *
 * <p>A pinned value may flow only into pinned places: {@code @Pinned} fields, locals, parameters,
 * returns and containers. Anything else is a move and is rejected:
 *
 * <pre>{@code
 * @Pinned
 * final class Task {
 *   @Pinned final Buffer buffer = new Buffer();   // structurally pinned, never replaced
 *   int state;                                    // ordinary field, freely read and written
 * }
 *
 * final class Monitor {
 *   Buffer last;
 *   void watch(@Pinned Task task) {
 *     last = task.buffer;   // error: [pin:move] pinned value 'buffer' moves into unpinned field 'last'
 *     task.state++;         // fine: using a pinned value is not moving it
 *   }
 * }
 * }</pre>
 *
 * <p>For each pinned class the processor generates a projection ({@code TaskProjection}) with a
 * pinned view of every {@code @Pinned} field and plain accessors for the others.
 *
 * @see Unpin
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({
  ElementType.TYPE,
  ElementType.FIELD,
  ElementType.PARAMETER,
  ElementType.LOCAL_VARIABLE,
  ElementType.METHOD,
  ElementType.TYPE_USE
})
public @interface Pinned {}
