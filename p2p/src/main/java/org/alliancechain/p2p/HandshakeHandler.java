package org.alliancechain.p2p;

import com.google.protobuf.ByteString;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.concurrent.ScheduledFuture;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.alliancechain.proto.v1.Frame;
import org.alliancechain.proto.v1.Handshake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a new connection from TCP accept (or connect) to an authenticated link: waits for TLS
 * (whose trust manager already refused non-members), checks the peer's certificate once more
 * against the membership of this moment, exchanges Handshake frames, then registers a {@link
 * PeerSession} and hands the pipeline to a {@link SessionHandler}. Any failure, or no success
 * within the handshake timeout, counts one handshake failure by reason and closes the
 * connection; no application frame is ever passed on from here.
 */
final class HandshakeHandler extends ChannelInboundHandlerAdapter {
  private static final Logger log = LoggerFactory.getLogger(HandshakeHandler.class);
  private final LinkContext link;
  private final String expectedPeerId;
  private ScheduledFuture<?> timeout;
  private CertificateCheck.Verified verified;
  private boolean finished;
  private boolean inProgress;

  /** @param expectedPeerId the node dialled, or null for an accepted connection */
  HandshakeHandler(LinkContext link, String expectedPeerId) {
    this.link = link;
    this.expectedPeerId = expectedPeerId;
  }

  private boolean outbound() {
    return expectedPeerId != null;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    inProgress = true;
    link.counters().handshakesInProgress.increment();
    if (ctx.channel().isActive()) {
      startTimer(ctx);
    }
  }

  /** Replaced by the session handler, or torn down with a channel that never connected. */
  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    finished = true;
    endProgress();
  }

  private void endProgress() {
    if (inProgress) {
      inProgress = false;
      link.counters().handshakesInProgress.decrement();
      if (timeout != null) {
        timeout.cancel(false);
      }
    }
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    startTimer(ctx);
    ctx.fireChannelActive();
  }

  private void startTimer(ChannelHandlerContext ctx) {
    if (timeout == null && !finished) {
      long timeoutMs = link.settings().handshakeTimeoutMs();
      timeout = ctx.executor().schedule(() -> fail(ctx, HandshakeFailure.TIMEOUT,
          "no authenticated handshake within " + timeoutMs + " ms"), timeoutMs,
          TimeUnit.MILLISECONDS);
    }
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
    if (event instanceof SslHandshakeCompletionEvent tls) {
      if (tls.isSuccess()) {
        onTlsEstablished(ctx);
      } else {
        fail(ctx, TlsFailures.classify(tls.cause()), TlsFailures.describe(tls.cause()));
      }
    }
    // Idle events before the link exists are the handshake timeout's business.
  }

  private void onTlsEstablished(ChannelHandlerContext ctx) {
    X509Certificate[] chain;
    try {
      Certificate[] presented = ctx.pipeline().get(SslHandler.class).engine().getSession()
          .getPeerCertificates();
      chain = Arrays.copyOf(presented, presented.length, X509Certificate[].class);
    } catch (SSLPeerUnverifiedException | ArrayStoreException e) {
      fail(ctx, HandshakeFailure.NO_CERTIFICATE, "TLS finished without a peer X.509 certificate");
      return;
    }
    try {
      verified = CertificateCheck.check(chain, link.membership().current(), link.clock().instant());
    } catch (PeerRejectedException e) {
      fail(ctx, e.reason(), e.getMessage());
      return;
    }
    if (verified.nodeId().equals(link.localId())) {
      fail(ctx, HandshakeFailure.SELF, "the connection reached this node itself");
    } else if (outbound() && !verified.nodeId().equals(expectedPeerId)) {
      fail(ctx, HandshakeFailure.UNEXPECTED_PEER,
          "dialled " + expectedPeerId + " but reached " + verified.nodeId());
    } else {
      ctx.writeAndFlush(ownHandshake());
    }
  }

  private Frame ownHandshake() {
    return Frame.newBuilder().setHandshake(Handshake.newBuilder()
        .setProtocolVersion(LinkContext.PROTOCOL_VERSION)
        .setChainId(link.chain().chainId())
        .setGenesisHash(ByteString.copyFrom(link.chain().genesisHash()))
        .setNodeId(link.localId())
        .setHeight(link.committedHeight().getAsLong())
        .setIncarnation(link.incarnation())
        .setFrameBytesMax(link.settings().frameBytesMax())
        .setIdleTimeoutMs((int) Math.min(Integer.MAX_VALUE, link.settings().idleTimeoutMs())))
        .build();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object message) {
    if (finished) {
      return; // the connection is closing; nothing more is read from it
    }
    Frame frame = ((InboundFrame) message).frame();
    if (verified == null || !frame.hasHandshake()) {
      fail(ctx, HandshakeFailure.MALFORMED_HANDSHAKE,
          "expected a Handshake frame first, got " + frame.getKindCase());
      return;
    }
    Handshake handshake = frame.getHandshake();
    long peerFrameBytesMax = Integer.toUnsignedLong(handshake.getFrameBytesMax());
    if (handshake.getProtocolVersion() != LinkContext.PROTOCOL_VERSION) {
      fail(ctx, HandshakeFailure.PROTOCOL_VERSION, "peer speaks protocol version "
          + handshake.getProtocolVersion() + ", this node " + LinkContext.PROTOCOL_VERSION);
    } else if (!link.chain().matches(handshake.getChainId(),
        handshake.getGenesisHash().toByteArray())) {
      fail(ctx, HandshakeFailure.CHAIN_MISMATCH, "peer is on chain "
          + LogText.quote(handshake.getChainId()) + " with genesis "
          + LogText.quote(HexFormat.of().formatHex(handshake.getGenesisHash().toByteArray()))
          + ", this node on " + link.chain());
    } else if (!handshake.getNodeId().equals(verified.nodeId())) {
      fail(ctx, HandshakeFailure.IDENTITY_MISMATCH, "Handshake says node "
          + LogText.quote(handshake.getNodeId()) + " but the certificate says "
          + verified.nodeId());
    } else if (peerFrameBytesMax < P2pSettings.FRAME_BYTES_MIN) {
      fail(ctx, HandshakeFailure.MALFORMED_HANDSHAKE, "peer accepts frames of at most "
          + peerFrameBytesMax + " bytes, under " + P2pSettings.FRAME_BYTES_MIN);
    } else {
      establish(ctx, handshake);
    }
  }

  private void establish(ChannelHandlerContext ctx, Handshake handshake) {
    finished = true;
    endProgress();
    String peerId = verified.nodeId();
    Member member = verified.member();
    ConnectedPeer info = new ConnectedPeer(peerId, member.organizationId(), member.role(),
        handshake.getHeight(), ctx.channel().remoteAddress(), outbound(), link.clock().millis());
    PeerSession session = new PeerSession(info, verified, handshake.getIncarnation(),
        outbound() ? link.localId() : peerId, ctx.channel(),
        Integer.toUnsignedLong(handshake.getFrameBytesMax()),
        link.registry().streams(peerId), link.counters().peer(peerId));
    ctx.pipeline().replace(this, "link", new SessionHandler(link, session));
    keepAliveFor(ctx, Integer.toUnsignedLong(handshake.getIdleTimeoutMs()));
    if (link.registry().register(session)) {
      link.counters().linksEstablished.increment();
      log.info("{}: link to {} ({} of {}, height {}) established, {} {}", link.localId(), peerId,
          member.role(), member.organizationId(), handshake.getHeight(),
          outbound() ? "dialled" : "accepted", ctx.channel().remoteAddress());
    } else {
      session.close(CloseReason.DUPLICATE, true);
    }
  }

  /** Pings often enough for the stricter of the two idle timeouts. */
  private void keepAliveFor(ChannelHandlerContext ctx, long peerIdleTimeoutMs) {
    long ownMs = link.settings().idleTimeoutMs();
    if (peerIdleTimeoutMs > 0 && peerIdleTimeoutMs < ownMs) {
      ctx.pipeline().replace("idle", "idle", LinkInitializer.idleHandler(ownMs, peerIdleTimeoutMs));
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    HandshakeFailure reason = cause instanceof TooLongFrameException
        || cause instanceof CorruptedFrameException
        ? HandshakeFailure.MALFORMED_HANDSHAKE : TlsFailures.classify(cause);
    fail(ctx, reason, TlsFailures.describe(cause));
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    fail(ctx, verified == null ? HandshakeFailure.TLS_ERROR : HandshakeFailure.MALFORMED_HANDSHAKE,
        "the peer closed the connection during the handshake");
    ctx.fireChannelInactive();
  }

  private void fail(ChannelHandlerContext ctx, HandshakeFailure reason, String detail) {
    if (finished) {
      return;
    }
    finished = true;
    endProgress();
    link.counters().handshakeFailed(reason);
    log.info("{}: refused {} connection {}{}: {} ({})", link.localId(),
        outbound() ? "outbound" : "inbound", ctx.channel().remoteAddress(),
        outbound() ? " to " + expectedPeerId : "", reason.label(), detail);
    ctx.close();
  }
}
