package org.alliancechain.cli.node;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import org.alliancechain.config.ChainConfig;
import org.alliancechain.node.api.ApiServer;
import org.alliancechain.node.api.ApiSettings;
import org.alliancechain.node.runtime.Node;
import org.alliancechain.node.runtime.NodeStartException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node with its gRPC API: started together, stopped in the reverse order (stop taking calls,
 * then let the node finish the block it is storing and close its database).
 */
public final class Daemon implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Daemon.class);

  private final Node node;
  private final ApiServer api;
  private final CountDownLatch stopped = new CountDownLatch(1);

  private Daemon(Node node, ApiServer api) {
    this.node = node;
    this.api = api;
  }

  /** Starts the node, then its API; on failure nothing is left running. */
  public static Daemon start(ChainConfig config) throws NodeStartException {
    Node node = Node.start(config);
    try {
      ApiSettings settings = ApiSettings.from(config.node().api());
      if (config.node().api().tls()) {
        settings = settings.withTls(node.apiTls());
      } else if (!config.node().api().grpcListen().isLoopback()) {
        log.warn("{} serves its gRPC API in plaintext on {}: set [api] tls = true unless a"
            + " TLS-terminating proxy or a private network protects it", node.nodeId(),
            config.node().api().grpcListen());
      }
      ApiServer api = new ApiServer(node, settings).start();
      return new Daemon(node, api);
    } catch (IOException | RuntimeException e) {
      node.close();
      throw new NodeStartException("cannot serve the gRPC API on "
          + config.node().api().grpcListen() + " / admin " + config.node().api().adminListen()
          + ": " + e.getMessage() + " (is a port taken? see [api] in node.toml)", e);
    }
  }

  public Node node() {
    return node;
  }

  /** Blocks until {@link #close} has finished. */
  public void awaitStopped() throws InterruptedException {
    stopped.await();
  }

  /** Idempotent; safe from a shutdown hook. */
  @Override
  public synchronized void close() {
    if (stopped.getCount() == 0) {
      return;
    }
    log.info("{} shutting down", node.nodeId());
    try {
      api.close();
    } finally {
      node.close();
      stopped.countDown();
    }
  }
}
