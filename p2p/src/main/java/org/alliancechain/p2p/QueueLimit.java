package org.alliancechain.p2p;

/**
 * The bound of one channel's outbound queue towards one peer: a payload is accepted only while
 * the queue holds fewer than {@code messagesMax} payloads and the new one keeps it within
 * {@code bytesMax} payload bytes.
 */
public record QueueLimit(int messagesMax, long bytesMax, QueuePolicy policy) {
  public QueueLimit {
    if (messagesMax < 1) {
      throw new IllegalArgumentException(
          "queue messagesMax must be at least 1, got " + messagesMax);
    }
    if (bytesMax < 1) {
      throw new IllegalArgumentException("queue bytesMax must be at least 1, got " + bytesMax);
    }
    if (policy == null) {
      throw new IllegalArgumentException("queue policy is required (DROP_NEWEST or REFUSE)");
    }
  }
}
