package org.alliancechain.consensus.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.alliancechain.consensus.Action;
import org.alliancechain.consensus.TimerKind;
import org.alliancechain.consensus.VerifiedMessage;
import org.alliancechain.consensus.codec.ConsensusCodec;
import org.alliancechain.consensus.internal.NewViewSelection.Selection;
import org.alliancechain.consensus.message.ChainBlock;
import org.alliancechain.consensus.message.ConsensusMessage.NewView;
import org.alliancechain.consensus.message.ConsensusMessage.PrePrepare;
import org.alliancechain.consensus.message.ConsensusMessage.ViewChange;
import org.alliancechain.consensus.message.Hash;
import org.alliancechain.consensus.message.PreparedCertificate;
import org.alliancechain.consensus.message.SignedMessage;

/**
 * Entering a view: the new primary's NEW-VIEW (the chain-aware selection of
 * docs/adr/0050-view-change.md over a quorum of VIEW-CHANGEs), a backup's acceptance of it, and
 * the start of the view with its re-proposals as the first instances.
 */
final class NewViews {
  private final Core core;
  private final NewViewValidator validator = new NewViewValidator();

  NewViews(Core core) {
    this.core = core;
  }

  /** The new primary, with a quorum of VIEW-CHANGEs for its view, sends the NEW-VIEW. */
  void tryNewView() {
    ViewState view = core.view;
    if (!view.changing() || !core.isPrimary() || view.newViewPending || core.out.halted()) {
      return;
    }
    List<ViewChangeVotes.Vote> votes = core.viewChanges.forView(view.view());
    if (votes.size() < core.validators.quorum()) {
      return;
    }
    votes = votes.subList(0, core.validators.quorum());
    List<SignedMessage> signedChanges = new ArrayList<>();
    List<ViewChange> viewChanges = new ArrayList<>();
    Map<Hash, ChainBlock> known = new HashMap<>();
    for (ViewChangeVotes.Vote vote : votes) {
      signedChanges.add(vote.message());
      viewChanges.add(vote.viewChange());
      known.putAll(vote.blocks());
    }
    Selection selection = NewViewSelection.select(viewChanges, core.chain.genesisHash());
    List<SignedMessage> prePrepares = new ArrayList<>();
    List<ChainBlock> blocks = new ArrayList<>();
    Hash parent = selection.baseHash();
    for (PreparedCertificate pick : selection.picks()) {
      ChainBlock block = known.get(pick.blockHash());
      SignedMessage prePrepare = core.sign(
          new PrePrepare(view.view(), pick.height(), pick.blockHash(), parent), List.of(block));
      if (prePrepare == null) {
        return;
      }
      prePrepares.add(prePrepare);
      blocks.add(block);
      parent = pick.blockHash();
    }
    SignedMessage newView =
        core.sign(new NewView(view.view(), signedChanges, prePrepares), blocks);
    if (newView == null) {
      return;
    }
    view.newViewPending = true;
    long target = view.view();
    long epoch = view.epoch();
    core.log.persist(List.of(DurableLog.viewEntry(target, false),
        DurableLog.ownMessage(newView, blocks, null)), () -> {
          core.broadcast(newView, blocks);
          if (view.epoch() == epoch) {
            enter(newView, selection, byHash(blocks), envelope(newView, blocks));
          }
        });
  }

  void onNewView(VerifiedMessage received) {
    if (!core.admit(received, validator.validate(core, received))) {
      return;
    }
    List<ViewChange> viewChanges = new ArrayList<>();
    for (SignedMessage signed : received.message().as(NewView.class).viewChanges()) {
      viewChanges.add(signed.as(ViewChange.class));
    }
    Selection selection = NewViewSelection.select(viewChanges, core.chain.genesisHash());
    enter(received.message(), selection, received.blocks(), received.envelope());
  }

  /** Enters the NEW-VIEW's view: its re-proposals become the view's first instances. */
  void enter(SignedMessage signedNewView, Selection selection, Map<Hash, ChainBlock> blocks,
      byte[] envelope) {
    NewView newView = signedNewView.as(NewView.class);
    long target = newView.view();
    boolean own = core.isValidator() && signedNewView.signer() == core.self.index();
    core.view.enter(target, selection.baseHeight(), selection.baseHash(), envelope);
    core.timers.cancel(TimerKind.VIEW_CHANGE);
    core.viewChanges.dropUpTo(target);
    core.out.add(new Action.ViewChanged(target, core.validators.primary(target)));
    if (core.isValidator()) {
      core.signer.forgetViewsBelow(target);
      if (!own) {
        core.log.persist(List.of(DurableLog.viewEntry(target, false)), () -> { });
      }
    }
    if (selection.baseHeight() > core.committed.height()) {
      core.sync.request(selection.baseHeight());
    }
    for (int i = 0; i < newView.prePrepares().size(); i++) {
      PreparedCertificate pick = selection.picks().get(i);
      long height = pick.height();
      Hash known = core.committed.hashAt(height);
      if (known != null && !known.equals(pick.blockHash())) {
        if (core.committed.commitViewAt(height) < target) {
          // A later view re-proposing something else than a committed block: beyond f faults.
          core.out.halt("NEW-VIEW for view " + target + " re-proposes block " + pick.blockHash()
              + " at height " + height + ", where " + known + " was committed in view "
              + core.committed.commitViewAt(height));
          return;
        }
        // The block was committed in a later view than this (late) NEW-VIEW: nothing to vote on.
        continue;
      }
      if (height <= core.committed.stableHeight()) {
        continue;
      }
      Instance instance = core.view.instanceOrCreate(height);
      instance.propose(newView.prePrepares().get(i), blocks.get(pick.blockHash()));
      instance.reproposed = true;
      if (own) {
        instance.prepare = Instance.Vote.DONE;
      }
    }
    for (VerifiedMessage buffered : core.future.takeView(target)) {
      core.onMessage(buffered);
    }
    core.normal.advance();
  }

  static Map<Hash, ChainBlock> byHash(List<ChainBlock> blocks) {
    Map<Hash, ChainBlock> out = new HashMap<>();
    for (ChainBlock block : blocks) {
      out.put(block.hash(), block);
    }
    return out;
  }

  static byte[] envelope(SignedMessage message, List<ChainBlock> blocks) {
    List<byte[]> encoded = new ArrayList<>();
    for (ChainBlock block : blocks) {
      encoded.add(block.encoded());
    }
    return ConsensusCodec.encodeEnvelope(message, encoded);
  }
}
