package org.alliancechain.consensus.internal;

import java.util.ArrayList;
import java.util.List;
import org.alliancechain.consensus.message.CommitCertificate;
import org.alliancechain.consensus.message.ConsensusMessage.Checkpoint;
import org.alliancechain.consensus.message.ConsensusMessage.ViewChange;
import org.alliancechain.consensus.message.Hash;
import org.alliancechain.consensus.message.PreparedCertificate;

/**
 * The chain-aware NEW-VIEW selection of docs/adr/0050-view-change.md, shared by the new primary
 * (which builds it) and every backup (which recomputes it to check the NEW-VIEW). Pure and
 * deterministic: the result does not depend on the order of the VIEW-CHANGEs.
 *
 * <ol>
 *   <li>The base is the highest height any VIEW-CHANGE proves final: a stable checkpoint (its
 *       proof) or a committed block (its commit proof). Its hash is the block hash there.
 *   <li>Walking up from the base, each height picks, among the prepared certificates whose block
 *       extends the block picked below, the one of the highest view (ties: lowest hash).
 *   <li>The walk stops at the first height with no such certificate; nothing above is kept.
 * </ol>
 */
public final class NewViewSelection {
  private NewViewSelection() {
  }

  /** The base and the certificates re-proposed on top of it, in height order. */
  public record Selection(long baseHeight, Hash baseHash, List<PreparedCertificate> picks) {
    public Selection {
      picks = List.copyOf(picks);
    }

    /** The height of the last re-proposed block, or the base if none. */
    public long topHeight() {
      return baseHeight + picks.size();
    }

    /** The hash of the last re-proposed block, or the base hash if none. */
    public Hash topHash() {
      return picks.isEmpty() ? baseHash : picks.get(picks.size() - 1).blockHash();
    }
  }

  /**
   * The selection for {@code viewChanges}, already verified (proofs and certificates valid).
   *
   * @param genesisHash the base when no VIEW-CHANGE proves anything above height 0
   */
  public static Selection select(List<ViewChange> viewChanges, Hash genesisHash) {
    long baseHeight = 0;
    Hash baseHash = genesisHash;
    for (ViewChange viewChange : viewChanges) {
      if (viewChange.stableHeight() > 0) {
        Checkpoint checkpoint = viewChange.checkpointProof().get(0).as(Checkpoint.class);
        if (better(checkpoint.height(), checkpoint.blockHash(), baseHeight, baseHash)) {
          baseHeight = checkpoint.height();
          baseHash = checkpoint.blockHash();
        }
      }
      for (CommitCertificate committed : viewChange.committed()) {
        if (better(committed.height(), committed.blockHash(), baseHeight, baseHash)) {
          baseHeight = committed.height();
          baseHash = committed.blockHash();
        }
      }
    }
    List<PreparedCertificate> picks = new ArrayList<>();
    Hash parent = baseHash;
    for (long height = baseHeight + 1; ; height++) {
      PreparedCertificate pick = pick(viewChanges, height, parent);
      if (pick == null) {
        return new Selection(baseHeight, baseHash, picks);
      }
      picks.add(pick);
      parent = pick.blockHash();
    }
  }

  private static boolean better(long height, Hash hash, long bestHeight, Hash bestHash) {
    // Two proofs of different blocks at one height mean more than f faults; the lowest hash
    // keeps the result deterministic all the same.
    return height > bestHeight || (height == bestHeight && hash.compareTo(bestHash) < 0);
  }

  private static PreparedCertificate pick(List<ViewChange> viewChanges, long height, Hash parent) {
    PreparedCertificate best = null;
    for (ViewChange viewChange : viewChanges) {
      for (PreparedCertificate certificate : viewChange.prepared()) {
        if (certificate.height() != height || !certificate.parentHash().equals(parent)) {
          continue;
        }
        if (best == null || certificate.view() > best.view()
            || (certificate.view() == best.view()
                && certificate.blockHash().compareTo(best.blockHash()) < 0)) {
          best = certificate;
        }
      }
    }
    return best;
  }
}
