package org.alliancechain.p2p;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.Channel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;

/**
 * The pipeline of every link, inbound or outbound: TLS, length-prefixed frame decoding with a
 * hard maximum, frame encoding, idle detection, then the handshake (replaced by the session
 * handler once the link is authenticated).
 */
final class LinkInitializer extends ChannelInitializer<Channel> {
  /**
   * Netty's outbound buffer per link: the drain stops above the high mark and resumes below the
   * low one, so at most about this much sits in Netty beside the bounded queues.
   */
  static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(256 * 1024, 1024 * 1024);
  /**
   * Connections allowed between TCP accept and an established link at once. The mesh needs a
   * handful; a flood of half-open TLS handshakes beyond this is shed at accept.
   */
  static final int PENDING_HANDSHAKES_MAX = 64;

  private final LinkContext link;
  private final SslContext tls;
  private final String expectedPeerId;

  /** @param expectedPeerId the node being dialled, or null for accepted connections */
  LinkInitializer(LinkContext link, SslContext tls, String expectedPeerId) {
    this.link = link;
    this.tls = tls;
    this.expectedPeerId = expectedPeerId;
  }

  /**
   * Closes after {@code ownTimeoutMs} without a byte received; pings after a third of the
   * stricter timeout without a byte written, so neither side ever sees a live link as idle.
   */
  static IdleStateHandler idleHandler(long ownTimeoutMs, long peerTimeoutMs) {
    return new IdleStateHandler(ownTimeoutMs, Math.min(ownTimeoutMs, peerTimeoutMs) / 3, 0,
        TimeUnit.MILLISECONDS);
  }

  @Override
  protected void initChannel(Channel channel) {
    channel.config().setWriteBufferWaterMark(WATER_MARK);
    P2pSettings settings = link.settings();
    // No peer host or port given to the engine: that disables TLS session resumption, so every
    // link runs the full certificate check against the membership of its moment.
    SslHandler tlsHandler = tls.newHandler(channel.alloc());
    tlsHandler.setHandshakeTimeoutMillis(settings.handshakeTimeoutMs());
    if (expectedPeerId == null) {
      link.counters().connectionsAccepted.increment();
      if (link.counters().handshakesInProgress.sum() >= PENDING_HANDSHAKES_MAX) {
        link.counters().handshakeFailed(HandshakeFailure.OVERLOADED);
        channel.close();
        return;
      }
    }
    ChannelPipeline pipeline = channel.pipeline();
    pipeline.addLast("tls", tlsHandler);
    pipeline.addLast("frames", new FrameDecoder(settings.frameBytesMax()));
    pipeline.addLast("encoder", FrameEncoder.INSTANCE);
    pipeline.addLast("idle", idleHandler(settings.idleTimeoutMs(), settings.idleTimeoutMs()));
    pipeline.addLast("handshake", new HandshakeHandler(link, expectedPeerId));
  }
}
