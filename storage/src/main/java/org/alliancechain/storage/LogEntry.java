package org.alliancechain.storage;

import java.util.Arrays;

/**
 * One record of the consensus log. Keys and values are opaque to storage; keys sort as unsigned
 * bytes (the replica chooses keys whose byte order is the order it wants back).
 */
public record LogEntry(byte[] key, byte[] value) {
  public LogEntry {
    key = Bytes.copy(key, "key");
    value = Bytes.copy(value, "value");
    if (key.length == 0) {
      throw new IllegalArgumentException("a consensus log key must not be empty");
    }
  }

  @Override
  public byte[] key() {
    return key.clone();
  }

  @Override
  public byte[] value() {
    return value.clone();
  }

  byte[] keyUnsafe() {
    return key;
  }

  byte[] valueUnsafe() {
    return value;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof LogEntry that && Arrays.equals(key, that.key)
        && Arrays.equals(value, that.value);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(key) + Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    return "LogEntry[key=" + Bytes.shortHex(key) + ", " + value.length + " value bytes]";
  }
}
