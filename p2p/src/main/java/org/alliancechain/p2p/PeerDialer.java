package org.alliancechain.p2p;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Keeps dialling one configured peer while it has no link, with jittered exponential back-off.
 * All its state lives on one event loop (the dialled channels live there too), so it needs no
 * locks; other threads only read the volatile status fields.
 */
final class PeerDialer {
  private final PeerAddress address;
  private final Bootstrap bootstrap;
  private final EventLoop loop;
  private final Backoff backoff;
  private final long failureResetNanos;
  private final LinkContext link;
  private volatile PeerState state = PeerState.WAITING_TO_RECONNECT;
  private volatile int failures;
  private volatile String lastFailure;
  private ScheduledFuture<?> retry;
  /** A dial of ours is between its start and the close of its channel; read by tests too. */
  private volatile boolean connecting;
  /** The channel of our dial once connected, until it closes. */
  private volatile Channel dialledChannel;
  private boolean closed;
  private boolean linkUpSinceDial;
  private long linkUpNanos;

  /** @param bootstrap already bound to {@code loop} and to this peer's pipeline */
  PeerDialer(PeerAddress address, Bootstrap bootstrap, EventLoop loop, Backoff backoff,
      LinkContext link) {
    this.address = address;
    this.bootstrap = bootstrap;
    this.loop = loop;
    this.backoff = backoff;
    this.link = link;
    this.failureResetNanos = TimeUnit.MILLISECONDS.toNanos(link.settings().reconnectBackoffMaxMs());
  }

  PeerAddress address() {
    return address;
  }

  PeerState state() {
    return state;
  }

  int failures() {
    return failures;
  }

  Optional<String> lastFailure() {
    return Optional.ofNullable(lastFailure);
  }

  void start() {
    loop.execute(this::dial);
  }

  /**
   * True while a dial of ours is in flight: resolving, connecting, handshaking, or closing after
   * it lost the tie-break. False once it is the peer's registered link, or none is under way.
   */
  boolean dialling() {
    if (!connecting) {
      return false;
    }
    Channel dialled = dialledChannel;
    PeerSession current = link.registry().get(address.nodeId());
    return dialled == null || current == null || current.channel() != dialled;
  }

  /**
   * Opens one more connection to the peer right now, whatever the link state and back-off, and
   * leaves it to the tie-break: what a redial that raced the peer's own dial does. For tests
   * that force simultaneous dials; the dialler's own state is untouched.
   *
   * @return completes with the connected channel, or exceptionally if the connect failed
   */
  CompletableFuture<Channel> dialAgainNow() {
    CompletableFuture<Channel> dialled = new CompletableFuture<>();
    loop.execute(() -> {
      link.counters().connectionAttempts.increment();
      bootstrap.connect(new InetSocketAddress(address.host(), address.port()))
          .addListener((ChannelFuture connect) -> {
            if (connect.isSuccess()) {
              dialled.complete(connect.channel());
            } else {
              dialled.completeExceptionally(connect.cause());
            }
          });
    });
    return dialled;
  }

  void close() {
    if (!loop.isShuttingDown()) {
      loop.execute(() -> {
        closed = true;
        if (retry != null) {
          retry.cancel(false);
        }
      });
    }
  }

  /** A link to this peer (in either direction) was registered. Any thread. */
  void onLinkUp() {
    loop.execute(() -> {
      state = PeerState.CONNECTED;
      linkUpNanos = System.nanoTime();
      linkUpSinceDial = true;
      if (retry != null) {
        retry.cancel(false);
        retry = null;
      }
    });
  }

  /** The peer's link closed. A link that lasted resets the back-off. Any thread. */
  void onLinkDown() {
    loop.execute(() -> {
      if (System.nanoTime() - linkUpNanos >= failureResetNanos) {
        failures = 0;
      }
      lastFailure = "link closed";
      scheduleRetry();
    });
  }

  private void dial() {
    retry = null;
    if (closed || connecting || link.registry().get(address.nodeId()) != null) {
      return;
    }
    connecting = true;
    state = PeerState.CONNECTING;
    linkUpSinceDial = false;
    link.counters().connectionAttempts.increment();
    // Name resolution blocks, so it runs off the event loop that carries other links.
    GlobalEventExecutor.INSTANCE.execute(() -> {
      InetSocketAddress resolved = new InetSocketAddress(address.host(), address.port());
      loop.execute(() -> connect(resolved));
    });
  }

  private void connect(InetSocketAddress resolved) {
    if (resolved.isUnresolved()) {
      connecting = false;
      failed("cannot resolve the host of " + address);
      return;
    }
    if (closed) {
      connecting = false;
      return;
    }
    bootstrap.connect(resolved).addListener((ChannelFuture connect) -> {
      if (!connect.isSuccess()) {
        connecting = false;
        failed("cannot connect to " + address + ": " + TlsFailures.describe(connect.cause()));
      } else {
        dialledChannel = connect.channel();
        connect.channel().closeFuture().addListener(closeFuture -> onDialledChannelClosed());
      }
    });
  }

  private void onDialledChannelClosed() {
    dialledChannel = null;
    connecting = false;
    if (link.registry().get(address.nodeId()) != null) {
      state = PeerState.CONNECTED; // the peer's own dial won the tie-break
    } else if (linkUpSinceDial) {
      scheduleRetry(); // this dial became a link, which has now closed
    } else {
      failed("connection to " + address + " closed before the link was established");
    }
  }

  private void failed(String reason) {
    lastFailure = reason;
    failures++;
    scheduleRetry();
  }

  private void scheduleRetry() {
    if (closed || connecting || retry != null) {
      return;
    }
    if (link.registry().get(address.nodeId()) != null) {
      state = PeerState.CONNECTED;
      return;
    }
    state = PeerState.WAITING_TO_RECONNECT;
    retry = loop.schedule(this::dial, backoff.delayMs(failures), TimeUnit.MILLISECONDS);
  }
}
