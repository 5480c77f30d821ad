package org.alliancechain.consensus;

import org.alliancechain.consensus.message.CommittedBlock;

/**
 * A committed block whose certificate {@link CommitCertificates} checked: a quorum of valid
 * COMMIT signatures for this block's height and hash. Only that class creates one.
 */
public final class VerifiedCommittedBlock {
  private final CommittedBlock committed;

  VerifiedCommittedBlock(CommittedBlock committed) {
    this.committed = committed;
  }

  public CommittedBlock committed() {
    return committed;
  }

  public long height() {
    return committed.height();
  }

  @Override
  public String toString() {
    return "Verified[" + committed.certificate() + "]";
  }
}
