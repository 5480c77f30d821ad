package org.alliancechain.config;

import java.util.Objects;

/**
 * {@code [api]} of node.toml: the gRPC services, the admin service and the metrics endpoint.
 *
 * @param grpcListen the transaction and query services
 * @param adminListen the admin service; loopback unless {@code adminAllowRemote}
 * @param adminAllowRemote whether the admin service may listen on a non-loopback address
 * @param metricsListen Prometheus metrics, /healthz and /readyz over plain HTTP
 * @param messageBytesMax the largest gRPC message accepted from a client
 * @param concurrentStreamsMax concurrent gRPC streams per connection
 * @param requestsPerSecondPerConnection requests per second one connection may make
 * @param tls whether the gRPC and admin services speak TLS, presenting the node's TLS
 *     certificate ({@code [node] tls_cert_file}), which clients check against the organization's
 *     CA certificate; plaintext otherwise (for loopback use)
 */
public record ApiConfig(
    HostPort grpcListen,
    HostPort adminListen,
    boolean adminAllowRemote,
    HostPort metricsListen,
    int messageBytesMax,
    int concurrentStreamsMax,
    int requestsPerSecondPerConnection,
    boolean tls) {
  static final Bounds MESSAGE_BYTES = Bounds.ofBytes(64 * 1024, 256 * 1024 * 1024);
  static final Bounds CONCURRENT_STREAMS = Bounds.of(1, 100_000);
  static final Bounds REQUESTS_PER_SECOND = Bounds.of(1, 1_000_000);

  public ApiConfig {
    Objects.requireNonNull(grpcListen, "grpcListen");
    Objects.requireNonNull(adminListen, "adminListen");
    Objects.requireNonNull(metricsListen, "metricsListen");
    MESSAGE_BYTES.requireInt("max_message_bytes", messageBytesMax);
    CONCURRENT_STREAMS.requireInt("max_concurrent_streams", concurrentStreamsMax);
    REQUESTS_PER_SECOND.requireInt("requests_per_second_per_connection", requestsPerSecondPerConnection);
  }

  public static ApiConfig defaults() {
    return new ApiConfig(new HostPort("127.0.0.1", 50051), new HostPort("127.0.0.1", 50052), false,
        new HostPort("127.0.0.1", 9100), 4 * 1024 * 1024, 100, 2000, false);
  }

  public ApiConfig withListens(HostPort grpc, HostPort admin, HostPort metrics) {
    return new ApiConfig(grpc, admin, adminAllowRemote, metrics, messageBytesMax,
        concurrentStreamsMax, requestsPerSecondPerConnection, tls);
  }

  public ApiConfig withTls(boolean value) {
    return new ApiConfig(grpcListen, adminListen, adminAllowRemote, metricsListen, messageBytesMax,
        concurrentStreamsMax, requestsPerSecondPerConnection, value);
  }
}
