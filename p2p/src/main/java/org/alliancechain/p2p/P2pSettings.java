package org.alliancechain.p2p;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How this node's p2p layer behaves. The node maps its own configuration to this record; every
 * field is checked here and an error names the field and what would be valid.
 *
 * @param listenHost address to bind the p2p listener to ("0.0.0.0" for all interfaces)
 * @param listenPort port to bind; 0 picks a free one (read it back from {@link
 *     PeerNetwork#listenPort()})
 * @param peers the nodes this node dials; members not listed may still connect in
 * @param frameBytesMax the largest frame accepted, without its 4-byte length prefix
 * @param queueLimits the outbound queue bound per channel, towards each peer
 * @param idleTimeoutMs a link that receives nothing for this long is closed; a Ping goes out
 *     after a third of it without writes, so a live link is never idle
 * @param reconnectBackoffMinMs the first reconnect waits about this long
 * @param reconnectBackoffMaxMs reconnect waits double up to this cap (with jitter)
 * @param handshakeTimeoutMs TLS plus Handshake frame must finish within this
 * @param tlsProvider which TLS implementation (see ADR 0041)
 * @param ioThreads Netty event-loop threads for all links (TLS runs on them)
 */
public record P2pSettings(
    String listenHost,
    int listenPort,
    List<PeerAddress> peers,
    int frameBytesMax,
    Map<PeerChannel, QueueLimit> queueLimits,
    long idleTimeoutMs,
    long reconnectBackoffMinMs,
    long reconnectBackoffMaxMs,
    long handshakeTimeoutMs,
    TlsProvider tlsProvider,
    int ioThreads) {

  /** The smallest frame maximum allowed: room for a Handshake and a small payload. */
  public static final int FRAME_BYTES_MIN = 1024;
  /** The largest frame maximum allowed (the length prefix is a signed-int-safe 4 bytes). */
  public static final int FRAME_BYTES_LIMIT = 256 * 1024 * 1024;

  public P2pSettings {
    require(listenHost != null && !listenHost.isBlank(), "listenHost", "an address to bind");
    require(listenPort >= 0 && listenPort <= 65535, "listenPort", "0..65535, got " + listenPort);
    require(peers != null, "peers", "a list (possibly empty)");
    peers = List.copyOf(peers);
    Set<String> ids = new HashSet<>();
    for (PeerAddress peer : peers) {
      require(ids.add(peer.nodeId()), "peers", "distinct node ids, " + peer.nodeId() + " twice");
    }
    require(frameBytesMax >= FRAME_BYTES_MIN && frameBytesMax <= FRAME_BYTES_LIMIT,
        "frameBytesMax", FRAME_BYTES_MIN + ".." + FRAME_BYTES_LIMIT + ", got " + frameBytesMax);
    require(queueLimits != null && queueLimits.keySet().containsAll(List.of(PeerChannel.values())),
        "queueLimits", "a limit for every channel " + List.of(PeerChannel.values()));
    queueLimits = Map.copyOf(new EnumMap<>(queueLimits));
    for (Map.Entry<PeerChannel, QueueLimit> entry : queueLimits.entrySet()) {
      require(entry.getValue().bytesMax() >= frameBytesMax, "queueLimits." + entry.getKey(),
          "able to hold one maximal frame: bytesMax >= frameBytesMax (" + frameBytesMax
              + "), got " + entry.getValue().bytesMax());
    }
    require(idleTimeoutMs >= 30, "idleTimeoutMs", "at least 30, got " + idleTimeoutMs);
    require(reconnectBackoffMinMs >= 1, "reconnectBackoffMinMs",
        "at least 1, got " + reconnectBackoffMinMs);
    require(reconnectBackoffMaxMs >= reconnectBackoffMinMs, "reconnectBackoffMaxMs",
        "at least reconnectBackoffMinMs (" + reconnectBackoffMinMs + "), got "
            + reconnectBackoffMaxMs);
    require(handshakeTimeoutMs >= 1, "handshakeTimeoutMs", "at least 1, got " + handshakeTimeoutMs);
    require(tlsProvider != null, "tlsProvider", "AUTO, JDK or OPENSSL");
    require(ioThreads >= 1 && ioThreads <= 64, "ioThreads", "1..64, got " + ioThreads);
  }

  /** Production defaults: 16 MiB frames, 30 s idle timeout, back-off 200 ms .. 30 s. */
  public static P2pSettings defaults(String listenHost, int listenPort, List<PeerAddress> peers) {
    return new P2pSettings(listenHost, listenPort, peers, 16 * 1024 * 1024, defaultQueueLimits(),
        30_000, 200, 30_000, 10_000, TlsProvider.AUTO,
        Math.min(64, Runtime.getRuntime().availableProcessors()));
  }

  /**
   * For tests on loopback: a free port, short timeouts so failures show fast, one I/O thread,
   * the JDK's TLS (tests choose OPENSSL explicitly where they cover it).
   */
  public static P2pSettings forTests(List<PeerAddress> peers) {
    return new P2pSettings("127.0.0.1", 0, peers, 1024 * 1024, defaultQueueLimits(),
        5_000, 20, 500, 5_000, TlsProvider.JDK, 1);
  }

  /**
   * Consensus and gossip drop the newest payload when full (PBFT re-sends through view change
   * and block sync, gossip is best effort); sync refuses, so its caller can retry the request.
   */
  public static Map<PeerChannel, QueueLimit> defaultQueueLimits() {
    return Map.of(
        PeerChannel.CONSENSUS, new QueueLimit(4096, 16L << 20, QueuePolicy.DROP_NEWEST),
        PeerChannel.TRANSACTIONS, new QueueLimit(8192, 32L << 20, QueuePolicy.DROP_NEWEST),
        PeerChannel.BLOCK_SYNC, new QueueLimit(256, 64L << 20, QueuePolicy.REFUSE));
  }

  public QueueLimit queueLimit(PeerChannel channel) {
    return queueLimits.get(channel);
  }

  public P2pSettings withListenPort(int port) {
    return new P2pSettings(listenHost, port, peers, frameBytesMax, queueLimits, idleTimeoutMs,
        reconnectBackoffMinMs, reconnectBackoffMaxMs, handshakeTimeoutMs, tlsProvider, ioThreads);
  }

  public P2pSettings withPeers(List<PeerAddress> newPeers) {
    return new P2pSettings(listenHost, listenPort, newPeers, frameBytesMax, queueLimits,
        idleTimeoutMs, reconnectBackoffMinMs, reconnectBackoffMaxMs, handshakeTimeoutMs,
        tlsProvider, ioThreads);
  }

  public P2pSettings withQueueLimits(Map<PeerChannel, QueueLimit> limits) {
    return new P2pSettings(listenHost, listenPort, peers, frameBytesMax, limits, idleTimeoutMs,
        reconnectBackoffMinMs, reconnectBackoffMaxMs, handshakeTimeoutMs, tlsProvider, ioThreads);
  }

  public P2pSettings withIoThreads(int threads) {
    return new P2pSettings(listenHost, listenPort, peers, frameBytesMax, queueLimits,
        idleTimeoutMs, reconnectBackoffMinMs, reconnectBackoffMaxMs, handshakeTimeoutMs,
        tlsProvider, threads);
  }

  public P2pSettings withReconnectBackoffMs(long minMs, long maxMs) {
    return new P2pSettings(listenHost, listenPort, peers, frameBytesMax, queueLimits,
        idleTimeoutMs, minMs, maxMs, handshakeTimeoutMs, tlsProvider, ioThreads);
  }

  public P2pSettings withTlsProvider(TlsProvider provider) {
    return new P2pSettings(listenHost, listenPort, peers, frameBytesMax, queueLimits,
        idleTimeoutMs, reconnectBackoffMinMs, reconnectBackoffMaxMs, handshakeTimeoutMs,
        provider, ioThreads);
  }

  private static void require(boolean ok, String field, String expected) {
    if (!ok) {
      throw new IllegalArgumentException("p2p setting " + field + " must be " + expected);
    }
  }
}
