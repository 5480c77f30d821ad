package org.alliancechain.consensus.internal;

import java.util.List;
import org.alliancechain.consensus.ConsensusLogKeys;
import org.alliancechain.consensus.Event;
import org.alliancechain.consensus.VerifiedMessage;
import org.alliancechain.consensus.message.ConsensusMessage.Checkpoint;
import org.alliancechain.consensus.message.Hash;
import org.alliancechain.consensus.message.SignedMessage;

/**
 * Checkpoints every K heights: sign the state root the host reports, collect a quorum of
 * matching ones, make it stable, discard older state, and halt if this replica's own state root
 * disagrees with a stable one (its execution diverged).
 */
final class Checkpoints {
  private final Core core;
  private final CheckpointValidator validator = new CheckpointValidator();

  Checkpoints(Core core) {
    this.core = core;
  }

  void onExecuted(Event.BlockExecuted executed) {
    long height = executed.height();
    CommittedChain committed = core.committed;
    Hash known = committed.hashAt(height);
    if (known != null && !known.equals(executed.blockHash())) {
      core.out.halt("the host executed block " + executed.blockHash() + " at height " + height
          + ", but block " + known + " is committed there");
      return;
    }
    if (height == committed.stableHeight() && committed.stableRoot() != null
        && !committed.stableRoot().equals(executed.stateRoot())) {
      haltOnDivergence(height, executed.stateRoot(), committed.stableRoot());
      return;
    }
    if (height % core.parameters.checkpointInterval() != 0 || height <= committed.stableHeight()) {
      return;
    }
    core.checkpoints.recordOwnRoot(height, executed.stateRoot());
    if (core.isValidator()) {
      SignedMessage checkpoint = core.sign(
          new Checkpoint(height, executed.blockHash(), executed.stateRoot()), List.of());
      core.broadcast(checkpoint, List.of());
      core.checkpoints.add(checkpoint);
    }
    tryStable(height);
  }

  void onCheckpoint(VerifiedMessage received) {
    if (!core.admit(received, validator.validate(core, received))) {
      return;
    }
    core.checkpoints.add(received.message());
    tryStable(received.message().message().height());
  }

  /**
   * Sends this replica's checkpoints above the stable one again. A checkpoint is sent once per
   * height; if those were lost, no checkpoint becomes stable, the high watermark stays closed
   * and no new height (hence no new checkpoint) can come: resending on timeouts breaks that.
   */
  void resendOwn() {
    if (core.isValidator()) {
      for (SignedMessage own : core.checkpoints.of(core.self.index())) {
        core.broadcast(own, List.of());
      }
    }
  }

  /** Adopts a stable checkpoint proved by a VIEW-CHANGE (its proof was verified). */
  void adopt(List<SignedMessage> proof) {
    makeStable(proof);
  }

  private void tryStable(long height) {
    List<SignedMessage> proof = core.checkpoints.quorumAt(height, core.validators.quorum());
    if (proof != null) {
      makeStable(proof);
    }
  }

  private void makeStable(List<SignedMessage> proof) {
    Checkpoint checkpoint = proof.get(0).as(Checkpoint.class);
    long height = checkpoint.height();
    CommittedChain committed = core.committed;
    if (height <= committed.stableHeight()) {
      return;
    }
    Hash ownRoot = core.checkpoints.ownRoot(height);
    if (ownRoot != null && !ownRoot.equals(checkpoint.stateRoot())) {
      haltOnDivergence(height, ownRoot, checkpoint.stateRoot());
      return;
    }
    Hash known = committed.hashAt(height);
    if (known != null && !known.equals(checkpoint.blockHash())) {
      core.out.halt("a quorum checkpointed block " + checkpoint.blockHash() + " at height "
          + height + ", but this replica committed " + known);
      return;
    }
    committed.setStable(height, checkpoint.blockHash(), checkpoint.stateRoot(), proof);
    core.view.pruneUpTo(height);
    core.prepared.pruneUpTo(height);
    core.checkpoints.pruneUpTo(height);
    if (core.isValidator()) {
      core.signer.forgetHeightsUpTo(height);
      long view = core.view.view();
      core.log.persist(List.of(DurableLog.stableCheckpoint(proof)), () -> core.log.prune(
          List.of(ConsensusLogKeys.heightsUpTo(height), ConsensusLogKeys.viewsBelow(view))));
    }
    if (committed.height() < height) {
      core.sync.request(height);
    }
    core.normal.advance();
  }

  private void haltOnDivergence(long height, Hash own, Hash stable) {
    core.out.halt("execution diverged at height " + height + ": own state root " + own.toHex()
        + ", stable checkpoint state root " + stable.toHex());
  }
}
