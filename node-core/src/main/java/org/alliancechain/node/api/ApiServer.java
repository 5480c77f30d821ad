package org.alliancechain.node.api;

import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.ServerCredentials;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.TlsServerCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.alliancechain.node.threads.CpuPriority;
import org.alliancechain.node.threads.DaemonThreads;
import org.alliancechain.proto.v1.AdminServiceGrpc;
import org.alliancechain.proto.v1.QueryServiceGrpc;
import org.alliancechain.proto.v1.TransactionServiceGrpc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's gRPC endpoints (docs/adr/0060-grpc-api.md): a public server with the transaction
 * and query services, and an admin server (loopback unless configured) with the admin service;
 * both with the standard health and server-reflection services, message-size, concurrency and
 * per-connection rate limits. Service code runs on a bounded pool, never on Netty's event
 * loops; waits for commits and block streams hold no thread.
 *
 * <p>Lifecycle: construct, {@link #start()}, and {@link #close()} to stop accepting, end open
 * waits and streams, and let calls in flight finish within the grace period.
 */
public final class ApiServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
  private static final long HANDSHAKE_TIMEOUT_SECONDS = 10;
  private static final int RESETS_PER_WINDOW_MAX = 1_000;
  private static final int RESET_WINDOW_SECONDS = 10;

  private final NodeServices node;
  private final ApiSettings settings;
  private final ExecutorService serviceExecutor;
  private final ScheduledExecutorService timer;
  private final OpenCalls open = new OpenCalls();
  private final HealthReporter health;
  private final Server publicServer;
  private final Server adminServer;
  private boolean started;
  private boolean closed;

  public ApiServer(NodeServices node, ApiSettings settings) {
    this.node = node;
    this.settings = settings;
    // Submissions are checked on these threads: bulk work, like all admission (CpuPriority).
    this.serviceExecutor = Executors.newFixedThreadPool(settings.serviceThreads(),
        CpuPriority.bulk(DaemonThreads.numbered("alliance-api-")));
    ScheduledThreadPoolExecutor scheduled = new ScheduledThreadPoolExecutor(1,
        DaemonThreads.numbered("alliance-api-timer-"));
    scheduled.setRemoveOnCancelPolicy(true);
    this.timer = scheduled;
    HealthStatusManager publicHealth = new HealthStatusManager();
    HealthStatusManager adminHealth = new HealthStatusManager();
    this.health = new HealthReporter(node::ready, List.of(
        new HealthReporter.Server(publicHealth,
            List.of(TransactionServiceGrpc.SERVICE_NAME, QueryServiceGrpc.SERVICE_NAME)),
        new HealthReporter.Server(adminHealth, List.of(AdminServiceGrpc.SERVICE_NAME))));
    this.publicServer = build(settings.publicAddress(), publicHealth, List.of(
        new TransactionApi(node, serviceExecutor, timer, open).bindService(),
        new QueryApi(node, serviceExecutor, open).bindService()));
    this.adminServer = build(settings.adminAddress(), adminHealth,
        List.of(new AdminApi(node).bindService()));
  }

  private Server build(InetSocketAddress address, HealthStatusManager healthManager,
      List<ServerServiceDefinition> services) {
    ConnectionRateLimiter limiter =
        new ConnectionRateLimiter(settings.requestsPerSecondPerConnection(), System::nanoTime);
    NettyServerBuilder builder = NettyServerBuilder.forAddress(address, credentials())
        .executor(serviceExecutor)
        .maxInboundMessageSize(settings.messageBytesMax())
        .maxConcurrentCallsPerConnection(settings.concurrentCallsPerConnectionMax())
        // A connection that never finishes its TLS or HTTP/2 handshake is dropped, and one that
        // opens and resets streams in a loop (HTTP/2 rapid reset) is closed.
        .handshakeTimeout(HANDSHAKE_TIMEOUT_SECONDS, TimeUnit.SECONDS)
        .maxRstFramesPerWindow(RESETS_PER_WINDOW_MAX, RESET_WINDOW_SECONDS)
        .addTransportFilter(limiter)
        .intercept(limiter)
        .addService(healthManager.getHealthService())
        .addService(ProtoReflectionServiceV1.newInstance())
        .addService(legacyReflection());
    services.forEach(builder::addService);
    return builder.build();
  }

  /** grpcurl and older tools still ask the v1alpha reflection service first or only. */
  @SuppressWarnings("deprecation")
  private static io.grpc.BindableService legacyReflection() {
    return io.grpc.protobuf.services.ProtoReflectionService.newInstance();
  }

  private ServerCredentials credentials() {
    if (settings.tls().isEmpty()) {
      return InsecureServerCredentials.create();
    }
    ServerTls tls = settings.tls().get();
    try {
      return TlsServerCredentials.newBuilder()
          .keyManager(new ByteArrayInputStream(Pem.certificates(tls.certificateChain())),
              new ByteArrayInputStream(Pem.privateKey(tls.privateKey())))
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException("the server TLS key or certificates cannot be read", e);
    }
  }

  /** Binds both addresses and starts serving. */
  public synchronized ApiServer start() throws IOException {
    if (started || closed) {
      throw new IllegalStateException("the API server can be started once");
    }
    started = true;
    publicServer.start();
    try {
      adminServer.start();
    } catch (IOException e) {
      publicServer.shutdownNow();
      throw new IOException("cannot listen for the admin service on " + settings.adminAddress()
          + ": " + e.getMessage(), e);
    }
    health.refresh();
    timer.scheduleWithFixedDelay(this::refreshHealth, settings.healthRefreshMs(),
        settings.healthRefreshMs(), TimeUnit.MILLISECONDS);
    LOG.info("gRPC API on {} (admin on {}), {}", publicAddress(), adminAddress(),
        settings.tls().isPresent() ? "TLS" : "plaintext");
    return this;
  }

  private void refreshHealth() {
    try {
      health.refresh();
    } catch (RuntimeException e) {
      LOG.warn("health refresh failed", e);
    }
  }

  /** The bound public address (with the actual port when configured as 0). */
  public InetSocketAddress publicAddress() {
    return (InetSocketAddress) publicServer.getListenSockets().get(0);
  }

  /** The bound admin address. */
  public InetSocketAddress adminAddress() {
    return (InetSocketAddress) adminServer.getListenSockets().get(0);
  }

  /**
   * Stops accepting calls, reports NOT_SERVING, ends commit waits and block streams with
   * UNAVAILABLE, lets other calls finish within the grace period, then cancels what is left.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    health.shutDown();
    open.endAll(Status.UNAVAILABLE.withDescription("node " + node.nodeId()
        + " is shutting down"));
    publicServer.shutdown();
    adminServer.shutdown();
    long deadlineNanos =
        System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(settings.shutdownGraceMs());
    try {
      awaitOrCancel(publicServer, deadlineNanos);
      awaitOrCancel(adminServer, deadlineNanos);
      timer.shutdownNow();
      serviceExecutor.shutdown();
      if (!serviceExecutor.awaitTermination(1, TimeUnit.SECONDS)) {
        serviceExecutor.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      publicServer.shutdownNow();
      adminServer.shutdownNow();
      timer.shutdownNow();
      serviceExecutor.shutdownNow();
    }
    LOG.info("gRPC API stopped");
  }

  private static void awaitOrCancel(Server server, long deadlineNanos)
      throws InterruptedException {
    long remaining = Math.max(0, deadlineNanos - System.nanoTime());
    if (!server.awaitTermination(remaining, TimeUnit.NANOSECONDS)) {
      LOG.warn("gRPC calls still running after the grace period; cancelling them");
      server.shutdownNow();
      server.awaitTermination(1, TimeUnit.SECONDS);
    }
  }
}
