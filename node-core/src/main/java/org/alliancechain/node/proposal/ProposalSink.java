package org.alliancechain.node.proposal;

/** Where the block builder and the proposal validator send their answers (the consensus queue). */
public interface ProposalSink {
  void proposalReady(long view, long height, byte[] block);

  void proposalValidated(long view, long height, byte[] blockHash, boolean valid, String reason);
}
