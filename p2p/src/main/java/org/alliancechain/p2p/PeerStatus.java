package org.alliancechain.p2p;

import java.util.Map;
import java.util.Optional;

/**
 * One peer as the network sees it now.
 *
 * @param nodeId the peer's node id
 * @param state the link state
 * @param connection the live link, when {@code state} is {@link PeerState#CONNECTED}
 * @param roundTripMs the last Ping round trip on the live link, -1 before the first Pong
 * @param queuedMessages payloads held for the peer in each channel's outbound queue: waiting to
 *     be written, or written and not yet confirmed by the peer (kept across links, ADR 0040)
 * @param failedAttempts dial attempts since the last established link
 * @param lastFailure why the last attempt or link ended, empty if none yet
 * @param configuredAddress the address this node dials the peer at (from the settings or
 *     {@link PeerNetwork#addPeer}); empty for a peer that is not dialled, only accepted
 */
public record PeerStatus(
    String nodeId,
    PeerState state,
    Optional<ConnectedPeer> connection,
    long roundTripMs,
    Map<PeerChannel, Integer> queuedMessages,
    int failedAttempts,
    Optional<String> lastFailure,
    Optional<PeerAddress> configuredAddress) {
  public PeerStatus {
    queuedMessages = Map.copyOf(queuedMessages);
  }

  /** A status without a configured address (a peer that is only accepted). */
  public PeerStatus(String nodeId, PeerState state, Optional<ConnectedPeer> connection,
      long roundTripMs, Map<PeerChannel, Integer> queuedMessages, int failedAttempts,
      Optional<String> lastFailure) {
    this(nodeId, state, connection, roundTripMs, queuedMessages, failedAttempts, lastFailure,
        Optional.empty());
  }

  /** When the live link was established, ms since the Unix epoch; 0 while not connected. */
  public long connectedSinceMs() {
    return connection.map(ConnectedPeer::establishedAtMs).orElse(0L);
  }
}
