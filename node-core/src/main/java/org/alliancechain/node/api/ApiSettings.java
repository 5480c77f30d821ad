package org.alliancechain.node.api;

import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Optional;
import org.alliancechain.config.ApiConfig;

/**
 * How the gRPC servers listen and what they bound (docs/adr/0060-grpc-api.md).
 *
 * @param publicAddress the transaction and query services (plus health and reflection)
 * @param adminAddress the admin service (plus health and reflection)
 * @param adminAllowRemote whether the admin address may be other than loopback
 * @param messageBytesMax the largest message a client may send; larger ones get
 *     RESOURCE_EXHAUSTED
 * @param concurrentCallsPerConnectionMax concurrent calls (HTTP/2 streams) per connection;
 *     further ones wait in the client
 * @param requestsPerSecondPerConnection calls one connection may start per second (bursts up to
 *     one second's worth); more get RESOURCE_EXHAUSTED
 * @param serviceThreads threads that run the services' code (admission, storage reads); Netty's
 *     event loops only move bytes
 * @param shutdownGraceMs how long close() lets calls in flight finish before cancelling them
 * @param healthRefreshMs how often the health services re-read whether the node is ready
 * @param tls the servers' TLS identity; plaintext when empty (loopback use only)
 */
public record ApiSettings(
    InetSocketAddress publicAddress,
    InetSocketAddress adminAddress,
    boolean adminAllowRemote,
    int messageBytesMax,
    int concurrentCallsPerConnectionMax,
    int requestsPerSecondPerConnection,
    int serviceThreads,
    long shutdownGraceMs,
    long healthRefreshMs,
    Optional<ServerTls> tls) {

  public ApiSettings {
    Objects.requireNonNull(publicAddress, "publicAddress");
    Objects.requireNonNull(adminAddress, "adminAddress");
    Objects.requireNonNull(tls, "tls");
    requirePositive("messageBytesMax", messageBytesMax);
    requirePositive("concurrentCallsPerConnectionMax", concurrentCallsPerConnectionMax);
    requirePositive("requestsPerSecondPerConnection", requestsPerSecondPerConnection);
    requirePositive("serviceThreads", serviceThreads);
    requirePositive("healthRefreshMs", healthRefreshMs);
    if (shutdownGraceMs < 0) {
      throw new IllegalArgumentException("shutdownGraceMs must be >= 0, got " + shutdownGraceMs);
    }
    if (!adminAllowRemote && !isLoopback(adminAddress)) {
      throw new IllegalArgumentException("the admin service must listen on a loopback address"
          + " unless remote admin is allowed; got " + adminAddress
          + " (use 127.0.0.1, or set admin_allow_remote = true)");
    }
  }

  private static void requirePositive(String name, long value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, got " + value);
    }
  }

  private static boolean isLoopback(InetSocketAddress address) {
    return address.getAddress() != null && address.getAddress().isLoopbackAddress();
  }

  /**
   * The settings of node.toml's [api] section, without TLS: with {@code tls = true} the caller
   * adds the node's identity ({@link #withTls}).
   */
  public static ApiSettings from(ApiConfig config) {
    return new ApiSettings(
        new InetSocketAddress(config.grpcListen().host(), config.grpcListen().port()),
        new InetSocketAddress(config.adminListen().host(), config.adminListen().port()),
        config.adminAllowRemote(), config.messageBytesMax(), config.concurrentStreamsMax(),
        config.requestsPerSecondPerConnection(), defaultServiceThreads(), 5_000, 1_000,
        Optional.empty());
  }

  /** The defaults of node.toml: loopback ports 50051 and 50052, plaintext. */
  public static ApiSettings defaults() {
    return from(ApiConfig.defaults());
  }

  /** Both servers on 127.0.0.1 with ports the system picks. */
  public static ApiSettings forTests() {
    return defaults().withAddresses(new InetSocketAddress("127.0.0.1", 0),
        new InetSocketAddress("127.0.0.1", 0));
  }

  public ApiSettings withAddresses(InetSocketAddress publicAddress,
      InetSocketAddress adminAddress) {
    return new ApiSettings(publicAddress, adminAddress, adminAllowRemote, messageBytesMax,
        concurrentCallsPerConnectionMax, requestsPerSecondPerConnection, serviceThreads,
        shutdownGraceMs, healthRefreshMs, tls);
  }

  public ApiSettings withLimits(int messageBytesMax, int concurrentCallsPerConnectionMax,
      int requestsPerSecondPerConnection) {
    return new ApiSettings(publicAddress, adminAddress, adminAllowRemote, messageBytesMax,
        concurrentCallsPerConnectionMax, requestsPerSecondPerConnection, serviceThreads,
        shutdownGraceMs, healthRefreshMs, tls);
  }

  public ApiSettings withTls(ServerTls value) {
    return new ApiSettings(publicAddress, adminAddress, adminAllowRemote, messageBytesMax,
        concurrentCallsPerConnectionMax, requestsPerSecondPerConnection, serviceThreads,
        shutdownGraceMs, healthRefreshMs, Optional.of(value));
  }

  public ApiSettings withServiceThreads(int value) {
    return new ApiSettings(publicAddress, adminAddress, adminAllowRemote, messageBytesMax,
        concurrentCallsPerConnectionMax, requestsPerSecondPerConnection, value,
        shutdownGraceMs, healthRefreshMs, tls);
  }

  public ApiSettings withTiming(long shutdownGraceMs, long healthRefreshMs) {
    return new ApiSettings(publicAddress, adminAddress, adminAllowRemote, messageBytesMax,
        concurrentCallsPerConnectionMax, requestsPerSecondPerConnection, serviceThreads,
        shutdownGraceMs, healthRefreshMs, tls);
  }

  private static int defaultServiceThreads() {
    // Admission blocks on signature verification (which fans out to its own pool) and reads
    // RocksDB; a few threads per core keep both cores busy without an unbounded pool.
    return Math.max(4, 4 * Runtime.getRuntime().availableProcessors());
  }
}
