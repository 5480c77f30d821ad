package org.alliancechain.consensus;

import java.util.Objects;

/** What {@link MessageVerifier#verify(byte[])} found. */
public sealed interface VerificationResult {
  /** The message is good; hand it to the replica as {@link Event.MessageReceived}. */
  record Accepted(VerifiedMessage message) implements VerificationResult {
    public Accepted {
      Objects.requireNonNull(message, "message");
    }
  }

  /**
   * The message is not; log and count it. {@code claimedSigner} is the signer index the message
   * claims (−1 if it could not be read); with a bad signature it proves nothing about the sender.
   */
  record Refused(RejectReason reason, int claimedSigner, String detail)
      implements VerificationResult {
    public Refused {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(detail, "detail");
    }
  }
}
