package org.alliancechain.consensus;

import java.util.Objects;

/**
 * One key and value of the durable consensus log (see {@link ConsensusLogKeys}). The arrays are
 * not copied; neither side modifies them.
 */
public record LogEntry(byte[] key, byte[] value) {
  public LogEntry {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
  }
}
