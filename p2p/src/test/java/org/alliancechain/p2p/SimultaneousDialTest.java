package org.alliancechain.p2p;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.Channel;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two real nodes (sockets on 127.0.0.1, TLS 1.3, real certificates) made to dial each other at
 * the same moment, round after round, while both keep sending on every channel. Whichever link
 * the tie-break keeps, and even when the link drops first, every payload that {@code send}
 * ACCEPTED arrives exactly once and in order per channel: neither node restarts.
 */
class SimultaneousDialTest {
  /** The TLS implementation under test; a subclass runs the same test on the other. */
  TlsProvider provider() {
    return TlsProvider.JDK;
  }

  private static final int ROUNDS = 40;
  /** Per channel and direction, sent just before a round's dials: enough to fill the socket. */
  private static final int BURST = 150;
  private static final String A = "node-a";
  private static final String B = "node-b";

  private final TestCluster cluster = new TestCluster(provider(), A, B);
  /** Per sender and channel: the numbers of the payloads the network accepted, in order. */
  private final Map<String, List<Integer>> accepted = new ConcurrentHashMap<>();
  private final Map<String, Integer> attempts = new ConcurrentHashMap<>();

  @AfterEach
  void close() {
    cluster.close();
  }

  /** Only the test dials after the start: a back-off redial would never fire within it. */
  private static P2pSettings noBackoffRedial(P2pSettings settings) {
    return settings.withReconnectBackoffMs(600_000, 600_000);
  }

  @Test
  void everyAcceptedPayloadArrivesExactlyOnceInOrderWhicheverLinkWins() throws Exception {
    TestCluster.Node a = cluster.start(A, 0, List.of(), SimultaneousDialTest::noBackoffRedial);
    TestCluster.Node b = cluster.start(B, 0, List.of(), SimultaneousDialTest::noBackoffRedial);
    a.network().addPeer(b.address());
    b.network().addPeer(a.address());
    cluster.awaitSettledMesh();
    long duplicatesBefore = duplicateCloses();
    for (int round = 1; round <= ROUNDS; round++) {
      burst(BURST);
      if (round % 2 == 1) {
        // The link drops first, so both ends dial with no link at all (start-up, after a drop).
        a.netty().session(B).channel().close();
        Await.until("both ends see the link gone", () -> a.connectedCount() == 0
            && b.connectedCount() == 0, cluster::describe);
      }
      CompletableFuture<Channel> fromA = a.netty().dialAgainNow(B);
      CompletableFuture<Channel> fromB = b.netty().dialAgainNow(A);
      burst(BURST);
      String what = "round " + round + " settled on one link";
      Await.until(what, () -> {
        burst(2); // keep sending while the tie-break runs
        return settled(a, fromA) && settled(b, fromB) && TestCluster.agree(a, b);
      }, cluster::describe);
      cluster.awaitSettledMesh();
    }
    // Each round made two links where one may live: one of them was closed as a duplicate.
    assertThat(duplicateCloses() - duplicatesBefore).isGreaterThanOrEqualTo(ROUNDS);
    assertEveryAcceptedPayloadDeliveredOnceInOrder(a, b);
  }

  /** The round's extra dial was decided at {@code node}: closed, or kept as the link. */
  private static boolean settled(TestCluster.Node node, CompletableFuture<Channel> dial) {
    if (!dial.isDone()) {
      return false;
    }
    Channel channel = dial.join();
    PeerSession current = node.netty().session(node.id().equals(A) ? B : A);
    return node.network().metrics().handshakesInProgress() == 0
        && (!channel.isOpen() || current != null && current.channel() == channel);
  }

  private long duplicateCloses() {
    return cluster.nodes.values().stream()
        .mapToLong(node -> node.network().metrics().closes(CloseReason.DUPLICATE)).sum();
  }

  private void burst(int perChannel) {
    for (int i = 0; i < perChannel; i++) {
      for (PeerChannel channel : PeerChannel.values()) {
        send(A, B, channel);
        send(B, A, channel);
      }
    }
  }

  private void send(String from, String to, PeerChannel channel) {
    String key = from + "/" + channel;
    int number = attempts.merge(key, 1, Integer::sum);
    // Varying sizes, so frames straddle TLS records and reads.
    byte[] payload = new byte[8 + (number * 37) % 3000];
    ByteBuffer.wrap(payload).putInt(number).putInt(channel.ordinal());
    SendResult result = cluster.node(from).network().send(to, channel, payload);
    assertThat(result).as("send %s -> %s", from, to).isIn(SendResult.ACCEPTED,
        SendResult.NOT_CONNECTED, SendResult.DROPPED_QUEUE_FULL, SendResult.REFUSED_QUEUE_FULL);
    if (result == SendResult.ACCEPTED) {
      accepted.computeIfAbsent(key, k -> new ArrayList<>()).add(number);
    }
  }

  private void assertEveryAcceptedPayloadDeliveredOnceInOrder(TestCluster.Node a,
      TestCluster.Node b) {
    Await.until("every accepted payload delivered", () -> {
      for (PeerChannel channel : PeerChannel.values()) {
        if (received(b, A, channel).size() < accepted(A, channel).size()
            || received(a, B, channel).size() < accepted(B, channel).size()) {
          return false;
        }
      }
      return true;
    }, () -> progress(a, b) + "\n" + cluster.describe());
    for (PeerChannel channel : PeerChannel.values()) {
      assertThat(accepted(A, channel)).as("accepted from A on %s", channel).hasSizeGreaterThan(ROUNDS);
      assertThat(received(b, A, channel)).as("B got from A on %s", channel)
          .isEqualTo(accepted(A, channel));
      assertThat(received(a, B, channel)).as("A got from B on %s", channel)
          .isEqualTo(accepted(B, channel));
    }
  }

  private String progress(TestCluster.Node a, TestCluster.Node b) {
    List<String> lines = new ArrayList<>();
    for (PeerChannel channel : PeerChannel.values()) {
      lines.add(channel + ": A->B accepted " + accepted(A, channel).size() + " received "
          + received(b, A, channel).size() + ", B->A accepted " + accepted(B, channel).size()
          + " received " + received(a, B, channel).size());
    }
    return String.join("\n", lines);
  }

  private List<Integer> accepted(String from, PeerChannel channel) {
    return accepted.getOrDefault(from + "/" + channel, List.of());
  }

  /** The payload numbers {@code receiver} got from {@code from}, checking each one's channel. */
  private static List<Integer> received(TestCluster.Node receiver, String from,
      PeerChannel channel) {
    List<Integer> numbers = new ArrayList<>();
    for (byte[] payload : receiver.listener().received(from, channel)) {
      ByteBuffer fields = ByteBuffer.wrap(payload);
      numbers.add(fields.getInt());
      assertThat(fields.getInt()).isEqualTo(channel.ordinal());
    }
    return numbers;
  }
}
