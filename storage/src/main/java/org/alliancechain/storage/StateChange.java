package org.alliancechain.storage;

import java.util.Arrays;
import java.util.Optional;

/**
 * One change of the state made by executing a block: a key set to a value, or deleted. Keys and
 * values are opaque bytes (the node uses namespace || 0x00 || key).
 */
public final class StateChange {
  private final byte[] key;
  private final byte[] value;

  private StateChange(byte[] key, byte[] value) {
    if (key.length == 0) {
      throw new IllegalArgumentException("a state key must not be empty");
    }
    this.key = key;
    this.value = value;
  }

  /** Sets {@code key} to {@code value} (an empty value is a value, not a delete). */
  public static StateChange put(byte[] key, byte[] value) {
    return new StateChange(Bytes.copy(key, "key"), Bytes.copy(value, "value"));
  }

  /** Removes {@code key}; removing an absent key changes nothing. */
  public static StateChange delete(byte[] key) {
    return new StateChange(Bytes.copy(key, "key"), null);
  }

  public byte[] key() {
    return key.clone();
  }

  /** The new value, or empty for a delete. */
  public Optional<byte[]> value() {
    return value == null ? Optional.empty() : Optional.of(value.clone());
  }

  public boolean isDelete() {
    return value == null;
  }

  /** The key without a copy, for the storage's own use. */
  byte[] keyUnsafe() {
    return key;
  }

  /** The value without a copy (null for a delete), for the storage's own use. */
  byte[] valueUnsafe() {
    return value;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof StateChange that && Arrays.equals(key, that.key)
        && Arrays.equals(value, that.value);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(key) + Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    return value == null ? "delete(" + Bytes.shortHex(key) + ")"
        : "put(" + Bytes.shortHex(key) + ", " + value.length + " bytes)";
  }
}
