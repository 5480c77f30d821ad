package org.alliancechain.p2p;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Four real nodes on loopback, real TLS, real certificates from two organizations' CAs. */
class MeshTest {
  /** The TLS implementation under test; a subclass runs the same tests on the other. */
  TlsProvider provider() {
    return TlsProvider.JDK;
  }

  private static final List<String> IDS = List.of("node-1", "node-2", "node-3", "node-4");
  private static final int MESSAGES_PER_CHANNEL = 200;
  final TestCluster cluster = new TestCluster(provider(), IDS.toArray(String[]::new));

  @AfterEach
  void close() {
    cluster.close();
  }

  private static byte[] payload(String from, PeerChannel channel, int round, int sequence) {
    // Varying sizes, so frames straddle TLS records and reads.
    byte[] bytes = new byte[16 + (sequence * 37) % 3000];
    ByteBuffer.wrap(bytes).putInt(round).putInt(sequence).putInt(channel.ordinal())
        .putInt(from.hashCode());
    return bytes;
  }

  /**
   * Sends once and requires ACCEPTED: the mesh settled (both ends of every pair hold the same
   * link, no dial or handshake in flight), so nothing can replace a link during the round, and
   * an accepted payload is delivered even if one were replaced (ADR 0040).
   */
  private void sendOnce(TestCluster.Node sender, String to, PeerChannel channel, byte[] payload) {
    assertThat(sender.network().send(to, channel, payload))
        .as("send %s -> %s on %s; %s", sender.id(), to, channel, cluster.describe())
        .isEqualTo(SendResult.ACCEPTED);
  }

  private void sendRound(int round) {
    for (TestCluster.Node sender : cluster.nodes.values()) {
      for (int sequence = 0; sequence < MESSAGES_PER_CHANNEL; sequence++) {
        for (PeerChannel channel : PeerChannel.values()) {
          for (String to : IDS) {
            if (!to.equals(sender.id())) {
              sendOnce(sender, to, channel, payload(sender.id(), channel, round, sequence));
            }
          }
        }
      }
    }
  }

  /** Every receiver got every sender's round, per channel, complete and in order. */
  private void awaitRoundDelivered(int round) {
    int expected = MESSAGES_PER_CHANNEL * PeerChannel.values().length * (IDS.size() - 1);
    Await.until("round " + round + " delivered", () -> cluster.nodes.values().stream()
        .allMatch(node -> roundMessages(node, round) == expected), cluster::describe);
    for (TestCluster.Node receiver : cluster.nodes.values()) {
      for (String from : IDS) {
        if (from.equals(receiver.id())) {
          continue;
        }
        for (PeerChannel channel : PeerChannel.values()) {
          List<Integer> sequences = new ArrayList<>();
          for (byte[] message : receiver.listener().received(from, channel)) {
            ByteBuffer fields = ByteBuffer.wrap(message);
            if (fields.getInt() == round) {
              sequences.add(fields.getInt());
              assertThat(fields.getInt()).isEqualTo(channel.ordinal());
              assertThat(fields.getInt()).isEqualTo(from.hashCode());
            }
          }
          assertThat(sequences).as("%s from %s on %s", receiver.id(), from, channel)
              .isEqualTo(java.util.stream.IntStream.range(0, MESSAGES_PER_CHANNEL).boxed()
                  .toList());
        }
      }
    }
  }

  private static long roundMessages(TestCluster.Node node, int round) {
    return node.listener().messages.values().stream().flatMap(list -> {
      synchronized (list) {
        return List.copyOf(list).stream();
      }
    }).filter(message -> ByteBuffer.wrap(message).getInt() == round).count();
  }

  @Test
  void fourNodesFormOneLinkPerPairAndDeliverInOrderPerChannel() throws Exception {
    for (String id : IDS) {
      cluster.start(id);
    }
    cluster.connectAll();
    cluster.awaitSettledMesh();
    long startedMs = System.currentTimeMillis() - 60_000;
    for (TestCluster.Node node : cluster.nodes.values()) {
      assertThat(node.network().peers()).hasSize(3).allSatisfy(peer -> {
        assertThat(peer.state()).isEqualTo(PeerState.CONNECTED);
        assertThat(peer.connectedSinceMs()).isBetween(startedMs, System.currentTimeMillis());
        assertThat(peer.configuredAddress().orElseThrow().hostPort())
            .isEqualTo("127.0.0.1:" + cluster.node(peer.nodeId()).network().listenPort());
      });
      assertThat(node.network().metrics().handshakeFailures().values())
          .allSatisfy(count -> assertThat(count).isZero());
    }
    assertOneLinkPerPair();
    sendRound(1);
    awaitRoundDelivered(1);
    P2pMetrics metrics = cluster.node("node-1").network().metrics();
    ChannelTraffic fromTwo = metrics.traffic("node-2", PeerChannel.BLOCK_SYNC);
    assertThat(fromTwo.messagesIn()).isEqualTo(MESSAGES_PER_CHANNEL);
    assertThat(fromTwo.messagesOut()).isEqualTo(MESSAGES_PER_CHANNEL);
    assertThat(fromTwo.bytesIn()).isGreaterThan(MESSAGES_PER_CHANNEL * 16L);
  }

  /** Both ends of each pair use the same TCP connection. */
  private void assertOneLinkPerPair() {
    for (TestCluster.Node node : cluster.nodes.values()) {
      for (PeerStatus peer : node.network().peers()) {
        ConnectedPeer mine = peer.connection().orElseThrow();
        ConnectedPeer theirs = cluster.node(peer.nodeId()).network().peers().stream()
            .filter(p -> p.nodeId().equals(node.id())).findFirst().orElseThrow()
            .connection().orElseThrow();
        assertThat(mine.outbound()).isNotEqualTo(theirs.outbound());
        if (mine.outbound()) {
          assertThat(mine.remoteAddress().toString()).endsWith(
              ":" + cluster.node(peer.nodeId()).network().listenPort());
        }
      }
    }
  }

  @Test
  void aStoppedNodeIsRedialledWhenItRestartsAndTheMeshHeals() throws Exception {
    for (String id : IDS) {
      cluster.start(id);
    }
    cluster.connectAll();
    cluster.awaitSettledMesh();
    sendRound(1);
    awaitRoundDelivered(1);

    TestCluster.Node stopped = cluster.node("node-3");
    int port = stopped.network().listenPort();
    cluster.stop("node-3");
    Await.until("the others see node-3 gone", () -> cluster.nodes.values().stream()
        .allMatch(node -> node.connectedCount() == 2), cluster::describe);
    assertThat(cluster.node("node-1").listener().events).contains("-node-3:peer_closed");

    // Same identity, same port; it dials nobody: the others' back-off redials must find it.
    cluster.start("node-3", port, List.of());
    cluster.awaitSettledMesh();
    for (TestCluster.Node node : cluster.nodes.values()) {
      if (!node.id().equals("node-3")) {
        assertThat(node.network().metrics().connectionAttempts()).isGreaterThan(1);
      }
    }
    assertOneLinkPerPair();
    sendRound(2);
    awaitRoundDelivered(2);
  }
}
