package org.alliancechain.node.api;

import com.google.protobuf.ByteString;
import java.util.List;
import java.util.Optional;
import org.alliancechain.config.NodeIdentity;
import org.alliancechain.consensus.ReplicaStatus;
import org.alliancechain.node.mempool.MempoolStats;
import org.alliancechain.p2p.ChannelTraffic;
import org.alliancechain.p2p.ConnectedPeer;
import org.alliancechain.p2p.P2pMetrics;
import org.alliancechain.p2p.PeerState;
import org.alliancechain.p2p.PeerStatus;
import org.alliancechain.proto.v1.ConsensusState;
import org.alliancechain.proto.v1.InFlightHeight;
import org.alliancechain.proto.v1.NodeStatus;
import org.alliancechain.proto.v1.PeerInfo;
import org.alliancechain.storage.ChainTip;

/** The node's position, consensus state and peers as the query and admin services report them. */
final class StatusReports {
  private static final String VERSION = Optional.ofNullable(
      StatusReports.class.getPackage().getImplementationVersion()).orElse("development");

  private StatusReports() {}

  static NodeStatus nodeStatus(NodeServices node) {
    Optional<ChainTip> tip = node.storage().blocks().tip();
    long executed = tip.map(ChainTip::height).orElse(0L);
    NodeStatus.Builder status = NodeStatus.newBuilder()
        .setNodeId(node.nodeId())
        .setChainId(node.genesis().chainId())
        .setRole(node.isValidator() ? "validator" : "observer")
        .setHeight(executed)
        .setTipHash(ByteString.copyFrom(tip.map(ChainTip::blockHash).orElse(new byte[0])))
        .setExecutedHeight(executed)
        .setReady(node.ready())
        .setMempoolTransactions(node.mempool().transactions())
        .setVersion(VERSION)
        .setSuite(node.genesis().suite().id())
        .setSyncLag(Math.max(0, node.bestPeerHeight() - executed));
    node.consensus().ifPresent(replica -> {
      status.setView(replica.view()).setPrimary(validatorId(node, replica.primary()));
      if (replica.committedHeight() > executed && replica.committedHash() != null) {
        status.setHeight(replica.committedHeight())
            .setTipHash(ByteString.copyFrom(replica.committedHash().bytes()));
      }
    });
    List<PeerStatus> peers = node.peers();
    status.setPeersConfigured(peers.size())
        .setPeersConnected((int) peers.stream().filter(p -> p.state() == PeerState.CONNECTED)
            .count());
    return status.build();
  }

  static ConsensusState consensusState(NodeServices node, ReplicaStatus replica) {
    ConsensusState.Builder state = ConsensusState.newBuilder()
        .setView(replica.view())
        .setPrimary(validatorId(node, replica.primary()))
        .setCommittedHeight(replica.committedHeight())
        .setExecutedHeight(node.storage().blocks().tip().map(ChainTip::height).orElse(0L))
        .setStableCheckpoint(replica.stableHeight())
        .setViewChanging(replica.viewChanging())
        .setViewChangesTotal(node.viewChanges());
    for (ReplicaStatus.InFlight height : replica.inFlight()) {
      InFlightHeight.Builder inFlight = InFlightHeight.newBuilder()
          .setHeight(height.height())
          .setPhase(height.phase());
      if (height.blockHash() != null) {
        inFlight.setBlockHash(ByteString.copyFrom(height.blockHash().bytes()));
      }
      state.addInFlight(inFlight);
    }
    return state.build();
  }

  static org.alliancechain.proto.v1.MempoolStats mempoolStats(NodeServices node) {
    MempoolStats stats = node.mempool();
    return org.alliancechain.proto.v1.MempoolStats.newBuilder()
        .setTransactions(stats.transactions())
        .setBytes(stats.bytes())
        .setMaxTransactions(stats.limits().transactionsMax())
        .setMaxBytes(stats.limits().bytesMax())
        .setSenders(stats.senders())
        .putAllRejections(node.mempoolRejections())
        .build();
  }

  /**
   * One peer's row of ListPeers. {@code announcedHeight} is the peer's latest status
   * announcement; the handshake's height stands in until the first one arrives.
   */
  static PeerInfo peerInfo(PeerStatus peer, P2pMetrics metrics, long announcedHeight) {
    PeerInfo.Builder info = PeerInfo.newBuilder()
        .setNodeId(peer.nodeId())
        .setConnected(peer.state() == PeerState.CONNECTED)
        .setLastError(peer.lastFailure().orElse(""));
    peer.configuredAddress().ifPresent(address -> info.setAddress(address.hostPort()));
    peer.connection().ifPresent(connection -> info
        .setAddress(address(connection))
        .setDirection(connection.outbound() ? "outbound" : "inbound")
        .setConnectedSinceMs(peer.connectedSinceMs())
        .setHeight(Math.max(announcedHeight, connection.committedHeight())));
    var channels = metrics.traffic().get(peer.nodeId());
    if (channels != null) {
      for (ChannelTraffic traffic : channels.values()) {
        info.setBytesIn(info.getBytesIn() + traffic.bytesIn())
            .setBytesOut(info.getBytesOut() + traffic.bytesOut())
            .setMessagesIn(info.getMessagesIn() + traffic.messagesIn())
            .setMessagesOut(info.getMessagesOut() + traffic.messagesOut())
            .setQueueDrops(info.getQueueDrops() + traffic.queueDrops());
      }
    }
    return info.build();
  }

  private static String address(ConnectedPeer connection) {
    String remote = String.valueOf(connection.remoteAddress());
    return remote.startsWith("/") ? remote.substring(1) : remote;
  }

  private static String validatorId(NodeServices node, int index) {
    List<NodeIdentity> validators = node.genesis().validators();
    return index >= 0 && index < validators.size() ? validators.get(index).id() : "";
  }
}
