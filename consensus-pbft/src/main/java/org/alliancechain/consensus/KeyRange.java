package org.alliancechain.consensus;

import java.util.Objects;

/** Keys k of the durable consensus log with {@code from <= k < to}, as unsigned bytes. */
public record KeyRange(byte[] from, byte[] to) {
  public KeyRange {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
  }
}
