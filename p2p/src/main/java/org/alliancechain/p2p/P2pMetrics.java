package org.alliancechain.p2p;

import java.util.Map;

/**
 * A snapshot of the network's counters, for the node to expose as metrics. Counters only grow
 * while the network runs.
 *
 * @param traffic per peer node id, per channel
 * @param connectionAttempts outbound dials started
 * @param connectionsAccepted inbound TCP connections accepted (before any check)
 * @param linksEstablished links that passed TLS and the Handshake and were registered
 * @param handshakesInProgress connections now between TCP connect and an established link (a
 *     gauge, not a counter); zero when the mesh has settled
 * @param handshakeFailures connections refused before any application message, by reason
 * @param closes established links closed, by reason
 */
public record P2pMetrics(
    Map<String, Map<PeerChannel, ChannelTraffic>> traffic,
    long connectionAttempts,
    long connectionsAccepted,
    long linksEstablished,
    long handshakesInProgress,
    Map<HandshakeFailure, Long> handshakeFailures,
    Map<CloseReason, Long> closes) {
  public P2pMetrics {
    traffic = Map.copyOf(traffic);
    handshakeFailures = Map.copyOf(handshakeFailures);
    closes = Map.copyOf(closes);
  }

  /** Traffic with {@code peerId} on {@code channel}; zeros if none yet. */
  public ChannelTraffic traffic(String peerId, PeerChannel channel) {
    Map<PeerChannel, ChannelTraffic> byChannel = traffic.get(peerId);
    ChannelTraffic found = byChannel == null ? null : byChannel.get(channel);
    return found == null ? new ChannelTraffic(0, 0, 0, 0, 0, 0) : found;
  }

  public long handshakeFailures(HandshakeFailure reason) {
    return handshakeFailures.getOrDefault(reason, 0L);
  }

  public long closes(CloseReason reason) {
    return closes.getOrDefault(reason, 0L);
  }
}
