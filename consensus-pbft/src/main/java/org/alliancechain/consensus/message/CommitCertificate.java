package org.alliancechain.consensus.message;

import java.util.List;
import java.util.Objects;

/**
 * Proof that a block was committed: at least a quorum of signed COMMITs for (height, view, block
 * hash) from distinct validators, with their exact signed bytes. {@code CommitCertificates}
 * builds and verifies them; this record only carries them.
 */
public record CommitCertificate(long height, long view, Hash blockHash, List<SignedMessage> commits) {
  public CommitCertificate {
    Objects.requireNonNull(blockHash, "blockHash");
    commits = List.copyOf(commits);
  }

  @Override
  public String toString() {
    return "CommitCertificate[" + height + " view " + view + " " + blockHash + ", "
        + commits.size() + " commits]";
  }
}
