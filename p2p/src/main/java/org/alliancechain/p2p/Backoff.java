package org.alliancechain.p2p;

import java.util.random.RandomGenerator;

/**
 * Reconnect delays: exponential from {@code minMs}, capped at {@code maxMs}, with "equal
 * jitter" (a uniform draw from the upper half of the current step), so nodes that lost a peer at
 * the same moment do not redial it in lock step, and no delay is under half the minimum.
 */
final class Backoff {
  private final long minMs;
  private final long maxMs;
  private final RandomGenerator random;

  Backoff(long minMs, long maxMs, RandomGenerator random) {
    this.minMs = minMs;
    this.maxMs = maxMs;
    this.random = random;
  }

  /** The delay before attempt number {@code failures + 1}, after {@code failures} failures. */
  long delayMs(int failures) {
    int doublings = Math.max(0, Math.min(failures, 62));
    long step = minMs > (maxMs >> doublings) ? maxMs : Math.min(maxMs, minMs << doublings);
    long half = step / 2;
    return step - half + random.nextLong(half + 1);
  }
}
