package org.alliancechain.p2p;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.timeout.IdleStateEvent;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.alliancechain.proto.v1.Frame;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The established-link handler and its session, on an {@link EmbeddedChannel}. */
class SessionHandlerTest {
  private static final TestPki.Organization ORG = TestPki.organization("org-a");
  private static final TlsIdentity LOCAL = ORG.node("local");
  private static final TlsIdentity REMOTE = ORG.node("remote");
  private static final int PEER_FRAME_BYTES_MAX = 4096;

  private final RecordingListener listener = new RecordingListener();
  private final P2pCounters counters = new P2pCounters();
  private final P2pSettings settings = P2pSettings.forTests(List.of()).withQueueLimits(Map.of(
      PeerChannel.CONSENSUS, new QueueLimit(3, 1 << 20, QueuePolicy.DROP_NEWEST),
      PeerChannel.TRANSACTIONS, new QueueLimit(3, 1 << 20, QueuePolicy.DROP_NEWEST),
      PeerChannel.BLOCK_SYNC, new QueueLimit(2, 1 << 20, QueuePolicy.REFUSE)));
  private final SessionRegistry registry =
      new SessionRegistry("local", listener, settings, counters);
  private final EmbeddedChannel channel = new EmbeddedChannel();
  private PeerSession session;

  @BeforeEach
  void establish() throws Exception {
    LinkContext link = new LinkContext(settings, LOCAL, TestCluster.CHAIN,
        Membership.fixed(new MembershipSnapshot(Map.of(), Map.of())), () -> 0, 1, Clock.systemUTC(),
        counters, registry, listener);
    CertificateCheck.Verified verified = new CertificateCheck.Verified("remote",
        Member.of("remote", "org-a", MemberRole.VALIDATOR), REMOTE.certificate());
    session = new PeerSession(new ConnectedPeer("remote", "org-a", MemberRole.VALIDATOR, 5,
        channel.remoteAddress(), false), verified, 2, "remote", channel, PEER_FRAME_BYTES_MAX,
        registry.streams("remote"), counters.peer("remote"));
    channel.pipeline().addLast(FrameEncoder.INSTANCE, new SessionHandler(link, session));
    assertThat(registry.register(session)).isTrue();
  }

  @AfterEach
  void close() {
    channel.finishAndReleaseAll();
  }

  private void receive(Frame frame) {
    channel.writeInbound(new InboundFrame(frame, 4 + frame.getSerializedSize()));
  }

  private List<Frame> written() throws Exception {
    channel.runPendingTasks();
    List<Frame> frames = new ArrayList<>();
    for (ByteBuf wire; (wire = channel.readOutbound()) != null; ) {
      wire.skipBytes(4);
      frames.add(Frame.parseFrom(wire.nioBuffer()));
      wire.release();
    }
    return frames;
  }

  private static ByteString text(String value) {
    return ByteString.copyFromUtf8(value);
  }

  @Test
  void envelopesGoToTheListenerAreCountedAndConfirmed() throws Exception {
    Frame frame = FrameCodec.envelope(PeerChannel.TRANSACTIONS, 1, text("tx"));
    receive(frame);
    assertThat(listener.received("remote", PeerChannel.TRANSACTIONS))
        .containsExactly("tx".getBytes());
    ChannelTraffic traffic = counters.snapshot().traffic("remote", PeerChannel.TRANSACTIONS);
    assertThat(traffic.messagesIn()).isEqualTo(1);
    assertThat(traffic.bytesIn()).isEqualTo(4 + frame.getSerializedSize());
    assertThat(written()).containsExactly(FrameCodec.ack(1));
  }

  @Test
  void aRepeatedEnvelopeIsDroppedAndAnEarlierOneIsNotConfirmedAgain() throws Exception {
    receive(FrameCodec.envelope(PeerChannel.CONSENSUS, 1, text("one")));
    receive(FrameCodec.envelope(PeerChannel.CONSENSUS, 2, text("two")));
    assertThat(written()).containsExactly(FrameCodec.ack(1), FrameCodec.ack(2));
    receive(FrameCodec.envelope(PeerChannel.CONSENSUS, 2, text("two")));
    receive(FrameCodec.envelope(PeerChannel.CONSENSUS, 3, text("three")));
    assertThat(listener.received("remote", PeerChannel.CONSENSUS)).extracting(String::new)
        .containsExactly("one", "two", "three");
    assertThat(written()).containsExactly(FrameCodec.ack(3));
    assertThat(channel.isOpen()).isTrue();
  }

  @Test
  void aSkippedSequenceClosesTheLinkUndelivered() {
    receive(FrameCodec.envelope(PeerChannel.CONSENSUS, 2, text("two")));
    assertThat(channel.isOpen()).isFalse();
    assertThat(listener.total.get()).isZero();
    assertThat(counters.snapshot().closes(CloseReason.MALFORMED_FRAME)).isEqualTo(1);
  }

  @Test
  void anEnvelopeWithoutASequenceClosesTheLink() {
    receive(FrameCodec.envelope(PeerChannel.CONSENSUS, 0, text("?")));
    assertThat(channel.isOpen()).isFalse();
    assertThat(listener.total.get()).isZero();
  }

  @Test
  void thePeersAckFreesTheQueueAndAnAckOfWhatWasNeverSentClosesTheLink() throws Exception {
    session.offer(PeerChannel.CONSENSUS, text("c1"));
    session.offer(PeerChannel.CONSENSUS, text("c2"));
    assertThat(written()).hasSize(2);
    assertThat(session.queuedMessages()).containsEntry(PeerChannel.CONSENSUS, 2);
    receive(FrameCodec.ack(1));
    assertThat(session.queuedMessages()).containsEntry(PeerChannel.CONSENSUS, 1);
    receive(FrameCodec.ack(2));
    assertThat(session.queuedMessages()).containsEntry(PeerChannel.CONSENSUS, 0);
    receive(FrameCodec.ack(3));
    assertThat(channel.isOpen()).isFalse();
    assertThat(counters.snapshot().closes(CloseReason.MALFORMED_FRAME)).isEqualTo(1);
  }

  @Test
  void pingsAreAnsweredAndOurPingMeasuresTheRoundTrip() throws Exception {
    receive(FrameCodec.ping(77));
    assertThat(written()).containsExactly(FrameCodec.pong(77));

    channel.pipeline().fireUserEventTriggered(IdleStateEvent.WRITER_IDLE_STATE_EVENT);
    channel.pipeline().fireUserEventTriggered(IdleStateEvent.WRITER_IDLE_STATE_EVENT);
    List<Frame> pings = written();
    assertThat(pings).hasSize(1).allSatisfy(frame -> assertThat(frame.hasPing()).isTrue());
    assertThat(session.roundTripMs()).isEqualTo(-1);
    receive(FrameCodec.pong(pings.get(0).getPing().getNonce() + 1));
    assertThat(session.roundTripMs()).isEqualTo(-1);
    receive(FrameCodec.pong(pings.get(0).getPing().getNonce()));
    assertThat(session.roundTripMs()).isGreaterThanOrEqualTo(0);
  }

  @Test
  void aSilentPeerIsClosedAsIdleWithAGoodbye() throws Exception {
    channel.pipeline().fireUserEventTriggered(IdleStateEvent.READER_IDLE_STATE_EVENT);
    assertThat(written()).containsExactly(FrameCodec.goodbye("idle"));
    assertThat(channel.isOpen()).isFalse();
    assertThat(listener.events).containsExactly("+remote", "-remote:idle");
    assertThat(counters.snapshot().closes(CloseReason.IDLE)).isEqualTo(1);
    assertThat(session.offer(PeerChannel.CONSENSUS, text("late")))
        .isEqualTo(SendResult.NOT_CONNECTED);
  }

  @Test
  void framesOutOfPlaceCloseTheLink() {
    receive(RawTlsClient.handshake("remote", TestCluster.CHAIN));
    assertThat(channel.isOpen()).isFalse();
    assertThat(counters.snapshot().closes(CloseReason.MALFORMED_FRAME)).isEqualTo(1);
  }

  @Test
  void anEnvelopeOnAnUnknownChannelClosesTheLinkUndelivered() {
    receive(Frame.newBuilder().setEnvelope(org.alliancechain.proto.v1.Envelope.newBuilder()
        .setChannelValue(0).setPayload(text("?")).setSequence(1)).build());
    assertThat(channel.isOpen()).isFalse();
    assertThat(listener.total.get()).isZero();
  }

  @Test
  void aGoodbyeClosesTheLinkAsClosedByThePeer() {
    receive(FrameCodec.goodbye("shutdown"));
    assertThat(channel.isOpen()).isFalse();
    assertThat(listener.events).containsExactly("+remote", "-remote:peer_closed");
  }

  @Test
  void queuedPayloadsLeaveRoundRobinConsensusFirst() throws Exception {
    for (String name : List.of("c1", "c2", "c3")) {
      session.offer(PeerChannel.CONSENSUS, text(name));
    }
    session.offer(PeerChannel.TRANSACTIONS, text("t1"));
    session.offer(PeerChannel.TRANSACTIONS, text("t2"));
    session.offer(PeerChannel.BLOCK_SYNC, text("s1"));
    List<Frame> frames = written();
    assertThat(frames).extracting(frame -> frame.getEnvelope().getPayload().toStringUtf8())
        .containsExactly("c1", "t1", "s1", "c2", "t2", "c3");
    assertThat(frames).extracting(frame -> frame.getEnvelope().getSequence())
        .containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    assertThat(counters.snapshot().traffic("remote", PeerChannel.CONSENSUS).messagesOut())
        .isEqualTo(3);
  }

  @Test
  void anUnwritableSocketBacksUpIntoTheBoundedQueuesWithTheirPolicies() throws Exception {
    channel.unsafe().outboundBuffer().setUserDefinedWritability(1, false);
    List<SendResult> consensus = new ArrayList<>();
    List<SendResult> sync = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      consensus.add(session.offer(PeerChannel.CONSENSUS, text("c" + i)));
      sync.add(session.offer(PeerChannel.BLOCK_SYNC, text("s" + i)));
    }
    assertThat(written()).isEmpty();
    assertThat(consensus).containsExactly(SendResult.ACCEPTED, SendResult.ACCEPTED,
        SendResult.ACCEPTED, SendResult.DROPPED_QUEUE_FULL, SendResult.DROPPED_QUEUE_FULL);
    assertThat(sync).containsExactly(SendResult.ACCEPTED, SendResult.ACCEPTED,
        SendResult.REFUSED_QUEUE_FULL, SendResult.REFUSED_QUEUE_FULL,
        SendResult.REFUSED_QUEUE_FULL);
    ChannelTraffic consensusTraffic =
        counters.snapshot().traffic("remote", PeerChannel.CONSENSUS);
    assertThat(consensusTraffic.queueDrops()).isEqualTo(2);
    assertThat(counters.snapshot().traffic("remote", PeerChannel.BLOCK_SYNC).queueRefusals())
        .isEqualTo(3);

    channel.unsafe().outboundBuffer().setUserDefinedWritability(1, true);
    assertThat(written()).extracting(frame -> frame.getEnvelope().getPayload().toStringUtf8())
        .containsExactly("c0", "s0", "c1", "s1", "c2");
  }

  @Test
  void aPayloadOverThePeersFrameMaximumIsRefusedLocally() {
    assertThat(session.offer(PeerChannel.BLOCK_SYNC, ByteString.copyFrom(new byte[4096])))
        .isEqualTo(SendResult.REFUSED_TOO_LARGE);
    assertThat(session.offer(PeerChannel.BLOCK_SYNC, ByteString.copyFrom(new byte[4000])))
        .isEqualTo(SendResult.ACCEPTED);
  }
}
