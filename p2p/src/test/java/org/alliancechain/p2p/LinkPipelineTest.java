package org.alliancechain.p2p;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The whole link pipeline (TLS, framing, idle, handshake, session) of two nodes on a pair of
 * {@link EmbeddedChannel}s, bytes pumped by hand: real TLS 1.3, no sockets, no threads.
 */
class LinkPipelineTest {
  private static final TestPki.Organization ORG_A = TestPki.organization("org-a");
  private static final TestPki.Organization ORG_B = TestPki.organization("org-b");
  private static final TlsIdentity ALICE = ORG_A.node("alice");
  private static final TlsIdentity BOB = ORG_B.node("bob");
  private static final Membership MEMBERS = Membership.fixed(new MembershipSnapshot(
      Map.of("org-a", ORG_A.ca(), "org-b", ORG_B.ca()),
      Map.of("alice", Member.of("alice", "org-a", MemberRole.VALIDATOR),
          "bob", Member.of("bob", "org-b", MemberRole.OBSERVER))));

  /** One side: its context, listener and channel. */
  private record Side(LinkContext link, RecordingListener listener, EmbeddedChannel channel) {}

  private final List<EmbeddedNode> nodes = new java.util.ArrayList<>();

  @AfterEach
  void close() {
    nodes.forEach(EmbeddedNode::close);
  }

  private Side side(TlsIdentity identity, boolean dialler, String expectedPeer) throws Exception {
    return side(identity, dialler, expectedPeer, P2pSettings.forTests(List.of()));
  }

  private Side side(TlsIdentity identity, boolean dialler, String expectedPeer,
      P2pSettings settings) throws Exception {
    EmbeddedNode node = new EmbeddedNode(identity, MEMBERS, settings,
        identity.nodeId().hashCode());
    nodes.add(node);
    EmbeddedChannel channel = dialler ? node.dial(expectedPeer) : node.accept();
    return new Side(node.link, node.listener, channel);
  }

  private static void pump(EmbeddedChannel a, EmbeddedChannel b) {
    EmbeddedNode.pump(a, b);
  }

  @Test
  void twoMembersAuthenticateExchangeHandshakesAndCarryEnvelopes() throws Exception {
    Side alice = side(ALICE, true, "bob");
    Side bob = side(BOB, false, null);
    pump(alice.channel(), bob.channel());

    assertThat(alice.listener().events).containsExactly("+bob");
    assertThat(bob.listener().events).containsExactly("+alice");
    PeerSession atBob = bob.link().registry().get("alice");
    assertThat(atBob.info().committedHeight()).isEqualTo(9);
    assertThat(atBob.info().role()).isEqualTo(MemberRole.VALIDATOR);
    assertThat(atBob.info().outbound()).isFalse();
    assertThat(atBob.info().establishedAtMs())
        .isBetween(System.currentTimeMillis() - 60_000, System.currentTimeMillis());
    assertThat(atBob.dialerId()).isEqualTo("alice");
    assertThat(alice.link().registry().get("bob").dialerId()).isEqualTo("alice");
    assertThat(bob.link().counters().snapshot().handshakesInProgress()).isZero();

    assertThat(alice.link().registry().get("bob").offer(PeerChannel.CONSENSUS,
        com.google.protobuf.ByteString.copyFromUtf8("prepare"))).isEqualTo(SendResult.ACCEPTED);
    pump(alice.channel(), bob.channel());
    assertThat(bob.listener().received("alice", PeerChannel.CONSENSUS))
        .containsExactly("prepare".getBytes());
  }

  @Test
  void theSideWithTheLongerIdleTimeoutPingsForTheStricterOne() throws Exception {
    P2pSettings strict = P2pSettings.forTests(List.of());
    P2pSettings lax = new P2pSettings("127.0.0.1", 0, List.of(), strict.frameBytesMax(),
        strict.queueLimits(), strict.idleTimeoutMs() * 10, 20, 500, 5_000, TlsProvider.JDK, 1);
    Side alice = side(ALICE, true, "bob", lax);
    Side bob = side(BOB, false, null, strict);
    pump(alice.channel(), bob.channel());
    io.netty.handler.timeout.IdleStateHandler idle =
        alice.channel().pipeline().get(io.netty.handler.timeout.IdleStateHandler.class);
    assertThat(idle.getReaderIdleTimeInMillis()).isEqualTo(lax.idleTimeoutMs());
    assertThat(idle.getWriterIdleTimeInMillis()).isEqualTo(strict.idleTimeoutMs() / 3);
    io.netty.handler.timeout.IdleStateHandler bobsIdle =
        bob.channel().pipeline().get(io.netty.handler.timeout.IdleStateHandler.class);
    assertThat(bobsIdle.getWriterIdleTimeInMillis()).isEqualTo(strict.idleTimeoutMs() / 3);
  }

  @Test
  void dialingOneMemberAndReachingAnotherIsRefused() throws Exception {
    Side alice = side(ALICE, true, "carol");
    Side bob = side(BOB, false, null);
    pump(alice.channel(), bob.channel());
    assertThat(alice.link().counters().snapshot()
        .handshakeFailures(HandshakeFailure.UNEXPECTED_PEER)).isEqualTo(1);
    assertThat(alice.channel().isOpen()).isFalse();
    assertThat(bob.listener().total.get()).isZero();
  }

  @Test
  void reachingItselfIsRefused() throws Exception {
    Side dialler = side(ALICE, true, "alice");
    Side listener = side(ALICE, false, null);
    pump(dialler.channel(), listener.channel());
    assertThat(dialler.link().counters().snapshot().handshakeFailures(HandshakeFailure.SELF))
        .isEqualTo(1);
  }

  @Test
  void aPeerThatNeverFinishesTheHandshakeTimesOut() throws Exception {
    Side bob = side(BOB, false, null);
    bob.channel().advanceTimeBy(bob.link().settings().handshakeTimeoutMs(), TimeUnit.MILLISECONDS);
    bob.channel().runScheduledPendingTasks();
    assertThat(bob.channel().isOpen()).isFalse();
    assertThat(bob.link().counters().snapshot().handshakeFailures(HandshakeFailure.TIMEOUT))
        .isEqualTo(1);
    assertThat(bob.link().counters().snapshot().handshakesInProgress()).isZero();
  }

  @Test
  void aFloodOfHalfOpenConnectionsIsShedAtAccept() throws Exception {
    Side first = side(BOB, false, null);
    first.link().counters().handshakesInProgress.add(LinkInitializer.PENDING_HANDSHAKES_MAX - 1);
    EmbeddedChannel shed = nodes.get(0).accept();
    assertThat(first.channel().isOpen()).isTrue();
    assertThat(shed.isOpen()).isFalse();
    assertThat(first.link().counters().snapshot().handshakeFailures(HandshakeFailure.OVERLOADED))
        .isEqualTo(1);
  }

  @Test
  void bytesBeforeTlsAreNeverFrames() throws Exception {
    Side bob = side(BOB, false, null);
    ByteBuf plaintext = io.netty.buffer.Unpooled.buffer();
    plaintext.writeBytes(RawTlsClient.handshake("alice", TestCluster.CHAIN).toByteArray());
    bob.channel().writeInbound(plaintext);
    assertThat(bob.channel().isOpen()).isFalse();
    assertThat(bob.link().counters().snapshot().handshakeFailures(HandshakeFailure.TLS_ERROR))
        .isEqualTo(1);
    assertThat(bob.listener().events).isEmpty();
  }
}
