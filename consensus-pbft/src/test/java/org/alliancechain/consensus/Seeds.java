package org.alliancechain.consensus;

import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.LongStream;
import org.junit.jupiter.api.function.ThrowingConsumer;

/**
 * Seeds for the module's seeded property tests (the simulator has its own, {@code sim.*}). A
 * property runs seeds 1..tries, the same every run; {@code -Dconsensus.tries=N} runs N seeds
 * instead, and {@code -Dconsensus.seed=S} runs only seed S, which replays a failure exactly.
 */
public final class Seeds {
  private Seeds() {}

  public static LongStream of(int defaultTries) {
    String only = System.getProperty("consensus.seed");
    if (only != null) {
      return LongStream.of(Long.parseLong(only.trim()));
    }
    return LongStream.rangeClosed(1, Integer.getInteger("consensus.tries", defaultTries));
  }

  /**
   * Draws an input from {@code seed} and checks {@code property} on it; a failure is rethrown
   * naming the seed, how to replay it and the input (there is no shrinking).
   */
  public static <T> void check(long seed, Function<SplittableRandom, T> draw,
      ThrowingConsumer<T> property) {
    T input = null;
    try {
      input = draw.apply(new SplittableRandom(seed));
      property.accept(input);
    } catch (Throwable failure) {
      throw new AssertionError("seed " + seed + " failed (replay: -Dconsensus.seed=" + seed
          + ")\ninput: " + (input == null ? "(failed while drawing it)" : describe(input))
          + "\n" + failure, failure);
    }
  }

  /** Random bytes, 0 to {@code maxLength} of them, with short arrays drawn often. */
  public static byte[] bytes(SplittableRandom random, int maxLength) {
    int length = random.nextInt(4) == 0 ? random.nextInt(Math.min(maxLength, 8) + 1)
        : random.nextInt(maxLength + 1);
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    return bytes;
  }

  private static String describe(Object input) {
    return input instanceof byte[] bytes ? java.util.HexFormat.of().formatHex(bytes)
        : String.valueOf(input);
  }
}
