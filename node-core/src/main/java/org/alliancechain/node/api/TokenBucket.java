package org.alliancechain.node.api;

import java.util.function.LongSupplier;

/**
 * A token bucket: {@code perSecond} tokens a second, holding at most one second's worth, so a
 * connection may burst to its limit and then goes at its rate. Thread-safe.
 */
final class TokenBucket {
  private static final double NANOS_PER_SECOND = 1e9;

  private final double perSecond;
  private final LongSupplier nanoTime;
  private double tokens;
  private long refilledNanos;

  TokenBucket(int perSecond, LongSupplier nanoTime) {
    this.perSecond = perSecond;
    this.nanoTime = nanoTime;
    this.tokens = perSecond;
    this.refilledNanos = nanoTime.getAsLong();
  }

  /** Takes a token if one is there. */
  synchronized boolean tryTake() {
    long now = nanoTime.getAsLong();
    tokens = Math.min(perSecond, tokens + (now - refilledNanos) * perSecond / NANOS_PER_SECOND);
    refilledNanos = now;
    if (tokens < 1) {
      return false;
    }
    tokens -= 1;
    return true;
  }
}
