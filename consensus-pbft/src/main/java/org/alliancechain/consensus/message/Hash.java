package org.alliancechain.consensus.message;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A 32-byte digest of the chain's suite hash (both suites hash to 32 bytes): a block hash, a
 * state root. Immutable; equal when the bytes are equal; ordered as unsigned bytes, so maps
 * keyed by hashes iterate the same way on every run.
 */
public final class Hash implements Comparable<Hash> {
  /** Length of every hash in bytes. */
  public static final int LENGTH = 32;

  private final byte[] bytes;
  private final int hashCode;

  private Hash(byte[] bytes) {
    this.bytes = bytes;
    this.hashCode = Arrays.hashCode(bytes);
  }

  /**
   * The hash with these bytes (copied).
   *
   * @throws IllegalArgumentException if {@code bytes} is null or not {@value #LENGTH} bytes long
   */
  public static Hash of(byte[] bytes) {
    if (bytes == null || bytes.length != LENGTH) {
      throw new IllegalArgumentException("a hash is " + LENGTH + " bytes, got "
          + (bytes == null ? "none" : bytes.length));
    }
    return new Hash(bytes.clone());
  }

  /** Whether {@code bytes} has the length of a hash. */
  public static boolean isValid(byte[] bytes) {
    return bytes != null && bytes.length == LENGTH;
  }

  /** A copy of the bytes. */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** Whether these are the bytes of {@code other}, without copying. */
  public boolean matches(byte[] other) {
    return Arrays.equals(bytes, other);
  }

  @Override
  public int compareTo(Hash other) {
    return Arrays.compareUnsigned(bytes, other.bytes);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Hash that && hashCode == that.hashCode
        && Arrays.equals(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return hashCode;
  }

  /** The full hex encoding. */
  public String toHex() {
    return HexFormat.of().formatHex(bytes);
  }

  /** The first 8 hex digits, as logs show hashes. */
  @Override
  public String toString() {
    return toHex().substring(0, 8);
  }
}
