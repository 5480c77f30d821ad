package org.alliancechain.consensus;

import java.util.List;
import java.util.Objects;
import org.alliancechain.consensus.message.ChainBlock;
import org.alliancechain.consensus.message.CommitCertificate;
import org.alliancechain.consensus.message.Hash;

/** An output of {@link Replica#step(Event)}; the host performs them in list order. */
public sealed interface Action {
  /** Send a {@code ConsensusEnvelope} to validator {@code to}. */
  record Send(int to, byte[] envelope) implements Action {
    public Send {
      Objects.requireNonNull(envelope, "envelope");
    }
  }

  /** Send a {@code ConsensusEnvelope} to every other validator (and observers, if the host likes). */
  record Broadcast(byte[] envelope) implements Action {
    public Broadcast {
      Objects.requireNonNull(envelope, "envelope");
    }
  }

  /**
   * Write {@code entries} to the consensus log atomically and synced, then answer {@link
   * Event.Persisted} with {@code token}. What depends on them is only emitted after that.
   */
  record Persist(List<LogEntry> entries, long token) implements Action {
    public Persist {
      entries = List.copyOf(entries);
    }
  }

  /** Delete these key ranges of the consensus log; no answer is needed and losing it is harmless. */
  record PruneLog(List<KeyRange> ranges) implements Action {
    public PruneLog {
      ranges = List.copyOf(ranges);
    }
  }

  /**
   * This replica is primary of {@code view}: when the host has a block to propose at {@code
   * height} on top of {@code parentHash} (transactions waiting, or an empty block that
   * docs/adr/0002 needs), it answers {@link Event.ProposalReady}. The request stands until it is
   * answered or a newer request replaces it; the host may wait, e.g. for its execution to reach
   * {@code height − window}.
   */
  record RequestProposal(long view, long height, Hash parentHash) implements Action {
    public RequestProposal {
      Objects.requireNonNull(parentHash, "parentHash");
    }
  }

  /**
   * Check the proposed block's transactions, timestamp and execution roots, then answer {@link
   * Event.ProposalValidated}. The replica only prepares blocks the host found valid.
   */
  record ValidateProposal(long view, long height, Hash blockHash, ChainBlock block)
      implements Action {
    public ValidateProposal {
      Objects.requireNonNull(blockHash, "blockHash");
      Objects.requireNonNull(block, "block");
    }
  }

  /**
   * The block at {@code height} is committed: store it with its certificate and execute it.
   * Emitted exactly once per height, strictly in height order, also for synced blocks.
   */
  record Deliver(long height, ChainBlock block, CommitCertificate certificate) implements Action {
    public Deliver {
      Objects.requireNonNull(block, "block");
      Objects.requireNonNull(certificate, "certificate");
    }
  }

  /** Start (or restart) the timer {@code kind}; answer {@link Event.TimerFired} with {@code timerId}. */
  record SetTimer(TimerKind kind, long timerId, long delayMs) implements Action {
    public SetTimer {
      Objects.requireNonNull(kind, "kind");
    }
  }

  /** Stop the timer {@code kind}; a firing that races with this is ignored by its id anyway. */
  record CancelTimer(TimerKind kind) implements Action {
    public CancelTimer {
      Objects.requireNonNull(kind, "kind");
    }
  }

  /**
   * Others committed heights this replica lacks: fetch committed blocks from {@code fromHeight}
   * (at least up to {@code knownTipHeight}) and answer with {@link Event.SyncedBlocks}, in as
   * many batches as needed. A newer request replaces an older one.
   */
  record RequestSync(long fromHeight, long knownTipHeight) implements Action {
  }

  /** Something from {@code sender} (−1: the host or an unknown peer) was dropped; log and count it. */
  record Rejected(int sender, RejectReason reason, String detail) implements Action {
    public Rejected {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(detail, "detail");
    }
  }

  /** The replica entered {@code view}, whose primary is {@code primary}. */
  record ViewChanged(long view, int primary) implements Action {
  }

  /**
   * The replica stopped: its execution disagrees with a stable checkpoint, or a local invariant
   * broke. It ignores every later event; the node should stop loudly and show {@code reason}.
   */
  record Halt(String reason) implements Action {
    public Halt {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
