package org.alliancechain.p2p;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An authenticated member that sends an over-size length prefix or garbage loses its own link;
 * the node stays up and keeps serving its other peer.
 */
class MalformedFrameTest {
  private final TestCluster cluster = new TestCluster("node-1", "node-2", "node-3");
  private TestCluster.Node server;

  @BeforeEach
  void startTwoMembers() throws Exception {
    server = cluster.start("node-1");
    cluster.start("node-2", 0, List.of(server.address()));
    cluster.awaitSettledMesh();
  }

  @AfterEach
  void close() {
    cluster.close();
  }

  /** node-3 (a member) over a hand-driven client, linked and heard once. */
  private RawTlsClient linkedMember() throws Exception {
    RawTlsClient client = RawTlsClient.connect(server.network().listenPort(),
        cluster.identities.get("node-3"));
    client.send(RawTlsClient.handshake("node-3", TestCluster.CHAIN));
    client.send(FrameCodec.envelope(PeerChannel.TRANSACTIONS, 1, ByteString.copyFromUtf8("tx")));
    Await.until("node-1 hears node-3", () ->
        server.listener().received("node-3", PeerChannel.TRANSACTIONS).size() == 1);
    return client;
  }

  @Test
  void anOversizedLengthPrefixClosesThatLinkOnly() throws Exception {
    try (RawTlsClient client = linkedMember()) {
      client.sendRaw(ByteBuffer.allocate(4).putInt(Integer.MAX_VALUE).array());
      assertThat(client.awaitClosedByServer()).isTrue();
    }
    Await.until("the close counted", () ->
        server.network().metrics().closes(CloseReason.FRAME_TOO_LARGE) == 1);
    assertThat(server.listener().events).contains("-node-3:frame_too_large");
    assertStillServesItsPeer();
  }

  @Test
  void aGarbageFrameClosesThatLinkOnly() throws Exception {
    try (RawTlsClient client = linkedMember()) {
      byte[] garbage = {0, 0, 0, 6, (byte) 0xFF, (byte) 0xFF, 1, 2, 3, 4};
      client.sendRaw(garbage);
      client.send(FrameCodec.envelope(PeerChannel.TRANSACTIONS, 2, ByteString.copyFromUtf8("late")));
      assertThat(client.awaitClosedByServer()).isTrue();
    }
    Await.until("the close counted", () ->
        server.network().metrics().closes(CloseReason.MALFORMED_FRAME) == 1);
    assertThat(server.listener().received("node-3", PeerChannel.TRANSACTIONS)).hasSize(1);
    assertStillServesItsPeer();
  }

  @Test
  void anEnvelopeOnAnUnknownChannelClosesThatLinkOnly() throws Exception {
    try (RawTlsClient client = linkedMember()) {
      client.send(org.alliancechain.proto.v1.Frame.newBuilder().setEnvelope(
          org.alliancechain.proto.v1.Envelope.newBuilder().setChannelValue(99)
              .setPayload(ByteString.copyFromUtf8("?"))).build());
      assertThat(client.awaitClosedByServer()).isTrue();
    }
    Await.until("the close counted", () ->
        server.network().metrics().closes(CloseReason.MALFORMED_FRAME) == 1);
    assertStillServesItsPeer();
  }

  private void assertStillServesItsPeer() {
    TestCluster.Node peer = cluster.node("node-2");
    int before = server.listener().received("node-2", PeerChannel.CONSENSUS).size();
    assertThat(peer.network().send("node-1", PeerChannel.CONSENSUS, new byte[] {42}))
        .isEqualTo(SendResult.ACCEPTED);
    Await.until("node-1 still hears node-2", () ->
        server.listener().received("node-2", PeerChannel.CONSENSUS).size() == before + 1);
    assertThat(server.network().send("node-2", PeerChannel.CONSENSUS, new byte[] {43}))
        .isEqualTo(SendResult.ACCEPTED);
    Await.until("node-2 still hears node-1", () ->
        peer.listener().received("node-1", PeerChannel.CONSENSUS).size() == 1);
  }
}
