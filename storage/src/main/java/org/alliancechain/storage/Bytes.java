package org.alliancechain.storage;

import java.util.Arrays;
import java.util.HexFormat;

/** Byte-array helpers for keys, records and messages. */
final class Bytes {
  private static final HexFormat HEX = HexFormat.of();

  private Bytes() {}

  /** The 8-byte big-endian encoding of {@code value}, whose byte order is the unsigned order. */
  static byte[] uint64(long value) {
    byte[] out = new byte[8];
    putUint64(out, 0, value);
    return out;
  }

  static void putUint64(byte[] out, int offset, long value) {
    for (int i = 7; i >= 0; i--) {
      out[offset + i] = (byte) value;
      value >>>= 8;
    }
  }

  static long getUint64(byte[] in, int offset) {
    long value = 0;
    for (int i = 0; i < 8; i++) {
      value = (value << 8) | (in[offset + i] & 0xff);
    }
    return value;
  }

  static void putUint32(byte[] out, int offset, int value) {
    for (int i = 3; i >= 0; i--) {
      out[offset + i] = (byte) value;
      value >>>= 8;
    }
  }

  static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] part : parts) {
      length += part.length;
    }
    byte[] out = new byte[length];
    int offset = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, out, offset, part.length);
      offset += part.length;
    }
    return out;
  }

  /**
   * The smallest key greater than every key that starts with {@code prefix}, or null when there is
   * none (the prefix is all 0xff): the exclusive end of a prefix scan.
   */
  static byte[] prefixEnd(byte[] prefix) {
    byte[] end = prefix.clone();
    for (int i = end.length - 1; i >= 0; i--) {
      if (end[i] != (byte) 0xff) {
        end[i]++;
        return Arrays.copyOf(end, i + 1);
      }
    }
    return null;
  }

  static boolean startsWith(byte[] key, byte[] prefix) {
    return key.length >= prefix.length
        && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
  }

  static String hex(byte[] bytes) {
    return bytes == null ? "(none)" : HEX.formatHex(bytes);
  }

  /** A short hex form for log and error messages. */
  static String shortHex(byte[] bytes) {
    if (bytes == null) {
      return "(none)";
    }
    String hex = HEX.formatHex(bytes);
    return hex.length() <= 16 ? hex : hex.substring(0, 16) + "…";
  }

  static byte[] copy(byte[] bytes, String name) {
    if (bytes == null) {
      throw new NullPointerException(name + " is null");
    }
    return bytes.clone();
  }
}
