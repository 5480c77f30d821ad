package org.alliancechain.node.api;

import io.grpc.Attributes;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerTransportFilter;
import io.grpc.Status;
import java.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Limits how many calls each connection may start per second. A connection is keyed by the
 * transport's remote address (host and port, so one TCP connection); its bucket is dropped when
 * the transport ends. A call over the limit is closed at once with RESOURCE_EXHAUSTED, before
 * any service code runs. Install as both the server's interceptor and its transport filter.
 */
final class ConnectionRateLimiter extends ServerTransportFilter implements ServerInterceptor {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectionRateLimiter.class);

  private final int requestsPerSecond;
  private final LongSupplier nanoTime;
  private final Map<SocketAddress, TokenBucket> buckets = new ConcurrentHashMap<>();

  ConnectionRateLimiter(int requestsPerSecond, LongSupplier nanoTime) {
    this.requestsPerSecond = requestsPerSecond;
    this.nanoTime = nanoTime;
  }

  @Override
  public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(ServerCall<ReqT, RespT> call,
      Metadata headers, ServerCallHandler<ReqT, RespT> next) {
    SocketAddress remote = call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR);
    if (remote != null && !bucket(remote).tryTake()) {
      LOG.debug("refused {} from {}: over {} requests per second", call.getMethodDescriptor()
          .getFullMethodName(), remote, requestsPerSecond);
      call.close(Status.RESOURCE_EXHAUSTED.withDescription("rate limit exceeded: this"
          + " connection may start at most " + requestsPerSecond + " requests per second;"
          + " slow down, or batch transactions with SubmitBatch"), new Metadata());
      return new ServerCall.Listener<>() {};
    }
    return next.startCall(call, headers);
  }

  private TokenBucket bucket(SocketAddress remote) {
    TokenBucket bucket = buckets.get(remote);
    return bucket != null ? bucket
        : buckets.computeIfAbsent(remote, address -> new TokenBucket(requestsPerSecond, nanoTime));
  }

  @Override
  public void transportTerminated(Attributes transportAttrs) {
    // Null for a connection that ended before its handshake completed: it never had a bucket.
    SocketAddress remote =
        transportAttrs == null ? null : transportAttrs.get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR);
    if (remote != null) {
      buckets.remove(remote);
    }
  }

  /** Connections with a bucket now, for tests. */
  int trackedConnections() {
    return buckets.size();
  }
}
