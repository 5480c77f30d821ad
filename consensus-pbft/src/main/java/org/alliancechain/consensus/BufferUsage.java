package org.alliancechain.consensus;

import java.util.ArrayList;
import java.util.List;

/**
 * How much the replica holds in each buffer that peers can fill, for metrics and for the
 * simulator's bounded-memory checker. {@link #limits} gives the bound each one stays under.
 *
 * @param instances per-height agreement instances of the current view
 * @param instanceMessages proposals and votes held by those instances
 * @param futureMessages messages buffered for views not yet entered
 * @param viewChanges VIEW-CHANGEs held (the latest per validator)
 * @param checkpointVotes CHECKPOINT messages and own roots above the stable checkpoint
 * @param preparedCertificates prepared certificates kept for VIEW-CHANGEs
 * @param signedSlots own signed messages remembered against double signing
 * @param recentHashes committed hashes kept for chaining checks
 * @param pendingPersists persists the host has not answered yet (host-controlled, no limit)
 */
public record BufferUsage(int instances, int instanceMessages, int futureMessages,
    int viewChanges, int checkpointVotes, int preparedCertificates, int signedSlots,
    int recentHashes, int pendingPersists) {

  /** The bounds for {@code validatorCount} validators under {@code parameters}. */
  public static BufferUsage limits(ConsensusParameters parameters, int validatorCount) {
    int heights = parameters.logHeightsMax();
    int perSender = parameters.checkpointHeightsPerSenderMax();
    return new BufferUsage(heights, heights * (2 * validatorCount + 1),
        validatorCount * parameters.futureMessagesPerSenderMax(), validatorCount,
        (validatorCount + 1) * perSender, heights, 3 * heights + 2,
        heights + parameters.window() + 1, Integer.MAX_VALUE);
  }

  /** The buffers above their bound in {@code limits}, described; empty when all are within. */
  public List<String> excessOver(BufferUsage limits) {
    List<String> excess = new ArrayList<>();
    check(excess, "instances", instances, limits.instances);
    check(excess, "instanceMessages", instanceMessages, limits.instanceMessages);
    check(excess, "futureMessages", futureMessages, limits.futureMessages);
    check(excess, "viewChanges", viewChanges, limits.viewChanges);
    check(excess, "checkpointVotes", checkpointVotes, limits.checkpointVotes);
    check(excess, "preparedCertificates", preparedCertificates, limits.preparedCertificates);
    check(excess, "signedSlots", signedSlots, limits.signedSlots);
    check(excess, "recentHashes", recentHashes, limits.recentHashes);
    return excess;
  }

  private static void check(List<String> excess, String name, int value, int limit) {
    if (value > limit) {
      excess.add(name + " " + value + " > " + limit);
    }
  }
}
