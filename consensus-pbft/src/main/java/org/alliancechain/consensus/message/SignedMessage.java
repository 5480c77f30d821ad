package org.alliancechain.consensus.message;

import java.util.Arrays;
import java.util.Objects;

/**
 * A consensus message with its signature, keeping the exact signed payload bytes so that it can
 * be re-embedded (in certificates, VIEW-CHANGEs, NEW-VIEWs) and verified again without
 * re-serializing. Equal when payload, signer and signature bytes are equal.
 *
 * @param payload the serialized {@code ConsensusPayload}, as signed; never modified
 * @param signer index of the signing validator
 * @param signature the signature over the payload in the consensus signing domain
 * @param chainId the chain id read from the payload
 * @param message the message decoded from the payload
 */
public record SignedMessage(byte[] payload, int signer, byte[] signature, String chainId,
    ConsensusMessage message) {
  public SignedMessage {
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(signature, "signature");
    Objects.requireNonNull(chainId, "chainId");
    Objects.requireNonNull(message, "message");
    if (signer < 0) {
      throw new IllegalArgumentException("a signer index is never negative, got " + signer);
    }
  }

  /** The message as {@code type}, which the caller has checked. */
  public <T extends ConsensusMessage> T as(Class<T> type) {
    return type.cast(message);
  }

  /** The kind of the message. */
  public Phase phase() {
    return message.phase();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SignedMessage that && signer == that.signer
        && Arrays.equals(payload, that.payload) && Arrays.equals(signature, that.signature);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * signer + Arrays.hashCode(payload)) + Arrays.hashCode(signature);
  }

  @Override
  public String toString() {
    return message + " by " + signer;
  }
}
