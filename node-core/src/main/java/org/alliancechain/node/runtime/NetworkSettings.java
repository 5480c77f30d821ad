package org.alliancechain.node.runtime;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.alliancechain.config.P2pConfig;
import org.alliancechain.config.Peer;
import org.alliancechain.p2p.P2pSettings;
import org.alliancechain.p2p.PeerAddress;
import org.alliancechain.p2p.PeerChannel;
import org.alliancechain.p2p.QueueLimit;

/** Maps node.toml's [p2p] section to the p2p module's settings. */
final class NetworkSettings {
  private NetworkSettings() {}

  static P2pSettings of(P2pConfig p2p) {
    List<PeerAddress> peers = p2p.peers().stream()
        .map(NetworkSettings::address).toList();
    P2pSettings defaults = P2pSettings.defaults(p2p.listen().bindHost(), p2p.listen().port(), peers);
    Map<PeerChannel, QueueLimit> queues = new EnumMap<>(PeerChannel.class);
    for (PeerChannel channel : PeerChannel.values()) {
      QueueLimit base = defaults.queueLimit(channel);
      long bytesMax = Math.max(base.bytesMax(), p2p.frameBytesMax());
      int messagesMax = channel == PeerChannel.BLOCK_SYNC ? base.messagesMax()
          : p2p.outboundQueueMessages();
      queues.put(channel, new QueueLimit(messagesMax, bytesMax, base.policy()));
    }
    return new P2pSettings(defaults.listenHost(), defaults.listenPort(), peers,
        p2p.frameBytesMax(), queues, p2p.idleTimeoutMs(), p2p.reconnectBackoffMinMs(),
        p2p.reconnectBackoffMaxMs(), defaults.handshakeTimeoutMs(), defaults.tlsProvider(),
        Math.min(2, defaults.ioThreads()));
  }

  private static PeerAddress address(Peer peer) {
    return new PeerAddress(peer.id(), peer.address().host(), peer.address().port());
  }
}
