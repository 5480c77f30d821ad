package org.alliancechain.consensus.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.alliancechain.consensus.VerifiedMessage;

/**
 * Normal-case messages for a view the replica has not entered yet (e.g. a PRE-PREPARE that
 * overtook its NEW-VIEW), at most {@code perSenderMax} per sender, oldest dropped first.
 */
final class FutureMessages {
  private final int perSenderMax;
  private final Map<Integer, ArrayDeque<VerifiedMessage>> bySender = new TreeMap<>();

  FutureMessages(int perSenderMax) {
    this.perSenderMax = perSenderMax;
  }

  /** Keeps {@code message}; false if that evicted an older one of the same sender. */
  boolean add(VerifiedMessage message) {
    ArrayDeque<VerifiedMessage> queue =
        bySender.computeIfAbsent(message.sender(), s -> new ArrayDeque<>());
    queue.addLast(message);
    if (queue.size() > perSenderMax) {
      queue.pollFirst();
      return false;
    }
    return true;
  }

  /** Removes and returns the messages of {@code view}; drops those of earlier views. */
  List<VerifiedMessage> takeView(long view) {
    List<VerifiedMessage> out = new ArrayList<>();
    for (ArrayDeque<VerifiedMessage> queue : bySender.values()) {
      for (Iterator<VerifiedMessage> it = queue.iterator(); it.hasNext(); ) {
        VerifiedMessage message = it.next();
        long messageView = message.message().message().view();
        if (messageView <= view) {
          it.remove();
          if (messageView == view) {
            out.add(message);
          }
        }
      }
    }
    bySender.values().removeIf(ArrayDeque::isEmpty);
    return out;
  }

  int size() {
    int count = 0;
    for (ArrayDeque<VerifiedMessage> queue : bySender.values()) {
      count += queue.size();
    }
    return count;
  }
}
