package org.alliancechain.consensus;

import java.util.List;
import java.util.Objects;
import org.alliancechain.consensus.message.Hash;

/** An input of {@link Replica#step(Event)}. */
public sealed interface Event {
  /** A message from a peer, already checked by {@link MessageVerifier}. */
  record MessageReceived(VerifiedMessage message) implements Event {
    public MessageReceived {
      Objects.requireNonNull(message, "message");
    }
  }

  /** A timer set by {@link Action.SetTimer} expired; {@code timerId} is the id it was set with. */
  record TimerFired(TimerKind kind, long timerId) implements Event {
    public TimerFired {
      Objects.requireNonNull(kind, "kind");
    }
  }

  /**
   * Whether the host has transactions waiting to be ordered. Report every change (empty to
   * non-empty and back); repeating the current value is harmless.
   */
  record WorkPending(boolean pending) implements Event {
  }

  /** The host's answer to {@link Action.RequestProposal}: a serialized {@code Block}. */
  record ProposalReady(long view, long height, byte[] block) implements Event {
    public ProposalReady {
      Objects.requireNonNull(block, "block");
    }
  }

  /** The host's answer to {@link Action.ValidateProposal}; {@code reason} explains an invalid block. */
  record ProposalValidated(long view, long height, Hash blockHash, boolean valid, String reason)
      implements Event {
    public ProposalValidated {
      Objects.requireNonNull(blockHash, "blockHash");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** The records of {@link Action.Persist} with this token are durable. */
  record Persisted(long token) implements Event {
  }

  /**
   * The host executed the block {@code blockHash} at {@code height}; the state root after it.
   * Report every executed height; after a start, also report again the checkpoint heights
   * (multiples of K) among the last {@code logHeightsMax} executed ones, so that a restart
   * never loses this validator's checkpoint votes.
   */
  record BlockExecuted(long height, Hash blockHash, Hash stateRoot) implements Event {
    public BlockExecuted {
      Objects.requireNonNull(blockHash, "blockHash");
      Objects.requireNonNull(stateRoot, "stateRoot");
    }
  }

  /**
   * Committed blocks that block sync fetched, in height order, each checked by {@link
   * CommitCertificates#verify(org.alliancechain.consensus.message.CommittedBlock)}.
   */
  record SyncedBlocks(List<VerifiedCommittedBlock> blocks) implements Event {
    public SyncedBlocks {
      blocks = List.copyOf(blocks);
    }
  }
}
