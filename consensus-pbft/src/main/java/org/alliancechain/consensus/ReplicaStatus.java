package org.alliancechain.consensus;

import java.util.List;
import org.alliancechain.consensus.message.Hash;

/**
 * A snapshot of the replica for the admin API and metrics.
 *
 * @param view the current view, or the view being changed to
 * @param primary the primary of {@code view}
 * @param viewChanging whether the replica waits for the NEW-VIEW of {@code view}
 * @param committedHeight the highest delivered height
 * @param committedHash its block hash
 * @param stableHeight the last stable checkpoint
 * @param inFlight heights above the tip being agreed on in this view
 * @param halted whether the replica stopped
 * @param haltReason why, or null
 */
public record ReplicaStatus(long view, int primary, boolean viewChanging, long committedHeight,
    Hash committedHash, long stableHeight, List<InFlight> inFlight, boolean halted,
    String haltReason) {
  public ReplicaStatus {
    inFlight = List.copyOf(inFlight);
  }

  /** One height being agreed on: "pre-prepared" or "prepared" (COMMIT sent). */
  public record InFlight(long height, String phase, Hash blockHash) {
  }
}
