package org.alliancechain.p2p;

/**
 * What this node has delivered from one peer, across that peer's links (ADR 0040). Envelopes
 * carry a sequence per pair of incarnations; a payload re-sent on a new link after a swap or a
 * drop may arrive twice, or on two links at once, and is delivered once, in sequence order.
 * Delivery runs under this object's lock, so calls to the listener for one peer never overlap
 * even while an old and a new link deliver from two event loops.
 */
final class Inbox {
  /** What became of one envelope. */
  enum Verdict {
    /** Handed to the listener. */
    DELIVERED,
    /** Delivered before (a re-send, or the same envelope on the other link): dropped. */
    REPEATED,
    /** From a previous incarnation of the peer, on a link about to close: dropped. */
    STALE,
    /** Skips sequences: the sender broke the protocol; nothing is delivered. */
    GAP
  }

  private boolean attached;
  private long senderIncarnation;
  private long delivered;

  /**
   * A link from the peer's {@code incarnation} became its link. A new incarnation is a new
   * process whose sequences start again at 1, so what was delivered is forgotten.
   */
  synchronized void attach(long incarnation) {
    if (!attached || incarnation != senderIncarnation) {
      attached = true;
      senderIncarnation = incarnation;
      delivered = 0;
    }
  }

  /** Runs {@code delivery} if {@code sequence} from {@code incarnation} is the next one. */
  synchronized Verdict deliver(long incarnation, long sequence, Runnable delivery) {
    if (!attached || incarnation != senderIncarnation) {
      return Verdict.STALE;
    }
    if (Long.compareUnsigned(sequence, delivered) <= 0) {
      return Verdict.REPEATED;
    }
    if (sequence != delivered + 1) {
      return Verdict.GAP;
    }
    delivered = sequence;
    delivery.run();
    return Verdict.DELIVERED;
  }

  /** The highest sequence delivered from {@code incarnation}, 0 if none (or another's). */
  synchronized long delivered(long incarnation) {
    return attached && incarnation == senderIncarnation ? delivered : 0;
  }
}
