package org.alliancechain.consensus.message;

import java.util.Objects;

/** A committed block with its commit certificate, as storage keeps it and block sync carries it. */
public record CommittedBlock(ChainBlock block, CommitCertificate certificate) {
  public CommittedBlock {
    Objects.requireNonNull(block, "block");
    Objects.requireNonNull(certificate, "certificate");
  }

  public long height() {
    return block.height();
  }
}
