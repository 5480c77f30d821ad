package org.alliancechain.crypto;

import java.nio.charset.StandardCharsets;

/**
 * What a signature is for. Every signed payload is prefixed with its domain's tag and a zero
 * byte before signing, so a signature made for one purpose (a consensus vote) can never be
 * replayed as another (a transaction), whatever the payload bytes happen to parse as.
 * docs/adr/0010-crypto-suites-and-encodings.md records the tags; they are part of the protocol.
 */
public enum SigningDomain {
  /** A client's signature over {@code TransactionBody} bytes. */
  TRANSACTION("alliance.v1.transaction"),
  /** A validator's signature over a {@code ConsensusPayload}. */
  CONSENSUS("alliance.v1.consensus"),
  /** A node's signature over its p2p {@code Handshake}. */
  HANDSHAKE("alliance.v1.handshake");

  private final byte[] prefix;

  SigningDomain(String tag) {
    byte[] tagBytes = tag.getBytes(StandardCharsets.US_ASCII);
    this.prefix = new byte[tagBytes.length + 1];
    System.arraycopy(tagBytes, 0, prefix, 0, tagBytes.length);
  }

  /** The domain tag, ASCII, without the trailing zero byte. */
  public String tag() {
    return new String(prefix, 0, prefix.length - 1, StandardCharsets.US_ASCII);
  }

  /** {@code tag || 0x00 || payload}: the exact bytes that are signed. */
  public byte[] frame(byte[] payload) {
    byte[] out = new byte[prefix.length + payload.length];
    System.arraycopy(prefix, 0, out, 0, prefix.length);
    System.arraycopy(payload, 0, out, prefix.length, payload.length);
    return out;
  }
}
