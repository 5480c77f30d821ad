package org.alliancechain.consensus.message;

import java.util.List;
import java.util.Objects;

/**
 * Proof that a block was prepared in a view: the primary's signed PRE-PREPARE and at least
 * quorum − 1 matching signed PREPAREs from distinct other validators. Whether the signatures and
 * counts hold is checked by the verifier; this record only carries them.
 */
public record PreparedCertificate(SignedMessage prePrepare, List<SignedMessage> prepares) {
  public PreparedCertificate {
    Objects.requireNonNull(prePrepare, "prePrepare");
    prepares = List.copyOf(prepares);
  }

  /** The proposal the certificate is about. */
  public ConsensusMessage.PrePrepare proposal() {
    return prePrepare.as(ConsensusMessage.PrePrepare.class);
  }

  public long view() {
    return proposal().view();
  }

  public long height() {
    return proposal().height();
  }

  public Hash blockHash() {
    return proposal().blockHash();
  }

  public Hash parentHash() {
    return proposal().parentHash();
  }
}
