package org.alliancechain.p2p;

import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one live session per peer. Lookups are lock-free (every {@code send}); changes are
 * serialized, and the listener is called inside that order, so for each peer {@code
 * onConnected} and {@code onDisconnected} strictly alternate even when a replaced link lives
 * on another event loop. Listeners must not block (see {@link PeerListener}).
 */
final class SessionRegistry {
  private static final Logger log = LoggerFactory.getLogger(SessionRegistry.class);
  private final String localId;
  private final PeerListener listener;
  private final ConcurrentHashMap<String, PeerSession> sessions = new ConcurrentHashMap<>();
  private volatile BiConsumer<String, Boolean> linkObserver = (peerId, up) -> { };

  SessionRegistry(String localId, PeerListener listener) {
    this.localId = localId;
    this.listener = listener;
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
      sessions.remove(peerId);
      existing.close(CloseReason.DUPLICATE, true);
      listener.onDisconnected(peerId, CloseReason.DUPLICATE);
    }
    sessions.put(peerId, candidate);
    listener.onConnected(candidate.info());
    linkObserver.accept(peerId, true);
    return true;
  }

  /** Forgets {@code session} if it is still the peer's current one. */
  synchronized void closed(PeerSession session) {
    if (sessions.remove(session.peerId(), session)) {
      listener.onDisconnected(session.peerId(), session.closeReason());
      linkObserver.accept(session.peerId(), false);
    }
  }
}
