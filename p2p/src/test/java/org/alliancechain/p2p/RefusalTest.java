package org.alliancechain.p2p;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Outsiders knock on a validator with real TLS: each is refused, counted by reason, and nothing
 * it sends reaches the node, while the node keeps serving its real peer.
 */
class RefusalTest {
  /** The TLS implementation under test; a subclass runs the same tests on the other. */
  TlsProvider provider() {
    return TlsProvider.JDK;
  }

  final TestCluster cluster = new TestCluster(provider(), "node-1", "node-2");
  private TestCluster.Node server;

  @BeforeEach
  void startTwoMembers() throws Exception {
    server = cluster.start("node-1");
    cluster.start("node-2", 0, java.util.List.of(server.address()));
    cluster.awaitSettledMesh();
  }

  @AfterEach
  void close() {
    cluster.close();
  }

  static Stream<Arguments> outsiders() {
    Function<TestCluster, TlsIdentity> unknownCa =
        c -> TestPki.organization("org-x").node("node-9");
    Function<TestCluster, TlsIdentity> unknownCaClaimingAMember =
        c -> TestPki.organization("org-a").node("node-2");
    Function<TestCluster, TlsIdentity> expired = c -> c.orgB.expiredNode("node-2");
    Function<TestCluster, TlsIdentity> notYetValid = c -> c.orgB.node("node-2",
        java.time.Instant.now().plusSeconds(3_600), java.time.Instant.now().plusSeconds(7_200));
    Function<TestCluster, TlsIdentity> nonMember = c -> c.orgA.node("node-7");
    Function<TestCluster, TlsIdentity> otherOrganization = c -> c.orgA.node("node-2");
    Function<TestCluster, TlsIdentity> noCertificate = c -> null;
    return Stream.of(
        Arguments.of("a certificate from an unknown CA", unknownCa, HandshakeFailure.UNKNOWN_CA),
        Arguments.of("a look-alike CA with a member org's name", unknownCaClaimingAMember,
            HandshakeFailure.UNKNOWN_CA),
        Arguments.of("an expired certificate", expired, HandshakeFailure.EXPIRED),
        Arguments.of("a not-yet-valid certificate", notYetValid, HandshakeFailure.NOT_YET_VALID),
        Arguments.of("a valid certificate of a non-member", nonMember,
            HandshakeFailure.NOT_A_MEMBER),
        Arguments.of("a member's id certified by another member org", otherOrganization,
            HandshakeFailure.WRONG_ORGANIZATION),
        Arguments.of("no certificate at all", noCertificate, HandshakeFailure.NO_CERTIFICATE));
  }

  @ParameterizedTest(name = "{0} is refused before any message")
  @MethodSource("outsiders")
  void outsidersAreRefusedBeforeAnyMessageIsRead(String who,
      Function<TestCluster, TlsIdentity> identity, HandshakeFailure reason) throws Exception {
    TlsIdentity outsider = identity.apply(cluster);
    String claimed = outsider == null ? "node-2" : outsider.nodeId();
    try (RawTlsClient client = RawTlsClient.connect(server.network().listenPort(), outsider)) {
      client.send(RawTlsClient.handshake(claimed, TestCluster.CHAIN));
      client.send(FrameCodec.envelope(PeerChannel.CONSENSUS, 1, ByteString.copyFromUtf8("vote")));
      assertThat(client.awaitClosedByServer()).as("server closed the connection").isTrue();
    }
    Await.until("the refusal counted", () ->
        server.network().metrics().handshakeFailures(reason) == 1, () ->
        server.network().metrics().handshakeFailures().toString());
    assertThat(server.network().metrics().linksEstablished()).isEqualTo(1);
    assertThat(server.listener().total.get()).isZero();
    assertStillServesItsPeer();
  }

  @ParameterizedTest(name = "a member with a bad Handshake: {0}")
  @MethodSource("badHandshakes")
  void aMemberWithABadHandshakeIsRefusedBeforeAnyMessage(String what,
      org.alliancechain.proto.v1.Frame handshake, HandshakeFailure reason) throws Exception {
    cluster.identities.put("node-3", cluster.orgA.node("node-3"));
    cluster.changeMembership(m -> withMember(m, "node-3"));
    try (RawTlsClient client = RawTlsClient.connect(server.network().listenPort(),
        cluster.identities.get("node-3"))) {
      client.send(handshake);
      client.send(FrameCodec.envelope(PeerChannel.CONSENSUS, 1, ByteString.copyFromUtf8("vote")));
      assertThat(client.awaitClosedByServer()).isTrue();
    }
    Await.until("the refusal counted", () ->
        server.network().metrics().handshakeFailures(reason) == 1, () ->
        server.network().metrics().handshakeFailures().toString());
    assertThat(server.listener().total.get()).isZero();
    assertStillServesItsPeer();
  }

  static Stream<Arguments> badHandshakes() {
    ChainIdentity otherChain = new ChainIdentity("test-chain", TestCluster.filled(32, 8));
    return Stream.of(
        Arguments.of("another genesis", RawTlsClient.handshake("node-3", otherChain),
            HandshakeFailure.CHAIN_MISMATCH),
        Arguments.of("claims another node", RawTlsClient.handshake("node-2", TestCluster.CHAIN),
            HandshakeFailure.IDENTITY_MISMATCH),
        Arguments.of("an envelope first",
            FrameCodec.envelope(PeerChannel.CONSENSUS, 1, ByteString.copyFromUtf8("early")),
            HandshakeFailure.MALFORMED_HANDSHAKE),
        Arguments.of("protocol version 1 (envelopes without sequences)",
            withProtocolVersion(RawTlsClient.handshake("node-3", TestCluster.CHAIN), 1),
            HandshakeFailure.PROTOCOL_VERSION));
  }

  private static org.alliancechain.proto.v1.Frame withProtocolVersion(
      org.alliancechain.proto.v1.Frame handshake, int version) {
    org.alliancechain.proto.v1.Frame.Builder frame = handshake.toBuilder();
    frame.getHandshakeBuilder().setProtocolVersion(version);
    return frame.build();
  }

  static MembershipSnapshot withMember(MembershipSnapshot snapshot, String nodeId) {
    java.util.Map<String, Member> members = new java.util.HashMap<>(snapshot.members());
    members.put(nodeId, Member.of(nodeId, "org-a", MemberRole.OBSERVER));
    return new MembershipSnapshot(snapshot.organizationCas(), members);
  }

  private void assertStillServesItsPeer() {
    TestCluster.Node peer = cluster.node("node-2");
    assertThat(peer.network().send("node-1", PeerChannel.CONSENSUS, new byte[] {42}))
        .isEqualTo(SendResult.ACCEPTED);
    Await.until("node-1 hears node-2", () ->
        server.listener().received("node-2", PeerChannel.CONSENSUS).size() == 1);
  }
}
