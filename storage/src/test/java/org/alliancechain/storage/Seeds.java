package org.alliancechain.storage;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.function.ThrowingConsumer;
import org.junit.jupiter.api.function.ThrowingSupplier;

/**
 * Seeds for the module's seeded property tests. By default a property runs seeds 1..tries, the
 * same every run; {@code -Dstorage.tries=N} runs N seeds instead, and {@code -Dstorage.seed=S}
 * runs only seed S, which replays a failure exactly.
 */
final class Seeds {
  private Seeds() {}

  static LongStream of(int defaultTries) {
    String only = System.getProperty("storage.seed");
    if (only != null) {
      return LongStream.of(Long.parseLong(only.trim()));
    }
    return LongStream.rangeClosed(1, Integer.getInteger("storage.tries", defaultTries));
  }

  /**
   * A size in min..max that is min one time in eight and max one time in eight, so the edges
   * (often empty or single) come up in every few cases rather than once in a range's width.
   */
  static int size(SplittableRandom random, int min, int max) {
    return switch (random.nextInt(8)) {
      case 0 -> min;
      case 1 -> max;
      default -> random.nextInt(min, max + 1);
    };
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
      throw new AssertionError("seed " + seed + " failed (replay: -Dstorage.seed=" + seed
          + ")\ninput: " + (input == null ? "(failed while drawing it)" : input) + "\n" + failure,
          failure);
    }
  }
}
