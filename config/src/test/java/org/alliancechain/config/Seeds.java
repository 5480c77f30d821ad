package org.alliancechain.config;

import java.util.stream.LongStream;
import org.junit.jupiter.api.function.ThrowingConsumer;
import org.junit.jupiter.api.function.ThrowingSupplier;

/**
 * Seeds for the module's seeded property tests. By default a property runs seeds 1..tries, the
 * same every run; {@code -Dconfig.tries=N} runs N seeds instead, and {@code -Dconfig.seed=S} runs
 * only seed S, which replays a failure exactly.
 */
final class Seeds {
  private Seeds() {}

  static LongStream of(int defaultTries) {
    String only = System.getProperty("config.seed");
    if (only != null) {
      return LongStream.of(Long.parseLong(only.trim()));
    }
    return LongStream.rangeClosed(1, Integer.getInteger("config.tries", defaultTries));
  }

  /**
   * Draws an input and checks {@code property} on it; a failure, in drawing or checking, is
   * rethrown naming the seed, how to replay it, and the whole input (there is no shrinking).
   */
  static <T> void check(long seed, ThrowingSupplier<T> draw, ThrowingConsumer<T> property) {
    T input = null;
    try {
      input = draw.get();
      property.accept(input);
    } catch (Throwable failure) {
      throw new AssertionError("seed " + seed + " failed (replay: -Dconfig.seed=" + seed
          + ")\ninput: " + (input == null ? "(failed while drawing it)" : input) + "\n" + failure,
          failure);
    }
  }
}
