package org.alliancechain.cli.devnet;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alliancechain.cli.CliException;
import org.alliancechain.cli.ExitCode;
import org.alliancechain.cli.network.NetworkDirectory;
import org.alliancechain.config.HostPort;

/**
 * The nodes of a network directory running as child processes of this one: started, watched
 * until ready, stopped. Used by {@code alliance devnet} and the end-to-end tests.
 */
public final class LocalNetwork implements AutoCloseable {
  private static final long READY_POLL_MS = 250;
  public static final long STOP_GRACE_MS = 20_000;

  private final NetworkDirectory network;
  private final NodeLauncher launcher;
  private final Map<String, NodeProcess> processes = new LinkedHashMap<>();

  public LocalNetwork(NetworkDirectory network, NodeLauncher launcher) {
    this.network = network;
    this.launcher = launcher;
  }

  public NetworkDirectory network() {
    return network;
  }

  /** Starts every node of the directory, after checking that none of their ports is taken. */
  public void startAll() throws CliException, IOException {
    for (NetworkDirectory.Member member : network.nodes()) {
      requirePortsFree(member);
    }
    for (NetworkDirectory.Member member : network.nodes()) {
      start(member.id());
    }
  }

  /** Starts (or restarts, on the same data) one node. */
  public synchronized NodeProcess start(String nodeId) throws IOException {
    NetworkDirectory.Member member = network.node(nodeId)
        .orElseThrow(() -> new IllegalArgumentException("no node " + nodeId));
    NodeProcess running = processes.get(nodeId);
    if (running != null && running.isAlive()) {
      throw new IllegalStateException(running + " is still running");
    }
    NodeProcess process = launcher.start(nodeId, member.nodeToml(),
        member.config().node().dataDir(), member.logFile());
    processes.put(nodeId, process);
    return process;
  }

  public synchronized NodeProcess process(String nodeId) {
    return processes.get(nodeId);
  }

  public synchronized List<NodeProcess> processes() {
    return new ArrayList<>(processes.values());
  }

  /**
   * Waits until every node in {@code nodeIds} answers /readyz with 200 and serves its gRPC
   * API. Fails at once, with the
   * end of its log, when one of them exits, and at {@code timeout} naming those not ready.
   */
  public void awaitReady(Collection<String> nodeIds, Duration timeout)
      throws CliException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<String> waiting = new ArrayList<>(nodeIds);
    while (!waiting.isEmpty()) {
      for (String id : List.copyOf(waiting)) {
        NodeProcess process = process(id);
        if (process != null && !process.isAlive()) {
          throw new CliException(ExitCode.FAILED, id + " exited with code "
              + process.exitCode().orElse(-1) + " while starting:\n" + process.tail(15),
              "read " + process.logFile() + " and its stderr.log", null);
        }
        NetworkDirectory.Member member = network.node(id).orElseThrow();
        if (Readiness.isReady(member.metrics()) && Readiness.accepts(member.grpc())
            && Readiness.accepts(member.admin())) {
          waiting.remove(id);
        }
      }
      if (!waiting.isEmpty() && System.nanoTime() > deadline) {
        throw new CliException(ExitCode.FAILED, "not ready after " + timeout.toSeconds() + " s: "
            + waiting + "\n" + process(waiting.get(0)).tail(15),
            "read the nodes' logs; the machine may be overloaded", null);
      }
      if (!waiting.isEmpty()) {
        Thread.sleep(READY_POLL_MS);
      }
    }
  }

  /** Stops every node in parallel (SIGTERM, then SIGKILL after the grace period). */
  public void stopAll(long graceMs) throws InterruptedException {
    List<Thread> stoppers = new ArrayList<>();
    for (NodeProcess process : processes()) {
      Thread stopper = new Thread(() -> {
        try {
          process.stop(graceMs);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, "stop-" + process.nodeId());
      stopper.start();
      stoppers.add(stopper);
    }
    for (Thread stopper : stoppers) {
      stopper.join();
    }
  }

  @Override
  public void close() throws InterruptedException {
    stopAll(STOP_GRACE_MS);
  }

  private static void requirePortsFree(NetworkDirectory.Member member) throws CliException {
    var api = member.config().api();
    for (HostPort address : List.of(member.config().p2p().listen(), api.grpcListen(),
        api.adminListen(), api.metricsListen())) {
      if (taken(address)) {
        throw new CliException(ExitCode.FAILED, "port " + address.port() + " of " + member.id()
            + " (" + address + ") is in use", "is this network already running (another"
            + " `alliance devnet`)? Stop it first, or run another network in another --dir", null);
      }
    }
  }

  static boolean taken(HostPort address) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(address.bindHost(), address.port()));
      return false;
    } catch (IOException e) {
      return true;
    }
  }
}
