package org.alliancechain.node.consensus;

import java.util.List;
import org.alliancechain.consensus.KeyRange;
import org.alliancechain.consensus.LogEntry;
import org.alliancechain.consensus.message.ChainBlock;
import org.alliancechain.consensus.message.CommitCertificate;

/**
 * The node's side of the replica's actions. The driver calls these on the consensus thread:
 * each must hand its work to another thread and return at once.
 */
public interface ConsensusHost {
  void send(int validator, byte[] envelope);

  void broadcast(byte[] envelope);

  /** Write durably (synced), in order, then call {@code done}; on failure, halt the node. */
  void persist(List<LogEntry> entries, Runnable done);

  void prune(List<KeyRange> ranges);

  void requestProposal(long view, long height, byte[] parentHash);

  void validateProposal(long view, long height, byte[] blockHash, ChainBlock block);

  void deliver(long height, ChainBlock block, CommitCertificate certificate);

  void requestSync(long fromHeight, long knownTipHeight);

  void halt(String reason);
}
