package org.alliancechain.config;

/**
 * The inclusive range of a numeric key. The parser checks file values against it and the record
 * constructors enforce it, so the two cannot drift apart.
 */
record Bounds(long min, long max, boolean bytes) {
  private static final long KIB = 1024;
  private static final long MIB = 1024 * KIB;
  private static final long GIB = 1024 * MIB;

  static Bounds of(long min, long max) {
    return new Bounds(min, max, false);
  }

  static Bounds ofBytes(long min, long max) {
    return new Bounds(min, max, true);
  }

  boolean contains(long value) {
    return value >= min && value <= max;
  }

  /** What a valid value looks like, e.g. {@code expected an integer in 65536..268435456 (64 KiB..256 MiB)}. */
  String expected() {
    String range = "expected an integer in " + min + ".." + max;
    return bytes ? range + " (" + human(min) + ".." + human(max) + ")" : range;
  }

  long require(String name, long value) {
    if (!contains(value)) {
      throw new IllegalArgumentException(name + ": " + expected() + ", got " + value);
    }
    return value;
  }

  int requireInt(String name, int value) {
    return (int) require(name, value);
  }

  /** A byte count in the largest binary unit that divides it exactly, e.g. {@code 16 MiB}. */
  static String human(long bytes) {
    if (bytes != 0 && bytes % GIB == 0) {
      return bytes / GIB + " GiB";
    }
    if (bytes != 0 && bytes % MIB == 0) {
      return bytes / MIB + " MiB";
    }
    if (bytes != 0 && bytes % KIB == 0) {
      return bytes / KIB + " KiB";
    }
    return bytes + " B";
  }
}
