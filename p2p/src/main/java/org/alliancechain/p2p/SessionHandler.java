package org.alliancechain.p2p;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import java.io.IOException;
import javax.net.ssl.SSLException;
import org.alliancechain.proto.v1.Envelope;
import org.alliancechain.proto.v1.Frame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an established link: hands envelopes to the listener in sequence order, once each
 * (never doing the work itself), confirms them with an Ack after each batch of reads, takes the
 * peer's Acks, answers Pings, closes the link on idleness, on a malformed or over-size frame,
 * or on a frame out of place, and keeps the outbound drain going when the socket becomes
 * writable again.
 */
final class SessionHandler extends ChannelInboundHandlerAdapter {
  private static final Logger log = LoggerFactory.getLogger(SessionHandler.class);
  private final LinkContext link;
  private final PeerSession session;

  SessionHandler(LinkContext link, PeerSession session) {
    this.link = link;
    this.session = session;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object message) {
    if (session.closing() || !ctx.channel().isActive()) {
      return; // frames decoded from bytes that arrived with the one that closed the link
    }
    InboundFrame inbound = (InboundFrame) message;
    Frame frame = inbound.frame();
    switch (frame.getKindCase()) {
      case ENVELOPE -> onEnvelope(frame.getEnvelope(), inbound.wireBytes());
      case PING -> ctx.writeAndFlush(FrameCodec.pong(frame.getPing().getNonce()),
          ctx.voidPromise());
      case PONG -> session.onPong(frame.getPong().getNonce());
      case ACK -> onAck(frame.getAck().getDelivered());
      case GOODBYE -> {
        log.debug("{}: {} says goodbye: {}", link.localId(), session.peerId(),
            LogText.quote(frame.getGoodbye().getReason()));
        session.close(CloseReason.PEER_CLOSED, false);
      }
      default -> protocolError(frame.getKindCase() + " frame after the handshake");
    }
  }

  private void onEnvelope(Envelope envelope, int wireBytes) {
    PeerChannel channel = FrameCodec.decode(envelope.getChannel());
    if (channel == null) {
      protocolError("envelope on unknown channel " + envelope.getChannelValue());
      return;
    }
    long sequence = envelope.getSequence();
    if (sequence == 0) {
      protocolError("envelope without a sequence");
      return;
    }
    session.recordInbound(channel, wireBytes);
    Inbox.Verdict verdict = session.inbox().deliver(session.incarnation(), sequence, () ->
        link.listener().onMessage(session.peerId(), channel, envelope.getPayload().toByteArray()));
    if (verdict == Inbox.Verdict.GAP) {
      protocolError("envelope " + Long.toUnsignedString(sequence) + " after "
          + session.inbox().delivered(session.incarnation()));
    }
  }

  private void onAck(long delivered) {
    if (!session.outbox().confirm(session.incarnation(), delivered)) {
      protocolError("Ack of sequence " + Long.toUnsignedString(delivered) + " never sent");
    }
  }

  /** After a batch of reads: confirm what was delivered, so the peer can free its queues. */
  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    if (!session.closing() && ctx.channel().isActive()) {
      session.acknowledge();
    }
    ctx.fireChannelReadComplete();
  }

  private void protocolError(String detail) {
    if (session.channel().isActive()) {
      log.info("{}: closing link to {}: malformed_frame ({})", link.localId(), session.peerId(),
          detail);
    }
    session.close(CloseReason.MALFORMED_FRAME, false);
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    if (ctx.channel().isWritable()) {
      session.drain();
    }
    ctx.fireChannelWritabilityChanged();
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
    if (event instanceof IdleStateEvent idle) {
      if (idle.state() == IdleState.READER_IDLE) {
        log.info("{}: closing link to {}: idle (nothing received for {} ms)", link.localId(),
            session.peerId(), link.settings().idleTimeoutMs());
        session.close(CloseReason.IDLE, true);
      } else if (idle.state() == IdleState.WRITER_IDLE) {
        session.ping();
      }
      return;
    }
    ctx.fireUserEventTriggered(event);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (!ctx.channel().isActive()) {
      return; // a write that raced the close; the close already has its reason
    }
    CloseReason reason = closeReasonOf(cause);
    if (reason == CloseReason.IO_ERROR && !(cause instanceof IOException)) {
      log.warn("{}: closing link to {} on an unexpected error", link.localId(), session.peerId(),
          cause);
    } else {
      log.info("{}: closing link to {}: {} ({})", link.localId(), session.peerId(),
          reason.label(), TlsFailures.describe(cause));
    }
    session.close(reason, false);
  }

  /** Bad bytes from the peer are its fault (malformed); the rest is the link's (I/O). */
  static CloseReason closeReasonOf(Throwable cause) {
    if (cause instanceof TooLongFrameException) {
      return CloseReason.FRAME_TOO_LARGE;
    }
    if (cause instanceof CorruptedFrameException) {
      return CloseReason.MALFORMED_FRAME;
    }
    if (cause instanceof DecoderException && !(cause.getCause() instanceof SSLException)) {
      return CloseReason.MALFORMED_FRAME;
    }
    return CloseReason.IO_ERROR;
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    CloseReason reason = session.closeReason();
    link.counters().closed(reason);
    link.registry().closed(session);
    log.debug("{}: link to {} closed: {}", link.localId(), session.peerId(), reason.label());
    ctx.fireChannelInactive();
  }
}
