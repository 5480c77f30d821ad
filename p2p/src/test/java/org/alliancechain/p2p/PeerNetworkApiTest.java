package org.alliancechain.p2p;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the node sees of the network: send results, statuses, start and close. */
class PeerNetworkApiTest {
  private final TestCluster cluster = new TestCluster("node-1", "node-2", "node-3");

  @AfterEach
  void close() {
    cluster.close();
  }

  @Test
  void sendSaysWhyAPayloadWasNotQueued() throws Exception {
    TestCluster.Node one = cluster.start("node-1");
    assertThat(one.network().send("stranger", PeerChannel.CONSENSUS, new byte[1]))
        .isEqualTo(SendResult.UNKNOWN_PEER);
    assertThat(one.network().send("node-2", PeerChannel.CONSENSUS, new byte[1]))
        .isEqualTo(SendResult.NOT_CONNECTED);
    TestCluster.Node two = cluster.start("node-2", 0, List.of(one.address()));
    cluster.awaitSettledMesh();
    int tooLarge = (int) P2pSettings.forTests(List.of()).frameBytesMax();
    assertThat(one.network().send("node-2", PeerChannel.BLOCK_SYNC, new byte[tooLarge]))
        .isEqualTo(SendResult.REFUSED_TOO_LARGE);

    byte[] payload = {1, 2, 3};
    Map<String, SendResult> results = one.network().broadcast(PeerChannel.TRANSACTIONS, payload);
    payload[0] = 9; // the network copied it
    assertThat(results).containsExactly(Map.entry("node-2", SendResult.ACCEPTED));
    Await.until("broadcast delivered", () ->
        two.listener().received("node-1", PeerChannel.TRANSACTIONS).size() == 1);
    assertThat(two.listener().received("node-1", PeerChannel.TRANSACTIONS).get(0))
        .containsExactly(1, 2, 3);
  }

  @Test
  void anUnreachablePeerIsRetriedWithItsFailureVisible() throws Exception {
    int closedPort;
    try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = probe.getLocalPort();
    }
    TestCluster.Node one = cluster.start("node-1", 0,
        List.of(new PeerAddress("node-3", "127.0.0.1", closedPort)));
    Await.until("two failed dials", () -> one.network().peers().get(0).failedAttempts() >= 2);
    PeerStatus status = one.network().peers().get(0);
    assertThat(status.nodeId()).isEqualTo("node-3");
    assertThat(status.state()).isIn(PeerState.WAITING_TO_RECONNECT, PeerState.CONNECTING);
    assertThat(status.lastFailure()).hasValueSatisfying(
        failure -> assertThat(failure).contains("cannot connect to node-3@127.0.0.1"));
    assertThat(one.network().metrics().connectionAttempts()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void anUnresolvableHostIsAFailureOfThatPeerOnly() throws Exception {
    TestCluster.Node one = cluster.start("node-1");
    one.network().addPeer(new PeerAddress("node-3", "no-such-host.invalid", 4242));
    TestCluster.Node two = cluster.start("node-2", 0, List.of(one.address()));
    Await.until("a failed resolution", () -> one.network().peers().stream()
        .anyMatch(p -> p.lastFailure().filter(f -> f.contains("cannot resolve")).isPresent()));
    Await.until("node-2 linked all the same", () -> two.connectedCount() == 1);
  }

  @Test
  void aTakenPortIsATypedStartFailure() throws Exception {
    TestCluster.Node one = cluster.start("node-1");
    assertThatThrownBy(() -> cluster.start("node-2", one.network().listenPort(), List.of()))
        .isInstanceOf(P2pException.class)
        .hasMessageContaining("cannot listen on 127.0.0.1:" + one.network().listenPort());
    assertThatThrownBy(() -> one.network().start()).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void closingSaysGoodbyeToEveryPeer() throws Exception {
    TestCluster.Node one = cluster.start("node-1");
    TestCluster.Node two = cluster.start("node-2", 0, List.of(one.address()));
    cluster.awaitSettledMesh();
    cluster.stop("node-1");
    assertThat(one.listener().events).containsExactly("+node-2", "-node-2:shutdown");
    Await.until("node-2 told", () -> two.listener().events.contains("-node-1:peer_closed"));
    one.network().close(); // twice is fine
  }
}
