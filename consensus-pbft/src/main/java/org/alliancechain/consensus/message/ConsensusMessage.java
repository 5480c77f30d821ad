package org.alliancechain.consensus.message;

import java.util.List;

/** What a validator signs: one of the six PBFT messages. */
public sealed interface ConsensusMessage {
  /** The kind of message. */
  Phase phase();

  /**
   * The view the message belongs to: the proposal's or vote's view, the view a VIEW-CHANGE
   * asks for, the view a NEW-VIEW starts; {@code -1} for a checkpoint, which has none.
   */
  long view();

  /** The height the message is about; the stable height for a VIEW-CHANGE, 0 for NEW-VIEW. */
  long height();

  /** A vote on one block in one view: PREPARE or COMMIT. */
  sealed interface Vote extends ConsensusMessage {
    Hash blockHash();
  }

  /** The primary of {@code view} proposes the block {@code blockHash} extending {@code parentHash}. */
  record PrePrepare(long view, long height, Hash blockHash, Hash parentHash)
      implements ConsensusMessage {
    @Override
    public Phase phase() {
      return Phase.PRE_PREPARE;
    }
  }

  /** The sender accepted the PRE-PREPARE for (view, height, blockHash). */
  record Prepare(long view, long height, Hash blockHash) implements Vote {
    @Override
    public Phase phase() {
      return Phase.PREPARE;
    }
  }

  /** The sender saw the block prepared and commits to it. */
  record Commit(long view, long height, Hash blockHash) implements Vote {
    @Override
    public Phase phase() {
      return Phase.COMMIT;
    }
  }

  /** The sender executed up to {@code height}; its state root is {@code stateRoot}. */
  record Checkpoint(long height, Hash blockHash, Hash stateRoot) implements ConsensusMessage {
    @Override
    public Phase phase() {
      return Phase.CHECKPOINT;
    }

    @Override
    public long view() {
      return -1;
    }
  }

  /**
   * The sender moves to {@code newView} and reports its stable checkpoint (with the signed
   * proof, empty for height 0), the highest prepared certificate of each height it prepared but
   * did not commit, and the commit proof of each height it committed above the checkpoint.
   */
  record ViewChange(long newView, long stableHeight, List<SignedMessage> checkpointProof,
      List<PreparedCertificate> prepared, List<CommitCertificate> committed)
      implements ConsensusMessage {
    public ViewChange {
      checkpointProof = List.copyOf(checkpointProof);
      prepared = List.copyOf(prepared);
      committed = List.copyOf(committed);
    }

    @Override
    public Phase phase() {
      return Phase.VIEW_CHANGE;
    }

    @Override
    public long view() {
      return newView;
    }

    @Override
    public long height() {
      return stableHeight;
    }
  }

  /** The primary of {@code view} starts it with a quorum of VIEW-CHANGEs and its re-proposals. */
  record NewView(long view, List<SignedMessage> viewChanges, List<SignedMessage> prePrepares)
      implements ConsensusMessage {
    public NewView {
      viewChanges = List.copyOf(viewChanges);
      prePrepares = List.copyOf(prePrepares);
    }

    @Override
    public Phase phase() {
      return Phase.NEW_VIEW;
    }

    @Override
    public long height() {
      return 0;
    }
  }
}
