package org.alliancechain.p2p;

import com.google.protobuf.ByteString;
import java.util.ArrayDeque;

/**
 * One channel's bounded outbound queue towards one peer. It counts every payload it accepted
 * until the peer confirmed it: those waiting to be written and those written but not yet
 * confirmed (which the {@link Outbox} keeps for re-sending). Bounded by count and by payload
 * bytes, so a slow or stalled peer costs at most the configured memory; the queue's {@link
 * QueuePolicy} decides what a full queue answers. Not thread-safe: its {@link Outbox} locks.
 */
final class OutboundQueue {
  private final QueueLimit limit;
  private final ArrayDeque<ByteString> waiting = new ArrayDeque<>();
  private int heldMessages;
  private long heldBytes;

  OutboundQueue(QueueLimit limit) {
    this.limit = limit;
  }

  /** Queues {@code payload} if it fits; otherwise answers per the policy, queue unchanged. */
  SendResult offer(ByteString payload) {
    if (heldMessages >= limit.messagesMax() || heldBytes + payload.size() > limit.bytesMax()) {
      return limit.policy() == QueuePolicy.REFUSE
          ? SendResult.REFUSED_QUEUE_FULL
          : SendResult.DROPPED_QUEUE_FULL;
    }
    waiting.addLast(payload);
    heldMessages++;
    heldBytes += payload.size();
    return SendResult.ACCEPTED;
  }

  /** The oldest payload not yet written, or null; it stays held until {@link #release}. */
  ByteString poll() {
    return waiting.pollFirst();
  }

  /** The peer confirmed a written payload of {@code payloadBytes}: its room is free again. */
  void release(int payloadBytes) {
    heldMessages--;
    heldBytes -= payloadBytes;
  }

  /** Payloads accepted and not yet confirmed, written or not. */
  int size() {
    return heldMessages;
  }

  /** Their payload bytes. */
  long bytes() {
    return heldBytes;
  }

  /** Forgets everything (the peer restarted); returns how many payloads that was. */
  int clear() {
    int cleared = heldMessages;
    waiting.clear();
    heldMessages = 0;
    heldBytes = 0;
    return cleared;
  }
}
