package org.alliancechain.consensus.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.alliancechain.consensus.message.ChainBlock;
import org.alliancechain.consensus.message.ConsensusMessage;
import org.alliancechain.consensus.message.Hash;
import org.alliancechain.consensus.message.SignedMessage;

/** The agreement on one height in the current view: the proposal, the votes, our own progress. */
final class Instance {
  enum Validation { NONE, PENDING, VALID, INVALID }

  enum Vote { NONE, PENDING, DONE }

  final long height;
  SignedMessage proposal;
  ChainBlock block;
  /** The hash this replica accepted at this height (linked to the height below), or null. */
  Hash acceptedHash;
  /** Whether the proposal came from a NEW-VIEW (certified, no host validation needed). */
  boolean reproposed;
  Validation validation = Validation.NONE;
  /** Own PREPARE for a backup, own PRE-PREPARE for the primary. */
  Vote prepare = Vote.NONE;
  Vote commit = Vote.NONE;
  final Map<Integer, SignedMessage> prepares = new TreeMap<>();
  final Map<Integer, SignedMessage> commits = new TreeMap<>();

  Instance(long height) {
    this.height = height;
  }

  ConsensusMessage.PrePrepare proposalMessage() {
    return proposal == null ? null : proposal.as(ConsensusMessage.PrePrepare.class);
  }

  Hash proposalHash() {
    return proposal == null ? null : proposalMessage().blockHash();
  }

  void propose(SignedMessage prePrepare, ChainBlock proposedBlock) {
    proposal = prePrepare;
    block = proposedBlock;
  }

  /** Drops a proposal that does not extend our chain; the votes stay. */
  void dropProposal() {
    proposal = null;
    block = null;
  }

  /** PREPAREs for {@code hash}, from distinct senders other than {@code primary}. */
  List<SignedMessage> preparesFor(Hash hash, int primary) {
    List<SignedMessage> out = new ArrayList<>();
    for (SignedMessage prepare : prepares.values()) {
      if (prepare.signer() != primary
          && ((ConsensusMessage.Vote) prepare.message()).blockHash().equals(hash)) {
        out.add(prepare);
      }
    }
    return out;
  }

  /** COMMITs for {@code hash}. */
  List<SignedMessage> commitsFor(Hash hash) {
    List<SignedMessage> out = new ArrayList<>();
    for (SignedMessage commit : commits.values()) {
      if (((ConsensusMessage.Vote) commit.message()).blockHash().equals(hash)) {
        out.add(commit);
      }
    }
    return out;
  }

  /** The hash that {@code quorum} COMMITs agree on, or null. */
  Hash committedHash(int quorum) {
    Map<Hash, Integer> counts = new TreeMap<>();
    for (SignedMessage commit : commits.values()) {
      Hash hash = ((ConsensusMessage.Vote) commit.message()).blockHash();
      if (counts.merge(hash, 1, Integer::sum) >= quorum) {
        return hash;
      }
    }
    return null;
  }

  int messageCount() {
    return prepares.size() + commits.size() + (proposal == null ? 0 : 1);
  }
}
