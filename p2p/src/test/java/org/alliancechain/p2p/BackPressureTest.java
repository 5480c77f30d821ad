package org.alliancechain.p2p;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.Channel;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A member that stops reading costs its peer bounded memory, never an unbounded buffer. */
class BackPressureTest {
  private static final int PAYLOAD_BYTES = 64 * 1024;
  private final TestCluster cluster = new TestCluster("node-1", "node-2");

  @AfterEach
  void close() {
    cluster.close();
  }

  @Test
  void aPeerThatStopsReadingFillsOnlyTheBoundedQueue() throws Exception {
    TestCluster.Node server = cluster.start("node-1");
    try (RawTlsClient stalled = RawTlsClient.connect(server.network().listenPort(),
        cluster.identities.get("node-2"))) {
      stalled.send(RawTlsClient.handshake("node-2", TestCluster.CHAIN));
      Await.until("node-2 linked", () -> server.connectedCount() == 1);

      int accepted = 0;
      SendResult last = SendResult.ACCEPTED;
      for (int i = 0; i < 5_000 && last == SendResult.ACCEPTED; i++) {
        last = server.network().send("node-2", PeerChannel.CONSENSUS, new byte[PAYLOAD_BYTES]);
        accepted += last == SendResult.ACCEPTED ? 1 : 0;
      }
      assertThat(last).isEqualTo(SendResult.DROPPED_QUEUE_FULL);
      PeerSession session = ((NettyPeerNetwork) server.network()).session("node-2");
      Channel channel = session.channel();
      Await.until("the socket to stop accepting writes", () -> !channel.isWritable());

      long nettyPendingBytes = channel.unsafe().outboundBuffer().totalPendingWriteBytes();
      assertThat(nettyPendingBytes).as("bytes held by Netty")
          .isLessThanOrEqualTo(LinkInitializer.WATER_MARK.high() + 2L * (PAYLOAD_BYTES + 1024));
      long queuedBytes = (long) session.queuedMessages().get(PeerChannel.CONSENSUS) * PAYLOAD_BYTES;
      assertThat(queuedBytes).isLessThanOrEqualTo(
          P2pSettings.defaultQueueLimits().get(PeerChannel.CONSENSUS).bytesMax());
      assertThat(session.queuedMessages().get(PeerChannel.CONSENSUS)).isPositive();
      assertThat(server.network().metrics().traffic("node-2", PeerChannel.CONSENSUS)
          .queueDrops()).isEqualTo(1);
      assertThat(accepted).isGreaterThan(100);
    }
  }
}
