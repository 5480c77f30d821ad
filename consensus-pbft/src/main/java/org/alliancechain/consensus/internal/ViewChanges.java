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
import org.alliancechain.consensus.message.CommitCertificate;
import org.alliancechain.consensus.message.ConsensusMessage.NewView;
import org.alliancechain.consensus.message.ConsensusMessage.PrePrepare;
import org.alliancechain.consensus.message.ConsensusMessage.ViewChange;
import org.alliancechain.consensus.message.Hash;
import org.alliancechain.consensus.message.Phase;
import org.alliancechain.consensus.message.PreparedCertificate;
import org.alliancechain.consensus.message.SignedMessage;

/**
 * View changes: timeouts with capped exponential back-off, VIEW-CHANGE, the f + 1 join rule,
 * the new primary's NEW-VIEW (chain-aware selection, docs/adr/0050-view-change.md) and entering
 * a view.
 */
final class ViewChanges {
  private final Core core;
  private final ViewChangeValidator viewChangeValidator = new ViewChangeValidator();
  private final NewViewValidator newViewValidator = new NewViewValidator();
  /** The latest (view, height) of each validator seen in normal-case messages of later views. */
  private final Map<Integer, long[]> laterViews = new java.util.TreeMap<>();

  ViewChanges(Core core) {
    this.core = core;
  }

  void onTimeout(TimerKind kind) {
    if (kind == TimerKind.PROGRESS) {
      core.sync.retry();
      start(core.view.view() + 1);
    } else if (core.viewChanges.forView(core.view.view()).size() >= core.validators.quorum()) {
      start(core.view.view() + 1);
    } else {
      resendViewChange();
    }
  }

  /**
   * PBFT moves past a view only after a quorum asked for it, so that a minority cut off from
   * the rest never runs ahead through views the others cannot reach. Until then the replica
   * resends its VIEW-CHANGE each timeout: messages lost in a partition are not lost forever.
   */
  private void resendViewChange() {
    Signer.Signed own = core.signer.signedFor(new Signer.Slot(Phase.VIEW_CHANGE, core.view.view(), 0));
    if (own != null) {
      core.broadcast(own.message(), own.blocks());
    }
    core.timers.set(TimerKind.VIEW_CHANGE, core.timeoutMs());
  }

  /** Leaves the current view for {@code target}: persist and broadcast our VIEW-CHANGE. */
  void start(long target) {
    if (!core.isValidator()) {
      return;
    }
    core.consecutiveViewChanges++;
    core.view.beginChange(target);
    core.signer.forgetViewsBelow(target);
    core.timers.cancel(TimerKind.PROGRESS);
    Signer.Signed signed = core.signer.signedFor(new Signer.Slot(Phase.VIEW_CHANGE, target, 0));
    if (signed == null) {
      signed = buildViewChange(target);
    }
    SignedMessage viewChange = signed.message();
    List<ChainBlock> blocks = signed.blocks();
    core.persistThenBroadcast(List.of(DurableLog.viewEntry(target, true),
        DurableLog.ownMessage(viewChange, blocks, null)), viewChange, blocks, () -> {
          core.viewChanges.put(viewChange, byHash(blocks));
          tryNewView();
        });
    core.timers.set(TimerKind.VIEW_CHANGE, core.timeoutMs());
  }

  private Signer.Signed buildViewChange(long target) {
    CommittedChain committed = core.committed;
    List<CommitCertificate> commitProof = new ArrayList<>();
    long base = committed.stableHeight();
    CommitCertificate tip = committed.tipCertificate();
    if (tip != null && tip.height() > base) {
      commitProof.add(tip);
      base = tip.height();
    }
    List<PreparedCertificate> certificates = new ArrayList<>();
    List<ChainBlock> blocks = new ArrayList<>();
    for (PreparedLog.Entry entry : core.prepared.above(base)) {
      certificates.add(entry.certificate());
      blocks.add(entry.block());
    }
    ViewChange viewChange = new ViewChange(target, committed.stableHeight(),
        committed.stableProof(), certificates, commitProof);
    return new Signer.Signed(core.sign(viewChange, blocks), blocks);
  }

  void onViewChange(VerifiedMessage received) {
    ViewChange viewChange = received.message().as(ViewChange.class);
    Verdict verdict = viewChangeValidator.validate(core, received);
    if (!verdict.accepted() && viewChange.newView() < core.view.view()) {
      helpLaggard(received.sender());
    }
    if (!core.admit(received, verdict)) {
      return;
    }
    core.viewChanges.put(received.message(), received.blocks());
    learnFinality(viewChange);
    long backed = core.viewChanges.viewBackedBy(core.validators.weakQuorum(),
        core.isValidator() ? core.self.index() : -1);
    if (backed > core.view.view()) {
      start(backed);
    }
    tryNewView();
  }

  /**
   * f + 1 validators sending normal-case messages for later views prove that honest ones moved
   * on (this replica missed the NEW-VIEW): a validator asks for that view, whose replicas then
   * resend their NEW-VIEW; an observer, which cannot ask, fetches the blocks by sync.
   */
  void noteLaterView(int sender, long laterView, long height) {
    long[] seen = laterViews.get(sender);
    if (seen == null || seen[0] < laterView) {
      laterViews.put(sender, new long[] {laterView, height});
    }
    laterViews.values().removeIf(entry -> entry[0] <= core.view.view());
    int needed = core.validators.weakQuorum();
    if (laterViews.size() < needed) {
      return;
    }
    List<long[]> latest = new ArrayList<>(laterViews.values());
    latest.sort((a, b) -> Long.compare(b[0], a[0]));
    long backedView = latest.get(needed - 1)[0];
    long lowHeight = Long.MAX_VALUE;
    for (long[] entry : latest.subList(0, needed)) {
      lowHeight = Math.min(lowHeight, entry[1]);
    }
    laterViews.clear();
    if (core.isValidator() && backedView > core.view.view()) {
      start(backedView);
    } else if (!core.isValidator()) {
      core.sync.request(lowHeight - 1);
    }
  }

  /**
   * The sender asks for a view this replica has left: send it the NEW-VIEW of the current view
   * (or, while changing, its own VIEW-CHANGE), once per sender and view, so it catches up
   * without waiting for timeouts.
   */
  private void helpLaggard(int sender) {
    byte[] envelope = core.view.newViewFor(sender);
    if (envelope == null && core.view.changing() && core.isValidator()
        && core.view.firstContact(sender)) {
      Signer.Signed own =
          core.signer.signedFor(new Signer.Slot(Phase.VIEW_CHANGE, core.view.view(), 0));
      envelope = own == null ? null : envelope(own.message(), own.blocks());
    }
    if (envelope != null) {
      core.out.add(new Action.Send(sender, envelope));
    }
  }

  /** A VIEW-CHANGE proves what its sender holds final; catch up with it. */
  private void learnFinality(ViewChange viewChange) {
    if (viewChange.stableHeight() > core.committed.stableHeight()) {
      core.checkpointing.adopt(viewChange.checkpointProof());
    }
    for (CommitCertificate committed : viewChange.committed()) {
      core.sync.request(committed.height());
    }
  }

  /** The new primary, with a quorum of VIEW-CHANGEs for its view, sends the NEW-VIEW. */
  private void tryNewView() {
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
    if (!core.admit(received, newViewValidator.validate(core, received))) {
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
