package org.alliancechain.p2p;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.ssl.SslContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLException;

/**
 * One node's link context over {@link EmbeddedChannel}s: the real pipeline and real TLS 1.3,
 * no sockets, no threads; bytes move only when a test pumps them, so interleavings are chosen,
 * not hoped for. Every link it opens or accepts shares the node's registry, outboxes and
 * inboxes, as on a real node.
 */
final class EmbeddedNode implements AutoCloseable {
  final LinkContext link;
  final RecordingListener listener = new RecordingListener();
  private final SslContext client;
  private final SslContext server;
  private final List<EmbeddedChannel> channels = new ArrayList<>();

  EmbeddedNode(TlsIdentity identity, Membership members, P2pSettings settings, long incarnation)
      throws SSLException {
    P2pCounters counters = new P2pCounters();
    link = new LinkContext(settings, identity, TestCluster.CHAIN, members, () -> 9, incarnation,
        Clock.systemUTC(), counters,
        new SessionRegistry(identity.nodeId(), listener, settings, counters), listener);
    MembershipTrustManager trust = new MembershipTrustManager(members, Clock.systemUTC());
    client = TlsContexts.client(identity, trust, TlsProvider.JDK);
    server = TlsContexts.server(identity, trust, TlsProvider.JDK);
  }

  /** A new outbound connection to {@code peerId}, TCP-connected, nothing exchanged yet. */
  EmbeddedChannel dial(String peerId) {
    return open(new EmbeddedChannel(new LinkInitializer(link, client, peerId)));
  }

  /** A new inbound connection, accepted, nothing exchanged yet. */
  EmbeddedChannel accept() {
    return open(new EmbeddedChannel(new LinkInitializer(link, server, null)));
  }

  private EmbeddedChannel open(EmbeddedChannel channel) {
    channels.add(channel);
    return channel;
  }

  /** This node's registered session with {@code peerId}, or null. */
  PeerSession session(String peerId) {
    return link.registry().get(peerId);
  }

  /** Moves bytes both ways until neither side has anything more to say. */
  static void pump(EmbeddedChannel a, EmbeddedChannel b) {
    boolean moved = true;
    while (moved) {
      moved = transfer(a, b) | transfer(b, a);
    }
  }

  /** Runs {@code from}'s pending tasks and hands all it wrote to {@code to}; true if any. */
  static boolean transfer(EmbeddedChannel from, EmbeddedChannel to) {
    from.runPendingTasks();
    boolean moved = false;
    for (ByteBuf bytes; (bytes = from.readOutbound()) != null; ) {
      moved = true;
      if (to.isOpen()) {
        to.writeInbound(bytes);
      } else {
        bytes.release();
      }
    }
    return moved;
  }

  /** Runs {@code channel}'s pending tasks and throws away all it wrote: bytes lost in flight. */
  static void lose(EmbeddedChannel channel) {
    channel.runPendingTasks();
    for (ByteBuf bytes; (bytes = channel.readOutbound()) != null; ) {
      bytes.release();
    }
  }

  @Override
  public void close() {
    channels.forEach(EmbeddedChannel::finishAndReleaseAll);
  }
}
