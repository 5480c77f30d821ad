package org.alliancechain.consensus.internal;

import java.util.ArrayList;
import java.util.List;
import org.alliancechain.consensus.Action;
import org.alliancechain.consensus.CommitCertificates;
import org.alliancechain.consensus.Event;
import org.alliancechain.consensus.RejectReason;
import org.alliancechain.consensus.VerifiedMessage;
import org.alliancechain.consensus.message.ChainBlock;
import org.alliancechain.consensus.message.CommitCertificate;
import org.alliancechain.consensus.message.ConsensusMessage.Commit;
import org.alliancechain.consensus.message.ConsensusMessage.PrePrepare;
import org.alliancechain.consensus.message.ConsensusMessage.Prepare;
import org.alliancechain.consensus.message.ConsensusMessage.Vote;
import org.alliancechain.consensus.message.Hash;
import org.alliancechain.consensus.message.PreparedCertificate;
import org.alliancechain.consensus.message.SignedMessage;

/**
 * PRE-PREPARE → PREPARE → COMMIT on a chain, W heights in flight, delivery in height order.
 * The chain rules of docs/adr/0050-view-change.md are here: R1 in {@link #link}, R2 in {@link
 * #commitOrderHolds}.
 */
final class NormalCase {
  private final Core core;
  private final PrePrepareValidator prePrepares = new PrePrepareValidator();
  private final VoteValidator votes = new VoteValidator();

  NormalCase(Core core) {
    this.core = core;
  }

  void onPrePrepare(VerifiedMessage received) {
    if (!core.admit(received, prePrepares.validate(core, received))) {
      return;
    }
    PrePrepare prePrepare = received.message().as(PrePrepare.class);
    core.view.instanceOrCreate(prePrepare.height())
        .propose(received.message(), received.blocks().get(prePrepare.blockHash()));
    advance();
  }

  void onVote(VerifiedMessage received) {
    if (!core.admit(received, votes.validate(core, received))) {
      return;
    }
    Vote vote = (Vote) received.message().message();
    Instance instance = core.view.instanceOrCreate(vote.height());
    (vote instanceof Prepare ? instance.prepares : instance.commits)
        .put(received.sender(), received.message());
    advance();
  }

  void onValidated(Event.ProposalValidated validated) {
    Instance instance = core.view.instance(validated.height());
    if (!core.view.active(validated.view()) || instance == null
        || instance.validation != Instance.Validation.PENDING
        || !validated.blockHash().equals(instance.proposalHash())) {
      return;
    }
    if (validated.valid()) {
      instance.validation = Instance.Validation.VALID;
    } else {
      instance.validation = Instance.Validation.INVALID;
      core.out.reject(core.primary(), RejectReason.INVALID_PROPOSAL, "block "
          + validated.blockHash() + " at height " + validated.height() + ": " + validated.reason());
    }
    advance();
  }

  /** Moves every instance as far as the rules allow, in height order, then delivers. */
  void advance() {
    for (Instance instance : new ArrayList<>(core.view.instances())) {
      if (core.out.halted()) {
        return;
      }
      link(instance);
      requestValidation(instance);
      maybePrepare(instance);
      maybeCommit(instance);
    }
    deliverReady();
    core.proposer.maybePropose();
    core.refreshProgressTimer(false);
  }

  /** R1: a proposal is accepted only if it extends what this replica holds at the height below. */
  private void link(Instance instance) {
    if (instance.proposal == null) {
      return;
    }
    if (instance.acceptedHash != null) {
      if (!instance.acceptedHash.equals(instance.proposalHash())) {
        // Only after a restart: this replica had accepted another block here in this view.
        core.out.reject(instance.proposal.signer(), RejectReason.EQUIVOCATION, "proposal "
            + instance.proposalHash() + " at height " + instance.height
            + " differs from the block accepted before a restart " + instance.acceptedHash);
        instance.dropProposal();
      }
      return;
    }
    Hash below = core.acceptedHashAt(instance.height - 1);
    if (below == null) {
      return;
    }
    PrePrepare proposal = instance.proposalMessage();
    if (!below.equals(proposal.parentHash())) {
      core.out.reject(instance.proposal.signer(), RejectReason.PARENT_MISMATCH, "proposal "
          + proposal.blockHash() + " at height " + instance.height + " extends "
          + proposal.parentHash() + ", this replica holds " + below + " below it");
      instance.dropProposal();
      return;
    }
    instance.acceptedHash = proposal.blockHash();
  }

  private void requestValidation(Instance instance) {
    if (instance.acceptedHash == null || instance.validation != Instance.Validation.NONE) {
      return;
    }
    if (instance.reproposed || !core.isValidator() || core.isPrimary()) {
      // Re-proposals are certified by a quorum that validated them; the primary built its own.
      instance.validation = Instance.Validation.VALID;
      return;
    }
    if (instance.block != null) {
      instance.validation = Instance.Validation.PENDING;
      core.out.add(new Action.ValidateProposal(core.view.view(), instance.height,
          instance.acceptedHash, instance.block));
    }
  }

  private void maybePrepare(Instance instance) {
    if (!core.isValidator() || core.isPrimary() || instance.prepare != Instance.Vote.NONE
        || instance.validation != Instance.Validation.VALID || !prepareOrderHolds(instance.height)) {
      return;
    }
    SignedMessage prepare = core.sign(
        new Prepare(core.view.view(), instance.height, instance.acceptedHash), List.of());
    if (prepare == null) {
      return;
    }
    instance.prepare = Instance.Vote.PENDING;
    core.persistThenBroadcast(List.of(DurableLog.ownMessage(prepare, List.of(), null)), prepare,
        List.of(), () -> {
          instance.prepare = Instance.Vote.DONE;
          instance.prepares.put(prepare.signer(), prepare);
          advance();
        });
  }

  /** A block is prepared only after the one below it was, so an invalid parent stops its children. */
  private boolean prepareOrderHolds(long height) {
    if (core.committed.hashAt(height - 1) != null || core.view.anchorAt(height - 1) != null) {
      return true;
    }
    Instance below = core.view.instance(height - 1);
    return below != null && below.prepare != Instance.Vote.NONE;
  }

  private void maybeCommit(Instance instance) {
    if (!core.isValidator() || instance.commit != Instance.Vote.NONE
        || instance.prepare != Instance.Vote.DONE || instance.proposal == null
        || instance.validation != Instance.Validation.VALID
        || !instance.proposalHash().equals(instance.acceptedHash)) {
      return;
    }
    List<SignedMessage> matching = instance.preparesFor(instance.acceptedHash, core.primary());
    int needed = core.validators.quorum() - 1;
    if (matching.size() < needed
        || !commitOrderHolds(instance.height, instance.proposalMessage().parentHash())) {
      return;
    }
    PreparedCertificate certificate =
        new PreparedCertificate(instance.proposal, matching.subList(0, needed));
    SignedMessage commit = core.sign(
        new Commit(core.view.view(), instance.height, instance.acceptedHash), List.of());
    if (commit == null) {
      return;
    }
    instance.commit = Instance.Vote.PENDING;
    core.prepared.record(certificate, instance.block);
    core.persistThenBroadcast(
        List.of(DurableLog.ownMessage(commit, List.of(instance.block), certificate)), commit,
        List.of(), () -> {
          instance.commit = Instance.Vote.DONE;
          instance.commits.put(commit.signer(), commit);
          advance();
        });
  }

  /**
   * R2: COMMIT at h only after COMMIT for its parent at h − 1 in this view, or when the parent
   * is final (committed here, the stable checkpoint, or the NEW-VIEW's base).
   */
  private boolean commitOrderHolds(long height, Hash parent) {
    Hash finalBelow = core.committed.hashAt(height - 1);
    if (finalBelow == null) {
      finalBelow = core.view.anchorAt(height - 1);
    }
    if (finalBelow != null) {
      return finalBelow.equals(parent);
    }
    Instance below = core.view.instance(height - 1);
    return below != null && below.commit != Instance.Vote.NONE && parent.equals(below.acceptedHash);
  }

  /** Delivers the next heights whose quorum of COMMITs is in, strictly in order. */
  private void deliverReady() {
    while (!core.out.halted()) {
      long next = core.committed.height() + 1;
      Instance instance = core.view.instance(next);
      Hash hash = instance == null ? null : instance.committedHash(core.validators.quorum());
      if (hash == null) {
        return;
      }
      ChainBlock block = hash.equals(instance.proposalHash()) ? instance.block : null;
      if (block == null) {
        core.sync.request(next);
        return;
      }
      if (!block.parentHash().equals(core.committed.tipHash())) {
        core.out.halt("a quorum committed block " + hash + " at height " + next + " on parent "
            + block.parentHash() + ", but this replica committed " + core.committed.tipHash());
        return;
      }
      CommitCertificate certificate = CommitCertificates.assemble(core.validators, next,
          core.view.view(), hash, instance.commitsFor(hash));
      core.deliver(block, certificate);
    }
  }
}
