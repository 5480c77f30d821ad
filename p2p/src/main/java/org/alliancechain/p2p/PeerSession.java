package org.alliancechain.p2p;

import com.google.protobuf.ByteString;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.alliancechain.proto.v1.Frame;

/**
 * One authenticated link to a peer and the drain that moves the peer's {@link Outbox} into the
 * socket while this link is the peer's registered one. Any thread may {@link #offer} (the
 * payload goes to the peer's outbox, which outlives the link); everything else runs on the
 * link's event loop. The drain writes only while the Netty channel is writable (below its high
 * water mark), so Netty's own buffer stays bounded and back-pressure lands in the bounded
 * queues.
 */
final class PeerSession {
  /** Flush at least this often while draining, so the first bytes leave before the last. */
  private static final int FLUSH_BYTES = 64 * 1024;
  private static final long GOODBYE_WAIT_MS = 1_000;

  private final ConnectedPeer info;
  private final CertificateCheck.Verified verified;
  private final long incarnation;
  private final String dialerId;
  private final Channel channel;
  private final long peerFrameBytesMax;
  private final Outbox outbox;
  private final Inbox inbox;
  private final Map<PeerChannel, P2pCounters.Channel> counters;
  private final AtomicBoolean drainScheduled = new AtomicBoolean();
  private volatile CloseReason closeReason;
  private volatile long roundTripMs = -1;
  private long pingNonce;
  private long pingSentNanos;
  /** The highest sequence this link has confirmed to the peer. Event loop. */
  private long acknowledged;

  PeerSession(ConnectedPeer info, CertificateCheck.Verified verified, long incarnation,
      String dialerId, Channel channel, long peerFrameBytesMax, SessionRegistry.Streams streams,
      Map<PeerChannel, P2pCounters.Channel> counters) {
    this.info = info;
    this.verified = verified;
    this.incarnation = incarnation;
    this.dialerId = dialerId;
    this.channel = channel;
    this.peerFrameBytesMax = peerFrameBytesMax;
    this.outbox = streams.outbox();
    this.inbox = streams.inbox();
    this.counters = counters;
  }

  ConnectedPeer info() {
    return info;
  }

  String peerId() {
    return info.nodeId();
  }

  CertificateCheck.Verified verified() {
    return verified;
  }

  long incarnation() {
    return incarnation;
  }

  String dialerId() {
    return dialerId;
  }

  Channel channel() {
    return channel;
  }

  Outbox outbox() {
    return outbox;
  }

  Inbox inbox() {
    return inbox;
  }

  long roundTripMs() {
    return roundTripMs;
  }

  /**
   * Queues {@code payload} in the peer's outbox, which wakes whichever link drains it; never
   * blocks. A link that is closing takes nothing: the peer has no live link through it.
   */
  SendResult offer(PeerChannel peerChannel, ByteString payload) {
    if (closeReason != null || !channel.isActive()) {
      return SendResult.NOT_CONNECTED;
    }
    if (FrameCodec.envelopeFrameBytes(payload.size()) > peerFrameBytesMax) {
      return SendResult.REFUSED_TOO_LARGE;
    }
    return outbox.offer(peerChannel, payload);
  }

  /** Schedules a drain on the event loop unless one is pending. Any thread, non-blocking. */
  void wake() {
    if (drainScheduled.compareAndSet(false, true)) {
      channel.eventLoop().execute(this::drain);
    }
  }

  /**
   * Moves the outbox into the socket while it is writable and this link owns the outbox:
   * unconfirmed payloads of an earlier link first, then new ones round-robin. Event loop.
   */
  void drain() {
    drainScheduled.set(false);
    long unflushed = 0;
    while (channel.isWritable() && closeReason == null) {
      Outbox.Sent sent = outbox.next(this);
      if (sent == null) {
        break;
      }
      Frame frame = FrameCodec.envelope(sent.channel(), sent.sequence(), sent.payload());
      int bytes = FrameCodec.LENGTH_PREFIX_BYTES + frame.getSerializedSize();
      channel.write(frame, channel.voidPromise());
      P2pCounters.Channel traffic = counters.get(sent.channel());
      traffic.messagesOut.increment();
      traffic.bytesOut.add(bytes);
      unflushed += bytes;
      if (unflushed >= FLUSH_BYTES) {
        channel.flush();
        unflushed = 0;
      }
    }
    if (unflushed > 0) {
      channel.flush();
    }
  }

  /**
   * Confirms to the peer what this node delivered from it, if more than this link already
   * confirmed; called after each batch of reads. Event loop.
   */
  void acknowledge() {
    long delivered = inbox.delivered(incarnation);
    if (delivered > acknowledged && closeReason == null) {
      acknowledged = delivered;
      channel.writeAndFlush(FrameCodec.ack(delivered), channel.voidPromise());
    }
  }

  void recordInbound(PeerChannel peerChannel, int wireBytes) {
    P2pCounters.Channel traffic = counters.get(peerChannel);
    traffic.messagesIn.increment();
    traffic.bytesIn.add(wireBytes);
  }

  /** Sends a Ping unless one is still unanswered. Event loop. */
  void ping() {
    if (pingSentNanos != 0) {
      return;
    }
    pingNonce = ThreadLocalRandom.current().nextLong();
    pingSentNanos = System.nanoTime();
    channel.writeAndFlush(FrameCodec.ping(pingNonce), channel.voidPromise());
  }

  /** Records the round trip if {@code nonce} answers our outstanding Ping. Event loop. */
  void onPong(long nonce) {
    if (pingSentNanos != 0 && nonce == pingNonce) {
      roundTripMs = (System.nanoTime() - pingSentNanos) / 1_000_000;
      pingSentNanos = 0;
    }
  }

  /** Payloads held for the peer per channel, written or not, until it confirms them. */
  Map<PeerChannel, Integer> queuedMessages() {
    return outbox.held();
  }

  /** True once this side decided to close; nothing more is read or written. */
  boolean closing() {
    return closeReason != null;
  }

  /** The first reason given wins; later calls only make sure the channel closes. */
  CloseReason closeReason() {
    CloseReason reason = closeReason;
    return reason == null ? CloseReason.PEER_CLOSED : reason;
  }

  /** Closes the link, telling the peer why first when {@code goodbye} (best effort). */
  void close(CloseReason reason, boolean goodbye) {
    synchronized (this) {
      if (closeReason == null) {
        closeReason = reason;
      }
    }
    if (goodbye && channel.isActive()) {
      channel.writeAndFlush(FrameCodec.goodbye(reason.label()))
          .addListener(ChannelFutureListener.CLOSE);
      // A peer that reads nothing would hold the goodbye, and the link, forever.
      channel.eventLoop().schedule(() -> channel.close(), GOODBYE_WAIT_MS, TimeUnit.MILLISECONDS);
    } else {
      channel.close();
    }
  }
}
