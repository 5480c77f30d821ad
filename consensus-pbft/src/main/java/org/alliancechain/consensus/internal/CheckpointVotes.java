package org.alliancechain.consensus.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.alliancechain.consensus.message.ConsensusMessage.Checkpoint;
import org.alliancechain.consensus.message.Hash;
import org.alliancechain.consensus.message.SignedMessage;

/**
 * CHECKPOINT messages above the stable checkpoint, at most {@code heightsPerSenderMax} heights
 * per sender (its highest ones: an honest replica's latest checkpoints are the useful ones), and
 * this replica's own state roots at checkpoint heights.
 */
final class CheckpointVotes {
  private final int heightsPerSenderMax;
  private final TreeMap<Long, Map<Integer, SignedMessage>> byHeight = new TreeMap<>();
  private final Map<Integer, TreeSet<Long>> heightsBySender = new TreeMap<>();
  private final TreeMap<Long, Hash> ownRoots = new TreeMap<>();

  CheckpointVotes(int heightsPerSenderMax) {
    this.heightsPerSenderMax = heightsPerSenderMax;
  }

  /** The checkpoint {@code sender} sent for {@code height}, or null. */
  SignedMessage from(int sender, long height) {
    Map<Integer, SignedMessage> votes = byHeight.get(height);
    return votes == null ? null : votes.get(sender);
  }

  void add(SignedMessage signed) {
    long height = signed.message().height();
    TreeSet<Long> heights = heightsBySender.computeIfAbsent(signed.signer(), s -> new TreeSet<>());
    heights.add(height);
    byHeight.computeIfAbsent(height, h -> new TreeMap<>()).put(signed.signer(), signed);
    while (heights.size() > heightsPerSenderMax) {
      long evicted = heights.pollFirst();
      Map<Integer, SignedMessage> votes = byHeight.get(evicted);
      votes.remove(signed.signer());
      if (votes.isEmpty()) {
        byHeight.remove(evicted);
      }
    }
  }

  /** A quorum of matching checkpoints at {@code height}, or null. */
  List<SignedMessage> quorumAt(long height, int quorum) {
    Map<Integer, SignedMessage> votes = byHeight.get(height);
    if (votes == null) {
      return null;
    }
    Map<Checkpoint, List<SignedMessage>> groups = new java.util.LinkedHashMap<>();
    for (SignedMessage vote : votes.values()) {
      List<SignedMessage> group =
          groups.computeIfAbsent(vote.as(Checkpoint.class), c -> new ArrayList<>());
      group.add(vote);
      if (group.size() >= quorum) {
        return group;
      }
    }
    return null;
  }

  /** Keeps the highest {@code heightsPerSenderMax} own roots: block sync may run far ahead. */
  /** {@code signer}'s checkpoints above the stable one, lowest height first. */
  List<SignedMessage> of(int signer) {
    List<SignedMessage> out = new ArrayList<>();
    for (Map<Integer, SignedMessage> votes : byHeight.values()) {
      SignedMessage vote = votes.get(signer);
      if (vote != null) {
        out.add(vote);
      }
    }
    return out;
  }

  void recordOwnRoot(long height, Hash root) {
    ownRoots.put(height, root);
    while (ownRoots.size() > heightsPerSenderMax) {
      ownRoots.pollFirstEntry();
    }
  }

  Hash ownRoot(long height) {
    return ownRoots.get(height);
  }

  void pruneUpTo(long height) {
    byHeight.headMap(height, true).clear();
    for (TreeSet<Long> heights : heightsBySender.values()) {
      heights.headSet(height, true).clear();
    }
    ownRoots.headMap(height, false).clear();
  }

  int size() {
    int count = 0;
    for (Map<Integer, SignedMessage> votes : byHeight.values()) {
      count += votes.size();
    }
    return count + ownRoots.size();
  }
}
