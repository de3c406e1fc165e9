package org.pinning.samples.executor;

import org.pinning.Pinned;

/**
 * Rust's {@code Future}: a computation that runs in steps, each step a {@link #poll}. Like
 * Rust's {@code fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>)}, {@code poll} declares a
 * pinned receiver: a future may keep references into itself across polls (positions into its
 * own buffer, a waker that names it), so it is polled only once it is pinned, and then never
 * moved. Every implementation gets a pinned {@code this} in {@code poll} and must declare the
 * receiver too (an override may neither drop nor add it).
 *
 * <p>The interface itself is not {@code @Pinned}, as {@code Future} does not imply
 * {@code !Unpin} in Rust: only the receiver of {@code poll} is pinned.
 */
interface Future {
  /**
   * Runs to the next suspension point. Returns true when the future has finished; before it
   * returns false, it arranges for {@code cx.waker()} to be called when it can go on.
   */
  boolean poll(@Pinned Future this, Context cx);
}
