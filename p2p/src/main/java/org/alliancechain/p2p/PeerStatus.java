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
 * @param queuedMessages payloads waiting in each channel's outbound queue
 * @param failedAttempts dial attempts since the last established link
 * @param lastFailure why the last attempt or link ended, empty if none yet
 */
public record PeerStatus(
    String nodeId,
    PeerState state,
    Optional<ConnectedPeer> connection,
    long roundTripMs,
    Map<PeerChannel, Integer> queuedMessages,
    int failedAttempts,
    Optional<String> lastFailure) {
  public PeerStatus {
    queuedMessages = Map.copyOf(queuedMessages);
  }
}
