package org.alliancechain.node.api;

import static org.alliancechain.node.api.QueryServiceTest.assertCode;
import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.alliancechain.node.tx.TestTransactions;
import org.alliancechain.p2p.ChannelTraffic;
import org.alliancechain.p2p.ConnectedPeer;
import org.alliancechain.p2p.MemberRole;
import org.alliancechain.p2p.P2pMetrics;
import org.alliancechain.p2p.PeerAddress;
import org.alliancechain.p2p.PeerChannel;
import org.alliancechain.p2p.PeerState;
import org.alliancechain.p2p.PeerStatus;
import org.alliancechain.proto.v1.AdminServiceGrpc;
import org.alliancechain.proto.v1.ConsensusState;
import org.alliancechain.proto.v1.GetConsensusStateRequest;
import org.alliancechain.proto.v1.GetMempoolStatsRequest;
import org.alliancechain.proto.v1.ListPeersRequest;
import org.alliancechain.proto.v1.MempoolStats;
import org.alliancechain.proto.v1.PeerInfo;
import org.alliancechain.proto.v1.SetLogLevelRequest;
import org.junit.jupiter.api.Test;

class AdminServiceTest extends ApiTestBase {
  @Test
  void listPeersReportsEachLinkAndItsTrafficOverAllChannels() {
    node.peers = List.of(
        new PeerStatus("v1", PeerState.CONNECTED, Optional.of(new ConnectedPeer("v1", "bank",
            MemberRole.VALIDATOR, 41, new InetSocketAddress("127.0.0.1", 7001), true,
            1_764_000_000_000L)), 3, Map.of(), 0, Optional.empty()),
        new PeerStatus("v2", PeerState.WAITING_TO_RECONNECT, Optional.empty(), -1, Map.of(), 4,
            Optional.of("connection refused"),
            Optional.of(new PeerAddress("v2", "10.0.0.2", 7002))));
    node.peerHeights.put("v1", 57L);
    node.p2pMetrics = new P2pMetrics(Map.of("v1", Map.of(
        PeerChannel.CONSENSUS, new ChannelTraffic(10, 1000, 20, 2000, 1, 0),
        PeerChannel.TRANSACTIONS, new ChannelTraffic(5, 500, 6, 600, 2, 0))),
        1, 1, 1, 0, Map.of(), Map.of());

    List<PeerInfo> peers = admin.listPeers(ListPeersRequest.getDefaultInstance()).getPeersList();

    assertThat(peers).hasSize(2);
    PeerInfo connected = peers.get(0);
    assertThat(connected.getNodeId()).isEqualTo("v1");
    assertThat(connected.getConnected()).isTrue();
    assertThat(connected.getDirection()).isEqualTo("outbound");
    assertThat(connected.getAddress()).isEqualTo("127.0.0.1:7001");
    assertThat(connected.getHeight()).as("the latest announcement, not the handshake's height")
        .isEqualTo(57);
    assertThat(connected.getConnectedSinceMs()).isEqualTo(1_764_000_000_000L);
    assertThat(connected.getMessagesIn()).isEqualTo(15);
    assertThat(connected.getBytesOut()).isEqualTo(2600);
    assertThat(connected.getQueueDrops()).isEqualTo(3);
    assertThat(peers.get(1).getConnected()).isFalse();
    assertThat(peers.get(1).getLastError()).isEqualTo("connection refused");
    assertThat(peers.get(1).getAddress()).as("the configured address while not connected")
        .isEqualTo("10.0.0.2:7002");
    assertThat(peers.get(1).getHeight()).isZero();
  }

  @Test
  void consensusStateNamesThePrimaryAndHeightsInFlight() throws Exception {
    chain.commitEmptyUpTo(2);
    node.view = 6;

    ConsensusState state = admin.getConsensusState(GetConsensusStateRequest.getDefaultInstance());

    assertThat(state.getView()).isEqualTo(6);
    assertThat(state.getPrimary()).isEqualTo("v2");
    assertThat(state.getCommittedHeight()).isEqualTo(2);
    assertThat(state.getExecutedHeight()).isEqualTo(2);
    assertThat(state.getViewChangesTotal()).isEqualTo(6);
    assertThat(state.getInFlightList()).singleElement()
        .satisfies(height -> assertThat(height.getPhase()).isEqualTo("pre-prepared"));
  }

  @Test
  void anObserverHasNoConsensusState() {
    node.validator = false;

    assertCode(() -> admin.getConsensusState(GetConsensusStateRequest.getDefaultInstance()),
        Status.Code.FAILED_PRECONDITION, "node v0 is an observer");
  }

  @Test
  void mempoolStatsReportOccupancyLimitsAndRejections() {
    transactions.submit(TransactionServiceTest.request(
        TestTransactions.put(TestGenesis.CHAIN_ID, chain.keys.client, "trade", "k", "v")));
    assertCode(() -> transactions.submit(TransactionServiceTest.request(new byte[] {1})),
        Status.Code.INVALID_ARGUMENT, "not a SignedTransaction");

    MempoolStats stats = admin.getMempoolStats(GetMempoolStatsRequest.getDefaultInstance());

    assertThat(stats.getTransactions()).isEqualTo(1);
    assertThat(stats.getBytes()).isPositive();
    assertThat(stats.getMaxTransactions()).isEqualTo(100_000);
    assertThat(stats.getSenders()).isEqualTo(1);
    assertThat(stats.getRejectionsMap()).containsEntry("malformed", 1L);
  }

  @Test
  void setLogLevelAnswersThePreviousLevelAndRefusesUnknownLevels() {
    String logger = "org.alliancechain.node.api.test-logger";
    admin.setLogLevel(SetLogLevelRequest.newBuilder().setLogger(logger).setLevel("WARN").build());

    String previous = admin.setLogLevel(SetLogLevelRequest.newBuilder().setLogger(logger)
        .setLevel("debug").build()).getPreviousLevel();

    assertThat(previous).isEqualTo("WARN");
    assertCode(() -> admin.setLogLevel(SetLogLevelRequest.newBuilder().setLogger(logger)
        .setLevel("LOUD").build()), Status.Code.INVALID_ARGUMENT, "unknown log level 'LOUD'");
  }

  @Test
  void theAdminServiceIsNotOnThePublicPort() {
    assertCode(() -> AdminServiceGrpc.newBlockingStub(channel)
        .getMempoolStats(GetMempoolStatsRequest.getDefaultInstance()),
        Status.Code.UNIMPLEMENTED, "AdminService");
  }
}
