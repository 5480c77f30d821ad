package org.alliancechain.p2p;

import com.google.protobuf.ByteString;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link PeerNetwork} over Netty NIO sockets and TLS 1.3. */
final class NettyPeerNetwork implements PeerNetwork {
  private static final Logger log = LoggerFactory.getLogger(NettyPeerNetwork.class);
  /** How often live links are checked against the membership without being asked. */
  static final long MEMBERSHIP_RECHECK_MS = 60_000;
  private final LinkContext link;
  private final Map<String, PeerDialer> dialers = new ConcurrentHashMap<>();
  private EventLoopGroup group;
  private SslContext clientTls;
  private Backoff backoff;
  private Channel serverChannel;
  private volatile int listenPort = -1;
  private volatile boolean closed;

  NettyPeerNetwork(P2pSettings settings, TlsIdentity identity, ChainIdentity chain,
      Membership membership, LongSupplier committedHeight, PeerListener listener) {
    PeerListener safe = new SafeListener(listener);
    P2pCounters counters = new P2pCounters();
    SessionRegistry registry = new SessionRegistry(identity.nodeId(), safe, settings, counters);
    this.link = new LinkContext(settings, identity, chain, membership, committedHeight,
        new SecureRandom().nextLong(), Clock.systemUTC(), counters, registry, safe);
    registry.observeLinks(this::onLink);
  }

  @Override
  public synchronized void start() throws P2pException {
    if (group != null) {
      throw new IllegalStateException("p2p network of " + localNodeId() + " already started");
    }
    P2pSettings settings = link.settings();
    MembershipTrustManager trust = new MembershipTrustManager(link.membership(), link.clock());
    SslContext serverTls;
    try {
      serverTls = TlsContexts.server(link.identity(), trust, settings.tlsProvider());
      clientTls = TlsContexts.client(link.identity(), trust, settings.tlsProvider());
    } catch (SSLException e) {
      throw new P2pException("cannot set up TLS for node " + localNodeId() + ": "
          + e.getMessage(), e);
    }
    group = new MultiThreadIoEventLoopGroup(settings.ioThreads(),
        new DefaultThreadFactory("p2p-" + localNodeId(), true), NioIoHandler.newFactory());
    bind(settings, serverTls);
    backoff = new Backoff(settings.reconnectBackoffMinMs(), settings.reconnectBackoffMaxMs(),
        new SecureRandom());
    settings.peers().forEach(this::addPeer);
    // Certificates expire and members leave while links stay up: look again now and then.
    group.scheduleAtFixedRate(this::recheckMembership, MEMBERSHIP_RECHECK_MS,
        MEMBERSHIP_RECHECK_MS, TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void addPeer(PeerAddress peer) {
    if (group == null || closed) {
      throw new IllegalStateException("add peers to a started, open network; " + localNodeId()
          + " is " + (closed ? "closed" : "not started"));
    }
    if (peer.nodeId().equals(localNodeId())) {
      return;
    }
    PeerDialer existing = dialers.get(peer.nodeId());
    if (existing != null) {
      if (existing.address().equals(peer)) {
        return;
      }
      removePeer(peer.nodeId()); // it moved: dial the new address from now on
    }
    EventLoop loop = group.next();
    Bootstrap bootstrap = new Bootstrap().group(loop).channel(NioSocketChannel.class)
        .option(ChannelOption.TCP_NODELAY, true)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS,
            (int) Math.min(Integer.MAX_VALUE, link.settings().handshakeTimeoutMs()))
        .handler(new LinkInitializer(link, clientTls, peer.nodeId()));
    PeerDialer dialer = new PeerDialer(peer, bootstrap, loop, backoff, link);
    dialers.put(peer.nodeId(), dialer);
    dialer.start();
  }

  @Override
  public synchronized void removePeer(String nodeId) {
    PeerDialer dialer = dialers.remove(nodeId);
    if (dialer != null) {
      dialer.close();
    }
  }

  private void bind(P2pSettings settings, SslContext serverTls) throws P2pException {
    ServerBootstrap server = new ServerBootstrap().group(group)
        .channel(NioServerSocketChannel.class)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childHandler(new LinkInitializer(link, serverTls, null));
    try {
      serverChannel = server.bind(settings.listenHost(), settings.listenPort()).sync().channel();
    } catch (Exception e) {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
      throw new P2pException("node " + localNodeId() + " cannot listen on "
          + settings.listenHost() + ":" + settings.listenPort() + ": " + e.getMessage(), e);
    }
    listenPort = ((InetSocketAddress) serverChannel.localAddress()).getPort();
    log.info("{}: p2p listening on {}:{} (TLS 1.3 by {}), dialling {} peers", localNodeId(),
        settings.listenHost(), listenPort, TlsContexts.resolve(settings.tlsProvider()),
        settings.peers().size());
  }

  private void onLink(String peerId, boolean up) {
    PeerDialer dialer = dialers.get(peerId);
    if (dialer != null && !closed) {
      if (up) {
        dialer.onLinkUp();
      } else {
        dialer.onLinkDown();
      }
    }
  }

  /** The live session with {@code peerId}, or null; for tests that look inside the link. */
  PeerSession session(String peerId) {
    return link.registry().get(peerId);
  }

  /** How many configured peers have a dial in flight; for tests that wait for a quiet mesh. */
  long dialsInFlight() {
    return dialers.values().stream().filter(PeerDialer::dialling).count();
  }

  /** See {@link PeerDialer#dialAgainNow()}; {@code peerId} must be a configured peer. */
  CompletableFuture<Channel> dialAgainNow(String peerId) {
    PeerDialer dialer = dialers.get(peerId);
    if (dialer == null) {
      throw new IllegalArgumentException(peerId + " is not a configured peer of " + localNodeId());
    }
    return dialer.dialAgainNow();
  }

  @Override
  public int listenPort() {
    return listenPort;
  }

  @Override
  public String localNodeId() {
    return link.localId();
  }

  @Override
  public SendResult send(String peerId, PeerChannel channel, byte[] payload) {
    PeerSession session = link.registry().get(peerId);
    if (session == null) {
      boolean known = dialers.containsKey(peerId)
          || link.membership().current().member(peerId).isPresent();
      return known ? SendResult.NOT_CONNECTED : SendResult.UNKNOWN_PEER;
    }
    return session.offer(channel, ByteString.copyFrom(payload));
  }

  @Override
  public Map<String, SendResult> broadcast(PeerChannel channel, byte[] payload) {
    ByteString shared = ByteString.copyFrom(payload);
    Map<String, SendResult> results = new LinkedHashMap<>();
    for (PeerSession session : link.registry().all()) {
      results.put(session.peerId(), session.offer(channel, shared));
    }
    return results;
  }

  @Override
  public List<PeerStatus> peers() {
    List<PeerStatus> statuses = new ArrayList<>();
    Map<String, PeerSession> live = new LinkedHashMap<>();
    link.registry().all().forEach(session -> live.put(session.peerId(), session));
    for (PeerDialer dialer : dialers.values()) {
      PeerSession session = live.remove(dialer.address().nodeId());
      statuses.add(status(dialer.address().nodeId(), session, dialer));
    }
    live.forEach((peerId, session) -> statuses.add(status(peerId, session, null)));
    return statuses;
  }

  private PeerStatus status(String peerId, PeerSession session, PeerDialer dialer) {
    PeerState state = session != null ? PeerState.CONNECTED
        : dialer != null ? dialer.state() : PeerState.DISCONNECTED;
    Outbox outbox = link.registry().outbox(peerId);
    return new PeerStatus(peerId, state,
        Optional.ofNullable(session).map(PeerSession::info),
        session == null ? -1 : session.roundTripMs(),
        outbox == null ? Map.of() : outbox.held(),
        dialer == null ? 0 : dialer.failures(),
        dialer == null ? Optional.empty() : dialer.lastFailure(),
        Optional.ofNullable(dialer).map(PeerDialer::address));
  }

  @Override
  public P2pMetrics metrics() {
    return link.counters().snapshot();
  }

  @Override
  public int recheckMembership() {
    MembershipSnapshot current = link.membership().current();
    int revoked = 0;
    for (PeerSession session : link.registry().all()) {
      try {
        CertificateCheck.check(new X509Certificate[] {session.verified().certificate()},
            current, link.clock().instant());
      } catch (PeerRejectedException e) {
        log.info("{}: closing link to {}: membership_revoked ({})", localNodeId(),
            session.peerId(), e.getMessage());
        session.close(CloseReason.MEMBERSHIP_REVOKED, true);
        revoked++;
      }
    }
    return revoked;
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (group == null) {
      return;
    }
    dialers.values().forEach(PeerDialer::close);
    if (serverChannel != null) {
      serverChannel.close().syncUninterruptibly();
    }
    for (PeerSession session : link.registry().all()) {
      session.close(CloseReason.SHUTDOWN, true);
    }
    group.shutdownGracefully(50, 2_000, TimeUnit.MILLISECONDS).syncUninterruptibly();
    log.info("{}: p2p closed", localNodeId());
  }
}
