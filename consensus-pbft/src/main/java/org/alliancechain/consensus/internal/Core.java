package org.alliancechain.consensus.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.alliancechain.consensus.Action;
import org.alliancechain.consensus.BufferUsage;
import org.alliancechain.consensus.ChainContext;
import org.alliancechain.consensus.ConsensusParameters;
import org.alliancechain.consensus.Event;
import org.alliancechain.consensus.LocalValidator;
import org.alliancechain.consensus.LogEntry;
import org.alliancechain.consensus.RejectReason;
import org.alliancechain.consensus.ReplicaStatus;
import org.alliancechain.consensus.RestoredState;
import org.alliancechain.consensus.TimerKind;
import org.alliancechain.consensus.ValidatorSet;
import org.alliancechain.consensus.VerifiedMessage;
import org.alliancechain.consensus.codec.ConsensusCodec;
import org.alliancechain.consensus.message.ChainBlock;
import org.alliancechain.consensus.message.CommitCertificate;
import org.alliancechain.consensus.message.ConsensusMessage;
import org.alliancechain.consensus.message.Hash;
import org.alliancechain.consensus.message.SignedMessage;

/**
 * The replica's state and event dispatch; the protocol lives in the handlers it owns
 * ({@link NormalCase}, {@link Proposer}, {@link ViewChanges}, {@link NewViews}, {@link Checkpoints}, {@link
 * BlockSync}). Used only through {@code org.alliancechain.consensus.Replica}.
 */
public final class Core {
  final ChainContext chain;
  final ValidatorSet validators;
  final ConsensusParameters parameters;
  final LocalValidator self;
  final Signer signer;
  final Outbox out = new Outbox();
  final Timers timers = new Timers(out);
  final DurableLog log = new DurableLog(out);
  final CommittedChain committed;
  final ViewState view = new ViewState();
  final PreparedLog prepared = new PreparedLog();
  final CheckpointVotes checkpoints;
  final ViewChangeVotes viewChanges = new ViewChangeVotes();
  final FutureMessages future;
  final NormalCase normal = new NormalCase(this);
  final Proposer proposer = new Proposer(this);
  final ViewChanges changes = new ViewChanges(this);
  final NewViews newViews = new NewViews(this);
  final Checkpoints checkpointing = new Checkpoints(this);
  final BlockSync sync = new BlockSync(this);
  boolean workPending;
  int consecutiveViewChanges;

  /** A replica of {@code chain}; {@code self} is null for an observer, which never votes. */
  public Core(ChainContext chain, ConsensusParameters parameters, LocalValidator self,
      RestoredState restored) {
    this.chain = chain;
    this.validators = chain.validators();
    this.parameters = parameters.validate();
    this.self = self;
    if (self != null && (!validators.contains(self.index())
        || !validators.key(self.index()).equals(self.key().publicKey()))) {
      throw new IllegalArgumentException("local validator " + self.index()
          + " does not hold the genesis key of that index");
    }
    this.signer = self == null ? null : new Signer(self, chain.chainId());
    this.committed = new CommittedChain(chain.genesisHash(),
        parameters.logHeightsMax() + parameters.window() + 1);
    this.checkpoints = new CheckpointVotes(parameters.checkpointHeightsPerSenderMax());
    this.future = new FutureMessages(parameters.futureMessagesPerSenderMax());
    Restorer.restore(this, restored);
  }

  /** The first actions after construction: resend what the log holds, arm timers, ask for sync. */
  public List<Action> start() {
    guarded(() -> Restorer.resume(this));
    return out.drain();
  }

  public List<Action> step(Event event) {
    if (out.halted()) {
      return List.of();
    }
    guarded(() -> dispatch(event));
    return out.drain();
  }

  private void guarded(Runnable work) {
    try {
      work.run();
    } catch (RuntimeException e) {
      out.halt("local invariant broke in view " + view.view() + " at height "
          + committed.height() + ": " + e);
    }
  }

  private void dispatch(Event event) {
    if (event instanceof Event.MessageReceived received) {
      onMessage(received.message());
    } else if (event instanceof Event.TimerFired fired) {
      if (timers.fire(fired.kind(), fired.timerId())) {
        changes.onTimeout(fired.kind());
      }
    } else if (event instanceof Event.WorkPending pending) {
      workPending = pending.pending();
      normal.advance();
    } else if (event instanceof Event.ProposalReady ready) {
      proposer.onProposalReady(ready);
    } else if (event instanceof Event.ProposalValidated validated) {
      normal.onValidated(validated);
    } else if (event instanceof Event.Persisted persisted) {
      log.onPersisted(persisted.token());
    } else if (event instanceof Event.BlockExecuted executed) {
      checkpointing.onExecuted(executed);
    } else if (event instanceof Event.SyncedBlocks synced) {
      sync.onSynced(synced);
    }
  }

  void onMessage(VerifiedMessage received) {
    if (self != null && received.sender() == self.index()) {
      return;
    }
    ConsensusMessage message = received.message().message();
    if (message instanceof ConsensusMessage.PrePrepare) {
      normal.onPrePrepare(received);
    } else if (message instanceof ConsensusMessage.Vote) {
      normal.onVote(received);
    } else if (message instanceof ConsensusMessage.Checkpoint) {
      checkpointing.onCheckpoint(received);
    } else if (message instanceof ConsensusMessage.ViewChange) {
      changes.onViewChange(received);
    } else if (message instanceof ConsensusMessage.NewView) {
      newViews.onNewView(received);
    }
  }

  /** Applies a validator's verdict; true if the message should be processed now. */
  boolean admit(VerifiedMessage received, Verdict verdict) {
    switch (verdict.kind()) {
      case ACCEPT:
        return true;
      case BUFFER:
        if (!future.add(received)) {
          out.reject(received.sender(), RejectReason.BUFFER_FULL,
              "future-view buffer full for this sender; dropped its oldest message");
        }
        return false;
      case REJECT:
        out.reject(received.sender(), verdict.reason(), verdict.detail());
        return false;
      default:
        return false;
    }
  }

  boolean isValidator() {
    return self != null;
  }

  boolean isPrimary() {
    return self != null && validators.primary(view.view()) == self.index();
  }

  int primary() {
    return validators.primary(view.view());
  }

  /** The highest height that may be proposed or voted on: stable checkpoint + L. */
  long highWatermark() {
    return committed.stableHeight() + parameters.logHeightsMax();
  }

  /** The hash this replica holds at {@code height}: final, the view's anchor, or accepted. */
  Hash acceptedHashAt(long height) {
    Hash known = committed.hashAt(height);
    if (known != null) {
      return known;
    }
    Hash anchor = view.anchorAt(height);
    if (anchor != null) {
      return anchor;
    }
    Instance instance = view.instance(height);
    return instance == null ? null : instance.acceptedHash;
  }

  /** The timeout after {@link #consecutiveViewChanges} view changes without a commit. */
  long timeoutMs() {
    int doublings = Math.min(consecutiveViewChanges, 30);
    long timeout = parameters.viewChangeTimeoutBaseMs() << doublings;
    return timeout <= 0 ? parameters.viewChangeTimeoutMaxMs()
        : Math.min(timeout, parameters.viewChangeTimeoutMaxMs());
  }

  /** Signs {@code message}; halts and returns null if that would sign a second value for a slot. */
  SignedMessage sign(ConsensusMessage message, List<ChainBlock> blocks) {
    SignedMessage signed = signer.sign(message, blocks);
    if (signed == null) {
      out.halt("refusing to sign " + message + ": a different message of that view, height and "
          + "phase was signed before");
    }
    return signed;
  }

  void broadcast(SignedMessage message, List<ChainBlock> blocks) {
    List<byte[]> encoded = new ArrayList<>(blocks.size());
    for (ChainBlock block : blocks) {
      encoded.add(block.encoded());
    }
    out.add(new Action.Broadcast(ConsensusCodec.encodeEnvelope(message, encoded)));
  }

  /**
   * Persists {@code entries}, then broadcasts {@code message}; {@code then} runs afterwards only
   * if the view did not change meanwhile.
   */
  void persistThenBroadcast(List<LogEntry> entries, SignedMessage message, List<ChainBlock> blocks,
      Runnable then) {
    long epoch = view.epoch();
    log.persist(entries, () -> {
      broadcast(message, blocks);
      if (view.epoch() == epoch) {
        then.run();
      }
    });
  }

  /** Hands a committed block to the host and moves the tip. */
  void deliver(ChainBlock block, CommitCertificate certificate) {
    out.add(new Action.Deliver(block.height(), block, certificate));
    committed.append(block, certificate);
    prepared.pruneUpTo(block.height());
    view.forgetContacts();
    consecutiveViewChanges = 0;
    refreshProgressTimer(true);
  }

  /**
   * Runs the progress timer while the replica waits for something (work pending, or an accepted
   * proposal above the tip), restarting it when a commit made progress. Votes alone do not arm
   * it: any backup can send them, and a faulty one must not force view changes on an idle chain.
   */
  void refreshProgressTimer(boolean progressed) {
    if (self == null || view.changing()) {
      return;
    }
    boolean waiting = workPending;
    for (Instance instance : view.instances()) {
      waiting |= instance.height > committed.height() && instance.acceptedHash != null;
    }
    if (!waiting) {
      timers.cancel(TimerKind.PROGRESS);
    } else if (progressed || !timers.armed(TimerKind.PROGRESS)) {
      timers.set(TimerKind.PROGRESS, timeoutMs());
    }
  }

  public ReplicaStatus status() {
    List<ReplicaStatus.InFlight> inFlight = new ArrayList<>();
    for (Instance instance : view.instances()) {
      if (instance.height > committed.height() && instance.acceptedHash != null) {
        String phase = instance.commit != Instance.Vote.NONE ? "prepared" : "pre-prepared";
        inFlight.add(new ReplicaStatus.InFlight(instance.height, phase, instance.acceptedHash));
      }
    }
    return new ReplicaStatus(view.view(), primary(), view.changing(), committed.height(),
        committed.tipHash(), committed.stableHeight(), inFlight, out.halted(), out.haltReason());
  }

  public Map<RejectReason, Long> rejections() {
    return out.rejections();
  }

  public BufferUsage bufferUsage() {
    return new BufferUsage(view.size(), view.messageCount(), future.size(), viewChanges.size(),
        checkpoints.size(), prepared.size(), signer == null ? 0 : signer.size(),
        committed.recentSize(), log.pending());
  }
}
