package org.alliancechain.cli.devnet;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.alliancechain.cli.CliException;
import org.alliancechain.cli.ExitCode;
import org.alliancechain.cli.client.Endpoint;
import org.alliancechain.cli.client.NodeClient;
import org.alliancechain.cli.network.NetworkDirectory;
import org.alliancechain.cli.network.NetworkInitCommand;
import org.alliancechain.crypto.CryptoException;
import org.alliancechain.crypto.CryptoSuite;
import org.alliancechain.node.init.NetworkSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code alliance devnet}: a whole network on this machine, one process per validator, until
 * Ctrl-C. The first run creates it under {@code --dir}; later runs reuse its keys and data.
 */
@Command(name = "devnet", header = "Runs a local multi-validator network until Ctrl-C.",
    description = {
    "Runs a local network until Ctrl-C: creates it under --dir on the first run (keys,",
    "certificates, genesis, free ports) and reuses it later; starts each validator as its own",
    "process; prints the endpoints; submits a key-value put and an evidence anchor and verifies",
    "the anchor's receipt offline. Ctrl-C stops the validators gracefully; they also stop by",
    "themselves if this process dies."})
public final class DevnetCommand implements Callable<Integer> {
  private static final long MONITOR_POLL_MS = 500;

  @Option(names = "--validators", defaultValue = "4", paramLabel = "N",
      description = "Validators of a new network. Default: ${DEFAULT-VALUE}")
  int validators;

  @Option(names = "--dir", defaultValue = "devnet-data", paramLabel = "DIR",
      description = "Where the network lives. Default: ${DEFAULT-VALUE}")
  Path dir;

  @Option(names = "--suite", defaultValue = "intl", paramLabel = "SUITE",
      description = "Crypto suite of a new network: intl or sm. Default: ${DEFAULT-VALUE}")
  String suite;

  @Option(names = "--no-samples", description = "Do not submit the sample transactions")
  boolean noSamples;

  @Option(names = "--ready-timeout", defaultValue = "120", paramLabel = "SECONDS",
      description = "How long the validators may take to start. Default: ${DEFAULT-VALUE}")
  long readyTimeoutSeconds;

  @Option(names = "--node-jvm-option", paramLabel = "OPTION", description = {
      "A JVM option for each validator, repeatable (replaces the defaults:",
      "-Xms256m -Xmx1g -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError)"})
  List<String> nodeJvmOptions;

  @Override
  public Integer call() throws CliException, IOException, InterruptedException {
    NetworkDirectory network = openOrCreate();
    LocalNetwork nodes = new LocalNetwork(network, new NodeLauncher(
        nodeJvmOptions == null ? NodeLauncher.defaultJvmOptions() : nodeJvmOptions));
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(() -> stop(nodes, stopped), "devnet-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    System.out.println("Starting " + network.nodes().size() + " validators...");
    try {
      nodes.startAll();
      nodes.awaitReady(network.nodes().stream().map(NetworkDirectory.Member::id).toList(),
          Duration.ofSeconds(readyTimeoutSeconds));
    } catch (CliException | IOException e) {
      stop(nodes, stopped);
      Runtime.getRuntime().removeShutdownHook(hook);
      throw e;
    }
    printEndpoints(network, nodes);
    if (!noSamples) {
      NetworkDirectory.Member first = network.validators().get(0);
      try (NodeClient client = new NodeClient(new Endpoint(first.grpc(), java.util.Optional.empty(),
          "public API"), new Endpoint(first.admin(), java.util.Optional.empty(), "admin API"), 30)) {
        new SampleTransactions(network, client).run();
      } catch (CliException e) {
        System.out.println("  sample transactions failed: " + e.getMessage());
      }
    }
    printNextSteps(network);
    monitor(nodes, stopped);
    return ExitCode.OK;
  }

  private NetworkDirectory openOrCreate() throws CliException {
    if (NetworkDirectory.exists(dir)) {
      NetworkDirectory existing = NetworkDirectory.load(dir);
      if (existing.validators().size() != validators) {
        throw CliException.badInput(dir + " holds a network of " + existing.validators().size()
            + " validators, not " + validators, "pass --validators " + existing.validators().size()
            + ", or another --dir for a new network");
      }
      System.out.println("Reusing the network in " + dir.toAbsolutePath() + " (chain '"
          + existing.genesis().chainId() + "'); delete that directory to start from scratch.");
      return existing;
    }
    CryptoSuite chosen;
    try {
      chosen = CryptoSuite.fromId(suite);
    } catch (CryptoException e) {
      throw CliException.badInput(e.getMessage(), "use --suite intl or --suite sm");
    }
    NetworkInitCommand.generate(NetworkSpec.local("devnet", chosen, validators, 0), dir);
    System.out.println("Created a " + validators + "-validator network (suite " + chosen.id()
        + ") in " + dir.toAbsolutePath());
    return NetworkDirectory.load(dir);
  }

  private static void printEndpoints(NetworkDirectory network, LocalNetwork nodes) {
    System.out.printf("%nChain '%s' is running (genesis %s):%n", network.genesis().chainId(),
        network.genesis().genesisHashHex().substring(0, 16));
    System.out.printf("  %-8s %8s  %-16s %-16s %-16s %s%n", "node", "pid", "gRPC", "admin",
        "metrics", "log");
    for (NetworkDirectory.Member member : network.nodes()) {
      NodeProcess process = nodes.process(member.id());
      System.out.printf("  %-8s %8d  %-16s %-16s %-16s %s%n", member.id(), process.pid(),
          member.grpc(), member.admin(), member.metrics(), member.logFile());
    }
    System.out.println();
  }

  private static void printNextSteps(NetworkDirectory network) {
    NetworkDirectory.Member first = network.validators().get(0);
    Path config = first.nodeToml();
    System.out.println();
    System.out.println("Try, in another terminal:");
    System.out.println("  bin/alliance status --config " + config);
    System.out.println("  bin/alliance tx submit put --config " + config + " --key-file "
        + network.clientKeyFile() + " color blue");
    System.out.println("  bin/alliance verify --receipt " + network.directory().resolve("receipts")
        + "/<id>.receipt --genesis " + network.directory().resolve("genesis.json"));
    System.out.println("  bin/alliance bench --network " + network.directory());
    System.out.println("  metrics: curl http://" + first.metrics() + "/metrics");
    System.out.println();
    System.out.println("Running until Ctrl-C.");
  }

  /** Reports validators that exit on their own, until the shutdown hook has stopped them all. */
  private static void monitor(LocalNetwork nodes, CountDownLatch stopped)
      throws InterruptedException {
    List<String> reported = new ArrayList<>();
    while (stopped.getCount() > 0) {
      for (NodeProcess process : nodes.processes()) {
        if (!process.isAlive() && !reported.contains(process.nodeId()) && stopped.getCount() > 0) {
          reported.add(process.nodeId());
          int code = process.exitCode().orElse(-1);
          System.out.println(code == 130 || code == 143 ? process.nodeId() + " was stopped by a signal"
              : process.nodeId() + " exited with code " + code + "; its last lines:\n"
                  + process.tail(10));
        }
      }
      stopped.await(MONITOR_POLL_MS, java.util.concurrent.TimeUnit.MILLISECONDS);
    }
  }

  private static void stop(LocalNetwork nodes, CountDownLatch stopped) {
    synchronized (nodes) {
      if (stopped.getCount() > 0) {
        stopNow(nodes, stopped);
      }
    }
  }

  private static void stopNow(LocalNetwork nodes, CountDownLatch stopped) {
    System.out.println();
    System.out.println("Stopping the validators...");
    try {
      nodes.stopAll(LocalNetwork.STOP_GRACE_MS);
      for (NodeProcess process : nodes.processes()) {
        System.out.println("  " + process.nodeId() + " stopped (exit code "
            + process.exitCode().orElse(-1) + ")");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      stopped.countDown();
    }
  }
}
