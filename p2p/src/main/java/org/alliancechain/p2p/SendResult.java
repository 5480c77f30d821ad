package org.alliancechain.p2p;

/** What happened to a payload handed to {@link PeerNetwork#send}. */
public enum SendResult {
  /**
   * Queued for the peer. It is delivered once, in order on its channel, whenever the two nodes
   * are linked again, even if this link is replaced or drops first; only a restart of either
   * node loses it (ADR 0040).
   */
  ACCEPTED,
  /** The channel's queue was full and its policy is {@link QueuePolicy#DROP_NEWEST}: lost. */
  DROPPED_QUEUE_FULL,
  /**
   * The channel's queue was full and its policy is {@link QueuePolicy#REFUSE}: not queued, the
   * caller still owns the message and should retry later.
   */
  REFUSED_QUEUE_FULL,
  /** The payload would make a frame larger than the peer accepts; never sent. */
  REFUSED_TOO_LARGE,
  /** The peer id is neither configured nor currently connected. */
  UNKNOWN_PEER,
  /** The peer is known but has no authenticated connection right now. */
  NOT_CONNECTED
}
