package org.alliancechain.p2p;

import com.google.protobuf.ByteString;
import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything this node accepted for one peer and the peer has not yet confirmed, across links
 * (ADR 0040). The queues belong to the peer, not to a link: a payload is numbered when first
 * written and kept until the peer's {@code Ack} covers it, and a link that becomes the peer's
 * link starts by re-sending what is not covered, in its original order. So a replaced or
 * dropped link loses nothing the peer did not confirm, and per-channel order holds; only a new
 * incarnation of the peer (a restart) discards what was held for the old one.
 *
 * <p>Any thread offers; only the owner (the peer's registered session) takes payloads to
 * write, on its event loop. One lock guards it all; the owner's wake-up is non-blocking.
 */
final class Outbox {
  private static final Logger log = LoggerFactory.getLogger(Outbox.class);
  /** Channels in drain order: one payload of each per round, consensus first. */
  private static final PeerChannel[] ROUND = PeerChannel.values();

  /** A payload with its sequence, as written (and re-written) on the wire. */
  record Sent(long sequence, PeerChannel channel, ByteString payload) {}

  private final String localId;
  private final String peerId;
  private final Map<PeerChannel, OutboundQueue> queues = new EnumMap<>(PeerChannel.class);
  private final Map<PeerChannel, P2pCounters.Channel> counters;
  /** Written, not yet confirmed, in sequence order. */
  private final ArrayDeque<Sent> unconfirmed = new ArrayDeque<>();
  /** Of those, what the owner must still (re-)write on its link, in sequence order. */
  private final ArrayDeque<Sent> resend = new ArrayDeque<>();
  private PeerSession owner;
  private boolean attached;
  private long peerIncarnation;
  private long nextSequence = 1;
  private long confirmed;
  private int nextChannel;

  Outbox(String localId, String peerId, P2pSettings settings,
      Map<PeerChannel, P2pCounters.Channel> counters) {
    this.localId = localId;
    this.peerId = peerId;
    this.counters = counters;
    for (PeerChannel channel : ROUND) {
      queues.put(channel, new OutboundQueue(settings.queueLimit(channel)));
    }
  }

  /** Queues {@code payload} for the peer and wakes the owner's drain; never blocks. */
  synchronized SendResult offer(PeerChannel channel, ByteString payload) {
    SendResult result = queues.get(channel).offer(payload);
    switch (result) {
      case ACCEPTED -> {
        if (owner != null) {
          owner.wake();
        }
      }
      case DROPPED_QUEUE_FULL -> counters.get(channel).queueDrops.increment();
      case REFUSED_QUEUE_FULL -> counters.get(channel).queueRefusals.increment();
      default -> { }
    }
    return result;
  }

  /**
   * Makes {@code session} the one link that writes to the peer, starting with everything not
   * yet confirmed. A session from another incarnation of the peer is a restarted process: what
   * was held for the old one is discarded and counted as dropped, and sequences start again.
   */
  synchronized void attach(PeerSession session) {
    if (attached && session.incarnation() != peerIncarnation) {
      discardForRestartedPeer();
    }
    attached = true;
    peerIncarnation = session.incarnation();
    owner = session;
    resend.clear();
    resend.addAll(unconfirmed);
    session.wake();
  }

  private void discardForRestartedPeer() {
    int discarded = 0;
    for (Map.Entry<PeerChannel, OutboundQueue> entry : queues.entrySet()) {
      int lost = entry.getValue().clear();
      counters.get(entry.getKey()).queueDrops.add(lost);
      discarded += lost;
    }
    unconfirmed.clear();
    nextSequence = 1;
    confirmed = 0;
    if (discarded > 0) {
      log.info("{}: {} restarted; dropping {} payloads never confirmed by its previous run",
          localId, peerId, discarded);
    }
  }

  /** {@code session}'s link closed; until another attaches, payloads wait here. */
  synchronized void detach(PeerSession session) {
    if (owner == session) {
      owner = null;
      resend.clear();
    }
  }

  /**
   * The next payload {@code session} should write: first what a previous link left
   * unconfirmed, then new ones round-robin over the channels. Null when there is none, or when
   * {@code session} is not (or no longer) the owner.
   */
  synchronized Sent next(PeerSession session) {
    if (owner != session) {
      return null;
    }
    for (Sent again; (again = resend.pollFirst()) != null; ) {
      if (again.sequence() > confirmed) {
        return again;
      }
    }
    for (int i = 0; i < ROUND.length; i++) {
      PeerChannel channel = ROUND[nextChannel];
      nextChannel = (nextChannel + 1) % ROUND.length;
      ByteString payload = queues.get(channel).poll();
      if (payload != null) {
        Sent sent = new Sent(nextSequence++, channel, payload);
        unconfirmed.addLast(sent);
        return sent;
      }
    }
    return null;
  }

  /**
   * The peer's {@code incarnation} confirmed every sequence up to {@code delivered}: their room
   * in the queues is free. A confirmation from an incarnation this outbox no longer serves is
   * ignored (an old link closing).
   *
   * @return false if it confirms a sequence never written, which only a broken peer does
   */
  synchronized boolean confirm(long incarnation, long delivered) {
    if (!attached || incarnation != peerIncarnation) {
      return true;
    }
    if (Long.compareUnsigned(delivered, nextSequence) >= 0) {
      return false;
    }
    while (!unconfirmed.isEmpty() && unconfirmed.peekFirst().sequence() <= delivered) {
      Sent done = unconfirmed.pollFirst();
      queues.get(done.channel()).release(done.payload().size());
    }
    confirmed = Math.max(confirmed, delivered);
    return true;
  }

  /** Payloads held per channel: waiting to be written, or written and not yet confirmed. */
  synchronized Map<PeerChannel, Integer> held() {
    Map<PeerChannel, Integer> sizes = new EnumMap<>(PeerChannel.class);
    queues.forEach((channel, queue) -> sizes.put(channel, queue.size()));
    return sizes;
  }
}
