package org.alliancechain.consensus.internal;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.alliancechain.consensus.Action;
import org.alliancechain.consensus.LogEntry;
import org.alliancechain.consensus.RestoredState;
import org.alliancechain.consensus.codec.BlockCodec;
import org.alliancechain.consensus.codec.DecodeException;
import org.alliancechain.consensus.codec.LogRecordCodec;
import org.alliancechain.consensus.codec.LogRecordCodec.LogRecord;
import org.alliancechain.consensus.codec.LogRecordCodec.OwnMessage;
import org.alliancechain.consensus.internal.NewViewSelection.Selection;
import org.alliancechain.consensus.message.ChainBlock;
import org.alliancechain.consensus.message.ConsensusMessage;
import org.alliancechain.consensus.message.ConsensusMessage.Checkpoint;
import org.alliancechain.consensus.message.ConsensusMessage.NewView;
import org.alliancechain.consensus.message.ConsensusMessage.ViewChange;
import org.alliancechain.consensus.message.Phase;
import org.alliancechain.consensus.message.SignedMessage;

/**
 * Rebuilds the replica from block storage's tip and its durable log, then resumes: resends
 * what it had signed in its view (the same bytes, so never a second value), re-arms timers.
 */
final class Restorer {
  private Restorer() {
  }

  static void restore(Core core, RestoredState state) {
    if (state.committedTip() != null) {
      core.committed.restoreTip(state.committedTip().block(), state.committedTip().certificate());
    }
    List<LogRecord> records = new ArrayList<>();
    for (LogEntry entry : state.log()) {
      records.add(decode(entry));
    }
    for (LogRecord record : records) {
      if (record instanceof LogRecordCodec.StableCheckpoint stable && !stable.proof().isEmpty()) {
        Checkpoint checkpoint = stable.proof().get(0).as(Checkpoint.class);
        core.committed.setStable(checkpoint.height(), checkpoint.blockHash(),
            checkpoint.stateRoot(), stable.proof());
      } else if (record instanceof LogRecordCodec.ViewEntry view) {
        core.view.restore(view.view(), view.changing());
      }
    }
    if (core.isValidator()) {
      for (LogRecord record : records) {
        if (record instanceof OwnMessage own) {
          restoreOwn(core, own, blocks(core, own));
        }
      }
    }
  }

  private static LogRecord decode(LogEntry entry) {
    try {
      return LogRecordCodec.decode(entry.value());
    } catch (DecodeException e) {
      throw new IllegalStateException("consensus log entry " + HexFormat.of().formatHex(entry.key())
          + " is corrupt: " + e.getMessage(), e);
    }
  }

  private static List<ChainBlock> blocks(Core core, OwnMessage own) {
    List<ChainBlock> out = new ArrayList<>();
    for (byte[] encoded : own.blocks()) {
      try {
        out.add(BlockCodec.decode(encoded, core.chain.hashAlgorithm(), core.chain.chainId()));
      } catch (DecodeException e) {
        throw new IllegalStateException("consensus log holds a corrupt block beside "
            + own.message() + ": " + e.getMessage(), e);
      }
    }
    return out;
  }

  private static void restoreOwn(Core core, OwnMessage own, List<ChainBlock> blocks) {
    SignedMessage message = own.message();
    ConsensusMessage content = message.message();
    long view = core.view.view();
    boolean perHeight = DurableLog.isVote(content.phase());
    if (perHeight && content.height() <= core.committed.stableHeight()
        || !perHeight && content.view() < view) {
      return;
    }
    if (own.prepared() != null && content.height() > core.committed.height()) {
      core.prepared.record(own.prepared(), blocks.get(0));
    }
    if (content.view() != view) {
      return;
    }
    core.signer.restore(message, blocks);
    if (content instanceof ViewChange && core.view.changing()) {
      core.viewChanges.put(message, NewViews.byHash(blocks));
    } else if (content instanceof NewView newView && !core.view.changing()) {
      restoreNewView(core, message, newView, blocks);
    } else if (perHeight && !core.view.changing() && content.height() > core.committed.height()) {
      restoreVote(core, own, blocks);
    }
  }

  private static void restoreVote(Core core, OwnMessage own, List<ChainBlock> blocks) {
    SignedMessage message = own.message();
    Instance instance = core.view.instanceOrCreate(message.message().height());
    if (message.phase() == Phase.PRE_PREPARE) {
      instance.propose(message, blocks.get(0));
      instance.acceptedHash = blocks.get(0).hash();
      instance.validation = Instance.Validation.VALID;
      instance.prepare = Instance.Vote.DONE;
    } else if (message.phase() == Phase.PREPARE) {
      instance.acceptedHash = ((ConsensusMessage.Vote) message.message()).blockHash();
      instance.prepare = Instance.Vote.DONE;
      instance.prepares.put(message.signer(), message);
    } else {
      instance.propose(own.prepared().prePrepare(), blocks.get(0));
      instance.acceptedHash = own.prepared().blockHash();
      instance.validation = Instance.Validation.VALID;
      instance.prepare = Instance.Vote.DONE;
      for (SignedMessage prepare : own.prepared().prepares()) {
        instance.prepares.put(prepare.signer(), prepare);
      }
      instance.commit = Instance.Vote.DONE;
      instance.commits.put(message.signer(), message);
    }
  }

  private static void restoreNewView(Core core, SignedMessage message, NewView newView,
      List<ChainBlock> blocks) {
    List<ViewChange> viewChanges = new ArrayList<>();
    for (SignedMessage signed : newView.viewChanges()) {
      viewChanges.add(signed.as(ViewChange.class));
    }
    Selection selection = NewViewSelection.select(viewChanges, core.chain.genesisHash());
    core.view.restoreNewView(selection.baseHeight(), selection.baseHash(),
        NewViews.envelope(message, blocks));
    for (int i = 0; i < newView.prePrepares().size(); i++) {
      SignedMessage prePrepare = newView.prePrepares().get(i);
      core.signer.restore(prePrepare, List.of(blocks.get(i)));
      long height = prePrepare.message().height();
      if (height > core.committed.height()) {
        Instance instance = core.view.instanceOrCreate(height);
        if (instance.proposal == null) {
          instance.propose(prePrepare, blocks.get(i));
          instance.reproposed = true;
          instance.prepare = Instance.Vote.DONE;
        }
      }
    }
  }

  /** After construction: resend own messages of the current view, re-arm timers, ask for sync. */
  static void resume(Core core) {
    ViewState view = core.view;
    if (core.isValidator() && view.changing()) {
      Signer.Signed viewChange =
          core.signer.signedFor(new Signer.Slot(Phase.VIEW_CHANGE, view.view(), 0));
      if (viewChange == null) {
        core.consecutiveViewChanges--;
        core.changes.start(view.view());
        return;
      }
      core.broadcast(viewChange.message(), viewChange.blocks());
      core.consecutiveViewChanges = 1;
      core.timers.set(org.alliancechain.consensus.TimerKind.VIEW_CHANGE, core.timeoutMs());
    } else {
      core.out.add(new Action.ViewChanged(view.view(), core.primary()));
      if (core.isPrimary() && view.newViewEnvelope() != null) {
        core.out.add(new Action.Broadcast(view.newViewEnvelope()));
      }
      if (core.isValidator()) {
        for (Signer.Signed signed : core.signer.votesOfView(view.view())) {
          if (signed.message().message().height() > core.committed.height()) {
            boolean withBlock = signed.message().phase() == Phase.PRE_PREPARE;
            core.broadcast(signed.message(), withBlock ? signed.blocks() : List.of());
          }
        }
      }
    }
    if (core.committed.stableHeight() > core.committed.height()) {
      core.sync.request(core.committed.stableHeight());
    }
    core.normal.advance();
  }
}
