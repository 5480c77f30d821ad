package org.alliancechain.p2p;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for a condition with a deadline, re-checking often; never a fixed sleep. */
final class Await {
  static final Duration DEFAULT = Duration.ofSeconds(20);

  private Await() {}

  static void until(String what, BooleanSupplier condition) {
    until(what, DEFAULT, condition, () -> "");
  }

  static void until(String what, BooleanSupplier condition, Supplier<String> state) {
    until(what, DEFAULT, condition, state);
  }

  static void until(String what, Duration timeout, BooleanSupplier condition,
      Supplier<String> state) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + timeout + " waiting for " + what + "; "
            + state.get());
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what, e);
      }
    }
  }
}
