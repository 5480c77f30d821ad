package org.alliancechain.storage;

import java.util.Arrays;

/**
 * The position of a tree node: the first {@code length} nibbles (4-bit digits, high nibble of
 * each byte first) shared by the key hashes below it. Immutable.
 */
final class NibblePath {
  /** The deepest a node can be: 64 nibbles = the 256 bits of a key hash. */
  static final int LENGTH_MAX = 64;

  private static final NibblePath ROOT = new NibblePath(new byte[0], 0);

  private final byte[] packed;
  private final int length;

  private NibblePath(byte[] packed, int length) {
    this.packed = packed;
    this.length = length;
  }

  static NibblePath root() {
    return ROOT;
  }

  /** Nibble {@code index} of a key hash. */
  static int nibble(byte[] keyHash, int index) {
    int b = keyHash[index >>> 1] & 0xff;
    return (index & 1) == 0 ? b >>> 4 : b & 0x0f;
  }

  int length() {
    return length;
  }

  /** This path extended by {@code nibble}. */
  NibblePath child(int nibble) {
    if (length >= LENGTH_MAX || nibble < 0 || nibble > 15) {
      throw new IllegalStateException("cannot extend a nibble path of length " + length
          + " with nibble " + nibble);
    }
    byte[] next = Arrays.copyOf(packed, (length + 2) / 2);
    if ((length & 1) == 0) {
      next[length / 2] = (byte) (nibble << 4);
    } else {
      next[length / 2] = (byte) (next[length / 2] | nibble);
    }
    return new NibblePath(next, length + 1);
  }

  /** Appends the encoding: length(1) || packed nibbles (the unused low nibble is zero). */
  int encodeInto(byte[] out, int offset) {
    out[offset] = (byte) length;
    System.arraycopy(packed, 0, out, offset + 1, packed.length);
    return offset + 1 + packed.length;
  }

  int encodedLength() {
    return 1 + packed.length;
  }

  static NibblePath decode(byte[] in, int offset) throws StorageCorruptionException {
    int length = in[offset] & 0xff;
    int bytes = (length + 1) / 2;
    if (length > LENGTH_MAX || in.length != offset + 1 + bytes) {
      throw new StorageCorruptionException("a state tree key has an invalid nibble path (length "
          + length + ", " + (in.length - offset - 1) + " bytes)");
    }
    return new NibblePath(Arrays.copyOfRange(in, offset + 1, offset + 1 + bytes), length);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof NibblePath that && length == that.length
        && Arrays.equals(packed, that.packed);
  }

  /**
   * FNV-1a over the length and the packed nibbles. Not {@code Arrays.hashCode}: its factor 31
   * over signed bytes maps the 65,536 paths of depth 4 onto ~8,200 values, and with the version
   * added (NodeKey) the node cache's buckets turned into trees of colliding keys (seen in JFR
   * stacks of the commit thread at ~350k keys).
   */
  @Override
  public int hashCode() {
    int hash = 0x811c9dc5 ^ length;
    for (byte b : packed) {
      hash = (hash ^ (b & 0xff)) * 0x01000193;
    }
    return hash;
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("path:");
    for (int i = 0; i < length; i++) {
      text.append(Character.forDigit(nibble(packed, i), 16));
    }
    return text.toString();
  }
}
