package org.alliancechain.p2p;

import com.google.protobuf.ByteString;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.alliancechain.proto.v1.Frame;

/**
 * One authenticated link to a peer: its per-channel bounded queues and the drain that moves
 * them into the socket. Any thread may {@link #offer}; everything else runs on the link's event
 * loop. The drain writes only while the Netty channel is writable (below its high water mark),
 * so Netty's own buffer stays bounded and back-pressure lands in the bounded queues.
 */
final class PeerSession {
  /** Channels in drain order: one payload of each per round, consensus first. */
  private static final PeerChannel[] ROUND = PeerChannel.values();
  /** Flush at least this often while draining, so the first bytes leave before the last. */
  private static final int FLUSH_BYTES = 64 * 1024;
  private static final long GOODBYE_WAIT_MS = 1_000;

  private final ConnectedPeer info;
  private final CertificateCheck.Verified verified;
  private final long incarnation;
  private final String dialerId;
  private final Channel channel;
  private final long peerFrameBytesMax;
  private final Map<PeerChannel, OutboundQueue> queues = new EnumMap<>(PeerChannel.class);
  private final Map<PeerChannel, P2pCounters.Channel> counters;
  private final AtomicBoolean drainScheduled = new AtomicBoolean();
  private final long establishedNanos = System.nanoTime();
  private volatile CloseReason closeReason;
  private volatile long roundTripMs = -1;
  private long pingNonce;
  private long pingSentNanos;

  PeerSession(ConnectedPeer info, CertificateCheck.Verified verified, long incarnation,
      String dialerId, Channel channel, long peerFrameBytesMax, P2pSettings settings,
      Map<PeerChannel, P2pCounters.Channel> counters) {
    this.info = info;
    this.verified = verified;
    this.incarnation = incarnation;
    this.dialerId = dialerId;
    this.channel = channel;
    this.peerFrameBytesMax = peerFrameBytesMax;
    this.counters = counters;
    for (PeerChannel peerChannel : ROUND) {
      queues.put(peerChannel, new OutboundQueue(settings.queueLimit(peerChannel)));
    }
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

  long establishedNanos() {
    return establishedNanos;
  }

  long roundTripMs() {
    return roundTripMs;
  }

  /** Queues {@code payload} for the peer and wakes the drain; never blocks. */
  SendResult offer(PeerChannel peerChannel, ByteString payload) {
    if (closeReason != null || !channel.isActive()) {
      return SendResult.NOT_CONNECTED;
    }
    if (FrameCodec.envelopeFrameBytes(payload.size()) > peerFrameBytesMax) {
      return SendResult.REFUSED_TOO_LARGE;
    }
    SendResult result = queues.get(peerChannel).offer(payload);
    switch (result) {
      case ACCEPTED -> {
        if (drainScheduled.compareAndSet(false, true)) {
          channel.eventLoop().execute(this::drain);
        }
      }
      case DROPPED_QUEUE_FULL -> counters.get(peerChannel).queueDrops.increment();
      case REFUSED_QUEUE_FULL -> counters.get(peerChannel).queueRefusals.increment();
      default -> { }
    }
    return result;
  }

  /** Moves queued payloads into the socket, round-robin, while it is writable. Event loop. */
  void drain() {
    drainScheduled.set(false);
    long unflushed = 0;
    boolean progress = true;
    while (progress && channel.isWritable() && closeReason == null) {
      progress = false;
      for (PeerChannel peerChannel : ROUND) {
        ByteString payload = queues.get(peerChannel).poll();
        if (payload == null) {
          continue;
        }
        Frame frame = FrameCodec.envelope(peerChannel, payload);
        int bytes = FrameCodec.LENGTH_PREFIX_BYTES + frame.getSerializedSize();
        channel.write(frame, channel.voidPromise());
        P2pCounters.Channel traffic = counters.get(peerChannel);
        traffic.messagesOut.increment();
        traffic.bytesOut.add(bytes);
        unflushed += bytes;
        progress = true;
        if (unflushed >= FLUSH_BYTES) {
          channel.flush();
          unflushed = 0;
        }
        if (!channel.isWritable()) {
          break;
        }
      }
    }
    if (unflushed > 0) {
      channel.flush();
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

  Map<PeerChannel, Integer> queuedMessages() {
    Map<PeerChannel, Integer> sizes = new EnumMap<>(PeerChannel.class);
    queues.forEach((peerChannel, queue) -> sizes.put(peerChannel, queue.size()));
    return sizes;
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

  void clearQueues() {
    queues.values().forEach(OutboundQueue::clear);
  }
}
