package org.alliancechain.consensus.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.alliancechain.consensus.Action;
import org.alliancechain.consensus.TimerKind;
import org.alliancechain.consensus.VerifiedMessage;
import org.alliancechain.consensus.message.ChainBlock;
import org.alliancechain.consensus.message.CommitCertificate;
import org.alliancechain.consensus.message.ConsensusMessage.ViewChange;
import org.alliancechain.consensus.message.Phase;
import org.alliancechain.consensus.message.PreparedCertificate;
import org.alliancechain.consensus.message.SignedMessage;

/**
 * Leaving a view: timeouts with capped exponential back-off, VIEW-CHANGE, the f + 1 join rules,
 * resending to laggards. {@link NewViews} builds, checks and enters the next view.
 */
final class ViewChanges {
  private final Core core;
  private final ViewChangeValidator viewChangeValidator = new ViewChangeValidator();
  /** The latest (view, height) of each validator seen in normal-case messages of later views. */
  private final Map<Integer, long[]> laterViews = new java.util.TreeMap<>();

  ViewChanges(Core core) {
    this.core = core;
  }

  void onTimeout(TimerKind kind) {
    core.checkpointing.resendOwn();
    if (kind == TimerKind.PROGRESS) {
      core.sync.retry();
      start(core.view.view() + 1);
    } else if (core.viewChanges.fromViewOn(core.view.view()).size() >= core.validators.quorum()) {
      start(core.view.view() + 1);
    } else {
      resendViewChange();
    }
  }

  /**
   * PBFT moves past a view only once a quorum is at it or beyond (their latest VIEW-CHANGEs are
   * for it or a later view), so that a minority cut off from the rest never runs ahead through
   * views the others cannot reach. Until then the replica resends its VIEW-CHANGE
   * each timeout: messages lost in a partition are not lost forever.
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
          core.viewChanges.put(viewChange, NewViews.byHash(blocks));
          core.newViews.tryNewView();
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
    if (verdict.reason() == org.alliancechain.consensus.RejectReason.STALE_VIEW) {
      helpLaggard(received.sender(), viewChange.newView());
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
    core.newViews.tryNewView();
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
   * The sender asks for a view this replica has left. In a view, send it the view's NEW-VIEW;
   * while changing, send it our VIEW-CHANGE and forward the signed VIEW-CHANGEs we hold for its
   * view and later ones: the quorum it misses to time out of its view, or the f + 1 it needs to
   * join ours (they are other validators' signed messages; it verifies them itself). Once per
   * sender per view and per delivered block, so replayed VIEW-CHANGEs cannot amplify traffic.
   */
  private void helpLaggard(int sender, long laggardView) {
    byte[] newView = core.view.newViewFor(sender);
    if (newView != null) {
      core.out.add(new Action.Send(sender, newView));
      return;
    }
    if (!core.view.changing() || !core.isValidator() || !core.view.firstContact(sender)) {
      return;
    }
    Signer.Signed own =
        core.signer.signedFor(new Signer.Slot(Phase.VIEW_CHANGE, core.view.view(), 0));
    if (own != null) {
      core.out.add(new Action.Send(sender, NewViews.envelope(own.message(), own.blocks())));
    }
    for (ViewChangeVotes.Vote vote : core.viewChanges.fromViewOn(laggardView)) {
      int signer = vote.message().signer();
      if (signer != sender && signer != core.self.index()) {
        core.out.add(new Action.Send(sender, NewViews.envelope(vote.message(),
            new ArrayList<>(vote.blocks().values()))));
      }
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
}
