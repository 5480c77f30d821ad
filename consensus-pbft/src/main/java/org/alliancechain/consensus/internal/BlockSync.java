package org.alliancechain.consensus.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.alliancechain.consensus.Action;
import org.alliancechain.consensus.Event;
import org.alliancechain.consensus.RejectReason;
import org.alliancechain.consensus.VerifiedCommittedBlock;
import org.alliancechain.consensus.message.CommittedBlock;
import org.alliancechain.consensus.message.Hash;

/**
 * Asks the host to fetch committed blocks when others provably committed heights this replica
 * lacks (a stable checkpoint or commit proof above its tip, a quorum of COMMITs for a block it
 * never received, f + 1 validators voting above its high watermark), and delivers synced
 * blocks with valid certificates without re-running consensus.
 */
final class BlockSync {
  private final Core core;
  private final Map<Integer, Long> futureHeightBySender = new TreeMap<>();
  private long target;
  private long requestedFrom;

  BlockSync(Core core) {
    this.core = core;
  }

  /** Others committed up to {@code knownTip}: fetch what this replica lacks. */
  void request(long knownTip) {
    long from = core.committed.height() + 1;
    if (knownTip < from || (knownTip <= target && from == requestedFrom)) {
      return;
    }
    target = Math.max(target, knownTip);
    requestedFrom = from;
    core.out.add(new Action.RequestSync(from, target));
  }

  /** Asks again when waiting timed out (the host may have given up or found no peer). */
  void retry() {
    if (target > core.committed.height()) {
      requestedFrom = core.committed.height() + 1;
      core.out.add(new Action.RequestSync(requestedFrom, target));
    }
  }

  /** Records a vote above the high watermark; f + 1 senders there prove the chain moved on. */
  void noteFutureHeight(int sender, long height) {
    futureHeightBySender.merge(sender, height, Math::max);
    List<Long> heights = new ArrayList<>(futureHeightBySender.values());
    int needed = core.validators.weakQuorum();
    if (heights.size() >= needed) {
      heights.sort((a, b) -> Long.compare(b, a));
      futureHeightBySender.clear();
      request(heights.get(needed - 1) - core.parameters.window());
    }
  }

  void onSynced(Event.SyncedBlocks synced) {
    for (VerifiedCommittedBlock verified : synced.blocks()) {
      CommittedBlock committed = verified.committed();
      long height = committed.height();
      CommittedChain chain = core.committed;
      if (height <= chain.height()) {
        continue;
      }
      Hash stable = height == chain.stableHeight() ? chain.stableHash() : null;
      if (height != chain.height() + 1 || !committed.block().parentHash().equals(chain.tipHash())
          || (stable != null && !stable.equals(committed.block().hash()))) {
        core.out.reject(-1, RejectReason.BAD_SYNCED_BLOCK, "synced " + committed.block()
            + " does not extend committed height " + chain.height() + " " + chain.tipHash());
        break;
      }
      core.deliver(committed.block(), committed.certificate());
    }
    core.normal.advance();
  }

  int size() {
    return futureHeightBySender.size();
  }
}
