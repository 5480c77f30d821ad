package org.alliancechain.node.api;

import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.protobuf.services.HealthStatusManager;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the standard health services of both servers in step with the node: SERVING while the
 * node is ready (caught up and taking part), NOT_SERVING otherwise, for the server as a whole
 * ("") and for each of its services by name.
 */
final class HealthReporter {
  private static final Logger LOG = LoggerFactory.getLogger(HealthReporter.class);

  /** A health manager and the services of its server. */
  record Server(HealthStatusManager health, List<String> services) {}

  private final BooleanSupplier ready;
  private final List<Server> servers;
  private ServingStatus current;

  HealthReporter(BooleanSupplier ready, List<Server> servers) {
    this.ready = ready;
    this.servers = List.copyOf(servers);
  }

  /** Re-reads readiness and publishes it if it changed. */
  synchronized void refresh() {
    ServingStatus status;
    try {
      status = ready.getAsBoolean() ? ServingStatus.SERVING : ServingStatus.NOT_SERVING;
    } catch (RuntimeException e) {
      LOG.warn("could not tell whether the node is ready; reporting NOT_SERVING", e);
      status = ServingStatus.NOT_SERVING;
    }
    if (status == current) {
      return;
    }
    current = status;
    for (Server server : servers) {
      server.health().setStatus(HealthStatusManager.SERVICE_NAME_ALL_SERVICES, status);
      for (String service : server.services()) {
        server.health().setStatus(service, status);
      }
    }
  }

  /** NOT_SERVING for good: the servers are shutting down. */
  synchronized void shutDown() {
    for (Server server : servers) {
      server.health().enterTerminalState();
    }
  }
}
