package org.alliancechain.p2p;

import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one live session per peer, and each authenticated peer's {@link Outbox} and {@link
 * Inbox}, which outlive its links. Lookups are lock-free (every {@code send}); changes are
 * serialized, and the listener is called inside that order, so for each peer {@code
 * onConnected} and {@code onDisconnected} strictly alternate even when a replaced link lives
 * on another event loop. Listeners must not block (see {@link PeerListener}).
 */
final class SessionRegistry {
  private static final Logger log = LoggerFactory.getLogger(SessionRegistry.class);

  /** What one peer's links share: what is owed to it and what was delivered from it. */
  record Streams(Outbox outbox, Inbox inbox) {}

  private final String localId;
  private final PeerListener listener;
  private final P2pSettings settings;
  private final P2pCounters counters;
  private final ConcurrentHashMap<String, PeerSession> sessions = new ConcurrentHashMap<>();
  /** Keyed by authenticated node id only, so bounded by the membership. */
  private final ConcurrentHashMap<String, Streams> streams = new ConcurrentHashMap<>();
  private volatile BiConsumer<String, Boolean> linkObserver = (peerId, up) -> { };

  SessionRegistry(String localId, PeerListener listener, P2pSettings settings,
      P2pCounters counters) {
    this.localId = localId;
    this.listener = listener;
    this.settings = settings;
    this.counters = counters;
  }

  /** The streams of an authenticated peer, created on its first link. */
  Streams streams(String peerId) {
    return streams.computeIfAbsent(peerId, id -> new Streams(
        new Outbox(localId, id, settings, counters.peer(id)), new Inbox()));
  }

  /** The outbox of {@code peerId} if it ever had a link, else null. */
  Outbox outbox(String peerId) {
    Streams found = streams.get(peerId);
    return found == null ? null : found.outbox();
  }

  /** Told {@code (peerId, true)} when a peer gets a link, {@code false} when it loses it. */
  void observeLinks(BiConsumer<String, Boolean> observer) {
    this.linkObserver = observer;
  }

  PeerSession get(String peerId) {
    return sessions.get(peerId);
  }

  Collection<PeerSession> all() {
    return sessions.values();
  }

  /**
   * Makes {@code candidate} the peer's session unless a link that wins the tie-break exists.
   * A replaced session is swapped out in one step (a concurrent {@code send} sees the old or
   * the new one, never none), and the candidate takes over the peer's outbox, re-sending what
   * the old link left unconfirmed.
   *
   * @return false if the candidate lost and must be closed as a duplicate
   */
  synchronized boolean register(PeerSession candidate) {
    String peerId = candidate.peerId();
    PeerSession existing = sessions.get(peerId);
    if (existing != null) {
      if (!TieBreak.candidateWins(existing.dialerId(), existing.incarnation(),
          candidate.dialerId(), candidate.incarnation())) {
        log.debug("{}: keeping link to {} dialled by {}, closing the one dialled by {}",
            localId, peerId, existing.dialerId(), candidate.dialerId());
        return false;
      }
      log.debug("{}: link to {} dialled by {} replaces the one dialled by {}",
          localId, peerId, candidate.dialerId(), existing.dialerId());
    }
    sessions.put(peerId, candidate);
    candidate.inbox().attach(candidate.incarnation());
    candidate.outbox().attach(candidate);
    if (existing != null) {
      existing.close(CloseReason.DUPLICATE, true);
      listener.onDisconnected(peerId, CloseReason.DUPLICATE);
    }
    listener.onConnected(candidate.info());
    linkObserver.accept(peerId, true);
    return true;
  }

  /** Forgets {@code session} if it is still the peer's current one. */
  synchronized void closed(PeerSession session) {
    if (sessions.remove(session.peerId(), session)) {
      session.outbox().detach(session);
      listener.onDisconnected(session.peerId(), session.closeReason());
      linkObserver.accept(session.peerId(), false);
    }
  }
}
