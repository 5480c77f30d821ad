package org.alliancechain.consensus.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.alliancechain.consensus.message.ChainBlock;
import org.alliancechain.consensus.message.ConsensusMessage.ViewChange;
import org.alliancechain.consensus.message.Hash;
import org.alliancechain.consensus.message.SignedMessage;

/**
 * The latest VIEW-CHANGE of each validator (a validator that asked for view w + 1 no longer
 * takes part in w), with the blocks of its certificates. At most n entries.
 */
final class ViewChangeVotes {
  record Vote(SignedMessage message, Map<Hash, ChainBlock> blocks) {
    ViewChange viewChange() {
      return message.as(ViewChange.class);
    }
  }

  private final Map<Integer, Vote> latest = new TreeMap<>();

  /** The view of {@code sender}'s latest VIEW-CHANGE, or −1. */
  long viewOf(int sender) {
    Vote vote = latest.get(sender);
    return vote == null ? -1 : vote.viewChange().newView();
  }

  void put(SignedMessage message, Map<Hash, ChainBlock> blocks) {
    latest.put(message.signer(), new Vote(message, Map.copyOf(blocks)));
  }

  /** The VIEW-CHANGEs for exactly {@code view}, by sender. */
  List<Vote> forView(long view) {
    List<Vote> out = new ArrayList<>();
    for (Vote vote : latest.values()) {
      if (vote.viewChange().newView() == view) {
        out.add(vote);
      }
    }
    return out;
  }

  /** The VIEW-CHANGEs for {@code view} or later ones, by sender. */
  List<Vote> fromViewOn(long view) {
    List<Vote> out = new ArrayList<>();
    for (Vote vote : latest.values()) {
      if (vote.viewChange().newView() >= view) {
        out.add(vote);
      }
    }
    return out;
  }

  /**
   * The highest view that at least {@code count} validators other than {@code self} asked for,
   * or −1: with count = f + 1, at least one honest validator wants that view or a later one.
   */
  long viewBackedBy(int count, int self) {
    List<Long> views = new ArrayList<>();
    for (Map.Entry<Integer, Vote> entry : latest.entrySet()) {
      if (entry.getKey() != self) {
        views.add(entry.getValue().viewChange().newView());
      }
    }
    if (views.size() < count) {
      return -1;
    }
    views.sort((a, b) -> Long.compare(b, a));
    return views.get(count - 1);
  }

  /** Forgets VIEW-CHANGEs for views at or below {@code view}. */
  void dropUpTo(long view) {
    latest.values().removeIf(vote -> vote.viewChange().newView() <= view);
  }

  int size() {
    return latest.size();
  }
}
