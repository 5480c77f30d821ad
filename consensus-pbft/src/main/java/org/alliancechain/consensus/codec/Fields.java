package org.alliancechain.consensus.codec;

import com.google.protobuf.ByteString;
import org.alliancechain.consensus.message.Hash;

/** Range checks shared by the codecs, so every decoder says the same thing about bad numbers. */
final class Fields {
  /**
   * Views and heights above this are refused: far beyond any real chain, and it keeps
   * {@code view + 1} and {@code height + window} from ever overflowing.
   */
  static final long NUMBER_MAX = 1L << 62;

  private Fields() {
  }

  static long number(long value, String field) throws DecodeException {
    if (value < 0 || value > NUMBER_MAX) {
      throw new DecodeException(field + " " + Long.toUnsignedString(value)
          + " is out of range (at most 2^62)");
    }
    return value;
  }

  static Hash hash(ByteString bytes, String field) throws DecodeException {
    if (bytes.size() != Hash.LENGTH) {
      throw new DecodeException(field + " must be " + Hash.LENGTH + " bytes, got " + bytes.size());
    }
    return Hash.of(bytes.toByteArray());
  }

  static int signer(int value) throws DecodeException {
    if (value < 0) {
      throw new DecodeException("signer " + Integer.toUnsignedString(value) + " is out of range");
    }
    return value;
  }

  static ByteString bytes(Hash hash) {
    return ByteString.copyFrom(hash.bytes());
  }
}
