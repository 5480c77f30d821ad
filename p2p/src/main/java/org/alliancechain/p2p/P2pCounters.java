package org.alliancechain.p2p;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The live counters behind {@link P2pMetrics}. Plain {@link LongAdder}s: cheap to bump from any
 * event loop, summed only when a snapshot is taken. Peers are keyed by authenticated node id
 * only, so the map is bounded by the membership.
 */
final class P2pCounters {
  /** The counters of one channel with one peer. */
  static final class Channel {
    final LongAdder messagesIn = new LongAdder();
    final LongAdder bytesIn = new LongAdder();
    final LongAdder messagesOut = new LongAdder();
    final LongAdder bytesOut = new LongAdder();
    final LongAdder queueDrops = new LongAdder();
    final LongAdder queueRefusals = new LongAdder();

    ChannelTraffic snapshot() {
      return new ChannelTraffic(messagesIn.sum(), bytesIn.sum(), messagesOut.sum(),
          bytesOut.sum(), queueDrops.sum(), queueRefusals.sum());
    }
  }

  final LongAdder connectionAttempts = new LongAdder();
  final LongAdder connectionsAccepted = new LongAdder();
  final LongAdder linksEstablished = new LongAdder();
  final LongAdder handshakesInProgress = new LongAdder();
  private final Map<HandshakeFailure, LongAdder> handshakeFailures =
      new EnumMap<>(HandshakeFailure.class);
  private final Map<CloseReason, LongAdder> closes = new EnumMap<>(CloseReason.class);
  private final ConcurrentHashMap<String, EnumMap<PeerChannel, Channel>> peers =
      new ConcurrentHashMap<>();

  P2pCounters() {
    for (HandshakeFailure reason : HandshakeFailure.values()) {
      handshakeFailures.put(reason, new LongAdder());
    }
    for (CloseReason reason : CloseReason.values()) {
      closes.put(reason, new LongAdder());
    }
  }

  /** The per-channel counters of an authenticated peer, created on first use. */
  EnumMap<PeerChannel, Channel> peer(String nodeId) {
    return peers.computeIfAbsent(nodeId, id -> {
      EnumMap<PeerChannel, Channel> byChannel = new EnumMap<>(PeerChannel.class);
      for (PeerChannel channel : PeerChannel.values()) {
        byChannel.put(channel, new Channel());
      }
      return byChannel;
    });
  }

  void handshakeFailed(HandshakeFailure reason) {
    handshakeFailures.get(reason).increment();
  }

  void closed(CloseReason reason) {
    closes.get(reason).increment();
  }

  P2pMetrics snapshot() {
    Map<String, Map<PeerChannel, ChannelTraffic>> traffic = new HashMap<>();
    peers.forEach((nodeId, byChannel) -> {
      Map<PeerChannel, ChannelTraffic> channels = new EnumMap<>(PeerChannel.class);
      byChannel.forEach((channel, counters) -> channels.put(channel, counters.snapshot()));
      traffic.put(nodeId, channels);
    });
    Map<HandshakeFailure, Long> failures = new EnumMap<>(HandshakeFailure.class);
    handshakeFailures.forEach((reason, count) -> failures.put(reason, count.sum()));
    Map<CloseReason, Long> closeCounts = new EnumMap<>(CloseReason.class);
    closes.forEach((reason, count) -> closeCounts.put(reason, count.sum()));
    return new P2pMetrics(traffic, connectionAttempts.sum(), connectionsAccepted.sum(),
        linksEstablished.sum(), handshakesInProgress.sum(), failures, closeCounts);
  }
}
