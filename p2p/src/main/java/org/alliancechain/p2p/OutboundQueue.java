package org.alliancechain.p2p;

import com.google.protobuf.ByteString;
import java.util.ArrayDeque;

/**
 * One channel's bounded outbound queue towards one peer. Any thread offers, the link's event
 * loop polls. Bounded by count and by payload bytes, so a slow or stalled peer costs at most the
 * configured memory; the queue's {@link QueuePolicy} decides what a full queue answers.
 */
final class OutboundQueue {
  private final QueueLimit limit;
  private final ArrayDeque<ByteString> payloads = new ArrayDeque<>();
  private long bytes;

  OutboundQueue(QueueLimit limit) {
    this.limit = limit;
  }

  /** Queues {@code payload} if it fits; otherwise answers per the policy, queue unchanged. */
  synchronized SendResult offer(ByteString payload) {
    if (payloads.size() >= limit.messagesMax() || bytes + payload.size() > limit.bytesMax()) {
      return limit.policy() == QueuePolicy.REFUSE
          ? SendResult.REFUSED_QUEUE_FULL
          : SendResult.DROPPED_QUEUE_FULL;
    }
    payloads.addLast(payload);
    bytes += payload.size();
    return SendResult.ACCEPTED;
  }

  /** The oldest queued payload, or null when empty. */
  synchronized ByteString poll() {
    ByteString payload = payloads.pollFirst();
    if (payload != null) {
      bytes -= payload.size();
    }
    return payload;
  }

  synchronized int size() {
    return payloads.size();
  }

  synchronized long bytes() {
    return bytes;
  }

  synchronized void clear() {
    payloads.clear();
    bytes = 0;
  }
}
