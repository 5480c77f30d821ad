package org.alliancechain.config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Test inputs drawn from one seed, the same inputs for the same seed. Draws lean toward the edges,
 * where bugs sit: a bounded number is its minimum one time in eight, its maximum one time in
 * eight, and within 16 of either one time in eight; sizes and string lengths are numbers too, so
 * empty and full lists and the shortest and longest strings come up in every few cases.
 */
final class Draw {
  private static final int ATTEMPTS_MAX = 10_000;
  private final SplittableRandom random;

  Draw(long seed) {
    random = new SplittableRandom(seed);
  }

  long between(long min, long max) {
    long span = Math.subtractExact(max, min);
    if (span < 0) {
      throw new IllegalArgumentException("empty range " + min + ".." + max);
    }
    return switch (random.nextInt(8)) {
      case 0 -> min;
      case 1 -> max;
      case 2 -> {
        long offset = random.nextLong(Math.min(16, span) + 1);
        yield random.nextBoolean() ? min + offset : max - offset;
      }
      default -> random.nextLong(min, Math.addExact(max, 1));
    };
  }

  int between(int min, int max) {
    return (int) between((long) min, (long) max);
  }

  long anyLong() {
    return random.nextLong();
  }

  boolean bool() {
    return random.nextBoolean();
  }

  /** True one time in {@code n}. */
  boolean oneIn(int n) {
    return random.nextInt(n) == 0;
  }

  <T> T oneOf(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  <E extends Enum<E>> E oneOf(Class<E> type) {
    return oneOf(List.of(type.getEnumConstants()));
  }

  String string(String chars, int lengthMin, int lengthMax) {
    int length = between(lengthMin, lengthMax);
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append(chars.charAt(random.nextInt(chars.length())));
    }
    return text.toString();
  }

  <T> List<T> list(int sizeMin, int sizeMax, Supplier<T> element) {
    int size = between(sizeMin, sizeMax);
    List<T> list = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      list.add(element.get());
    }
    return list;
  }

  /** A list without repeated elements; {@code element} must be able to draw enough distinct ones. */
  <T> List<T> uniqueList(int sizeMin, int sizeMax, Supplier<T> element) {
    int size = between(sizeMin, sizeMax);
    Set<T> set = new LinkedHashSet<>();
    for (int attempt = 0; set.size() < size; attempt++) {
      check(attempt);
      set.add(element.get());
    }
    return List.copyOf(set);
  }

  /** The first drawn value that {@code accepted} takes. */
  <T> T until(Supplier<T> draw, Predicate<T> accepted) {
    for (int attempt = 0; ; attempt++) {
      check(attempt);
      T value = draw.get();
      if (accepted.test(value)) {
        return value;
      }
    }
  }

  private static void check(int attempt) {
    if (attempt >= ATTEMPTS_MAX) {
      throw new IllegalStateException("the generator rejects almost everything it draws; loosen it");
    }
  }
}
