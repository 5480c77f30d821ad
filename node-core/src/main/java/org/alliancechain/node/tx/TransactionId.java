package org.alliancechain.node.tx;

import com.google.protobuf.ByteString;
import java.util.HexFormat;
import java.util.Objects;

/** A transaction id: the suite hash of the exact signed body bytes (docs/adr/0003). */
public record TransactionId(ByteString bytes) {
  public TransactionId {
    Objects.requireNonNull(bytes, "bytes");
  }

  public static TransactionId of(byte[] digest) {
    return new TransactionId(ByteString.copyFrom(digest));
  }

  public byte[] toByteArray() {
    return bytes.toByteArray();
  }

  public String toHex() {
    return HexFormat.of().formatHex(bytes.toByteArray());
  }

  @Override
  public String toString() {
    return toHex();
  }
}
