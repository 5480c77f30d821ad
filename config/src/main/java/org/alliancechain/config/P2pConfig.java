package org.alliancechain.config;

import java.util.List;
import java.util.Objects;

/**
 * {@code [p2p]} of node.toml: the validator mesh.
 *
 * @param listen where this node accepts TLS links from peers
 * @param peers the nodes this node dials
 * @param frameBytesMax the largest frame accepted from a peer; a larger one closes the link
 * @param outboundQueueMessages messages queued for one peer at most
 * @param idleTimeoutMs a link with no traffic for this long is closed and redialed
 * @param reconnectBackoffMinMs the first redial delay after a link fails
 * @param reconnectBackoffMaxMs the cap of the doubling, jittered redial delay
 */
public record P2pConfig(
    HostPort listen,
    List<Peer> peers,
    int frameBytesMax,
    int outboundQueueMessages,
    long idleTimeoutMs,
    long reconnectBackoffMinMs,
    long reconnectBackoffMaxMs) {
  static final Bounds FRAME_BYTES = Bounds.ofBytes(64 * 1024, 256 * 1024 * 1024);
  static final Bounds OUTBOUND_QUEUE_MESSAGES = Bounds.of(16, 1_000_000);
  static final Bounds IDLE_TIMEOUT_MS = Bounds.of(1_000, 3_600_000);
  static final Bounds RECONNECT_BACKOFF_MS = Bounds.of(10, 600_000);

  public P2pConfig {
    Objects.requireNonNull(listen, "listen");
    peers = List.copyOf(peers);
    FRAME_BYTES.requireInt("max_frame_bytes", frameBytesMax);
    OUTBOUND_QUEUE_MESSAGES.requireInt("outbound_queue_messages", outboundQueueMessages);
    IDLE_TIMEOUT_MS.require("idle_timeout_ms", idleTimeoutMs);
    RECONNECT_BACKOFF_MS.require("reconnect_backoff_min_ms", reconnectBackoffMinMs);
    RECONNECT_BACKOFF_MS.require("reconnect_backoff_max_ms", reconnectBackoffMaxMs);
  }

  public static P2pConfig defaults() {
    return new P2pConfig(new HostPort("127.0.0.1", 26656), List.of(), 16 * 1024 * 1024, 10_000,
        30_000, 200, 10_000);
  }

  public P2pConfig withListen(HostPort newListen) {
    return new P2pConfig(newListen, peers, frameBytesMax, outboundQueueMessages, idleTimeoutMs,
        reconnectBackoffMinMs, reconnectBackoffMaxMs);
  }

  public P2pConfig withPeers(List<Peer> newPeers) {
    return new P2pConfig(listen, newPeers, frameBytesMax, outboundQueueMessages, idleTimeoutMs,
        reconnectBackoffMinMs, reconnectBackoffMaxMs);
  }
}
