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
 *   <li><b>on a {@code final} field</b>: the field is structurally pinned (pin-project's {@code
 *       #[pin]}): its value is pinned for the life of the object, and the class is pinned too;
 *   <li><b>on a field that is not {@code final}</b>: a pinned slot (Rust's {@code Pin<Box<T>>}
 *       field). It holds pinned references and may be given another one: reading it yields a pinned
 *       value, storing into it pins what is stored. A slot does not make its class pinned. Links of
 *       intrusive structures and "current" pointers are slots;
 *   <li><b>on a parameter</b>: a pinned borrow ({@code Pin<&mut T>}): the callee may use the value
 *       but not move it;
 *   <li><b>on a receiver parameter</b> ({@code void poll(@Pinned Task this)}): the method's
 *       receiver is pinned (Rust's {@code self: Pin<&mut Self>}). Calling it pins the object it is
 *       called on; inside it, {@code this} is pinned and may be stored in pinned places. An
 *       interface method's pinned receiver holds for every implementation, and overrides keep it;
 *   <li><b>on a constructor</b>: every object it makes is pinned from birth ({@code
 *       Box::pin(Task::new())}): inside it {@code this} is pinned and may be registered, and {@code
 *       new Task(e)} is a pinned value. A class whose constructors are all {@code @Pinned} has only
 *       pinned instances;
 *   <li><b>on a local variable</b>: a pinned local (Rust's {@code pin!}): each value it is given is
 *       pinned;
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
 * <p>Receivers, constructors and slots together, for a task that registers itself and is linked
 * into an intrusive list:
 *
 * <pre>{@code
 * @Pinned
 * final class Task {
 *   @Pinned Task next;                         // a slot: relinked freely, holds pinned tasks
 *
 *   @Pinned Task(Executor e) { e.running.add(this); }   // pinned from birth: may register itself
 *
 *   void poll(@Pinned Task this, Waker w) {...}          // callers must pin the task first
 * }
 * }</pre>
 *
 * <p>For each pinned class, and each class that declares {@code @Pinned} fields, the processor
 * generates a projection ({@code TaskProjection}) with a pinned view of every {@code @Pinned}
 * field, a setter with a pinned parameter for every slot, and plain accessors for the others.
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
  ElementType.CONSTRUCTOR,
  ElementType.TYPE_USE
})
public @interface Pinned {}
