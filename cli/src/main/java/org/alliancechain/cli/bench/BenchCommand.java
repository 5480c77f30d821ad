package org.alliancechain.cli.bench;

import io.grpc.ManagedChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.alliancechain.cli.CliException;
import org.alliancechain.cli.ExitCode;
import org.alliancechain.cli.client.Endpoint;
import org.alliancechain.cli.client.NodeClient;
import org.alliancechain.cli.network.NetworkDirectory;
import org.alliancechain.crypto.SigningKey;
import org.alliancechain.proto.v1.GetStatusRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code alliance bench}: the load generator of the node issue. Everything that is not the
 * measured work (client registration, signing) happens before the clock starts.
 */
@Command(name = "bench", header = "Measures throughput and latency of a running network.",
    description = {
    "Measures a running network: registers fresh client keys by governance (with the",
    "organization admin keys of --network), signs N key-value puts of about --payload-bytes",
    "before the clock starts, submits them with SubmitBatch over several connections at",
    "--rate (or flat out), follows commits with StreamBlocks, and prints sustained committed",
    "TPS, submit-to-commit latency p50/p90/p99, and CPU and heap per validator (from /metrics).",
    "Start the network first, e.g. `alliance devnet --no-samples`."})
public final class BenchCommand implements Callable<Integer> {
  @Option(names = "--network", defaultValue = "devnet-data", paramLabel = "DIR",
      description = "The network's directory (devnet's, or network init's). Default: ${DEFAULT-VALUE}")
  Path directory;

  @Option(names = "--transactions", defaultValue = "50000", paramLabel = "N",
      description = "Transactions to submit. Default: ${DEFAULT-VALUE}")
  int transactions;

  @Option(names = "--rate", defaultValue = "0", paramLabel = "TPS",
      description = "Target submission rate; 0 = flat out. Default: ${DEFAULT-VALUE}")
  double rate;

  @Option(names = "--clients", defaultValue = "64", paramLabel = "K",
      description = "Client keys the transactions are spread over. Default: ${DEFAULT-VALUE}")
  int clients;

  @Option(names = "--connections", paramLabel = "C",
      description = "gRPC connections, spread over the validators. Default: one per validator")
  Integer connections;

  @Option(names = "--batch", defaultValue = "100", paramLabel = "B",
      description = "Transactions per SubmitBatch. Default: ${DEFAULT-VALUE}")
  int batch;

  @Option(names = "--in-flight", defaultValue = "4", paramLabel = "M",
      description = "Batches in flight per connection. Default: ${DEFAULT-VALUE}")
  int inFlight;

  @Option(names = "--payload-bytes", defaultValue = "200", paramLabel = "BYTES",
      description = "Size of each signed transaction. Default: ${DEFAULT-VALUE}")
  int payloadBytes;

  @Option(names = "--warmup", defaultValue = "0", paramLabel = "N",
      description = {"Transactions submitted first, at the same rate, in rounds of at most",
          "--transactions (each signed just before it runs, so none expires), each reported",
          "on its own; then the measured run. A fresh network's JIT compilers need about",
          "200000 (docs/performance.md). Default: ${DEFAULT-VALUE}"})
  int warmup;

  @Option(names = "--drain-timeout", defaultValue = "60", paramLabel = "SECONDS",
      description = "How long to wait for commits after the last submission. Default: ${DEFAULT-VALUE}")
  long drainTimeoutSeconds;

  @Override
  public Integer call() throws CliException, InterruptedException {
    checkOptions();
    NetworkDirectory network = NetworkDirectory.load(directory);
    List<NetworkDirectory.Member> validators = network.validators();
    NetworkDirectory.Member first = validators.get(0);
    try (NodeClient client = new NodeClient(endpoint(first), new Endpoint(first.admin(),
        Optional.empty(), "admin API"), 30)) {
      long height = height(client);
      System.out.printf("Registering %d client keys by governance...%n", clients);
      List<SigningKey> keys = ClientRegistration.register(network, client, clients, height + 100);
      int rounds = (warmup + transactions - 1) / transactions;
      for (int round = 1, done = 0; done < warmup; round++) {
        int count = Math.min(transactions, warmup - done);
        System.out.printf("%nWarm-up round %d of %d%n", round, rounds);
        run(network, validators, sign(network, keys, count, client), height(client),
            "warm-up round " + round + " of " + rounds + ", ");
        done += count;
      }
      if (warmup > 0) {
        System.out.printf("%nMeasured run%n");
      }
      return run(network, validators, sign(network, keys, transactions, client), height(client),
          "");
    }
  }

  /** Signs {@code count} puts valid for the chain's transaction lifetime from now. */
  private Workload sign(NetworkDirectory network, List<SigningKey> keys, int count,
      NodeClient client) throws CliException {
    long expiry = height(client) + network.genesis().consensus().transactionLifetimeBlocks() - 1;
    long signStart = System.nanoTime();
    Workload workload = Workload.sign(network.genesis(), keys, count, payloadBytes, expiry);
    System.out.printf("Signed %d transactions of %d bytes with %d keys in %.1f s (valid until"
        + " height %d)%n", workload.size(), workload.encodedBytes, keys.size(),
        (System.nanoTime() - signStart) / 1e9, expiry);
    return workload;
  }

  private int run(NetworkDirectory network, List<NetworkDirectory.Member> validators,
      Workload workload, long fromHeight, String label) throws CliException, InterruptedException {
    int connectionCount = connections == null ? validators.size() : connections;
    List<ManagedChannel> channels = new ArrayList<>();
    ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1, runnable -> {
      Thread thread = new Thread(runnable, "bench-progress");
      thread.setDaemon(true);
      return thread;
    });
    try {
      for (int i = 0; i < connectionCount; i++) {
        channels.add(endpoint(validators.get(i % validators.size())).open());
      }
      ManagedChannel streamChannel = endpoint(validators.get(0)).open();
      channels.add(streamChannel);
      NodeSampler sampler = new NodeSampler(validators.stream().map(NetworkDirectory.Member::id)
          .toList(), validators.stream().map(NetworkDirectory.Member::metrics).toList());
      LoadGenerator load = new LoadGenerator(channels.subList(0, connectionCount), workload, batch,
          rate, inFlight);
      CommitTracker commits = new CommitTracker(streamChannel, workload,
          network.genesis().suite().hash(), scheduler);
      commits.start(fromHeight + 1);
      sampler.sample();
      Progress progress = new Progress(load, commits, sampler, workload.size());
      scheduler.scheduleAtFixedRate(progress::tick, 1, 1, TimeUnit.SECONDS);
      String setup = String.format("%s%d validators, %d transactions of %d bytes, %d clients,"
          + " %d connections, batches of %d, %s", label, validators.size(), workload.size(),
          workload.encodedBytes, clients, connectionCount, batch,
          rate > 0 ? String.format("target %.0f tx/s", rate) : "flat out");
      System.out.println("Running: " + setup);
      double cpuStart = processCpuSeconds();
      long wallStart = System.nanoTime();
      load.run();
      long submitEnd = System.nanoTime();
      long deadline = submitEnd + drainTimeoutSeconds * 1_000_000_000L;
      while (commits.committed.get() < load.accepted.get() && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      commits.stop();
      scheduler.shutdownNow();
      sampler.sample();
      progress.finish();
      BenchReport report = new BenchReport(load, commits, submitEnd)
          .withClientCpu(processCpuSeconds() - cpuStart, System.nanoTime() - wallStart);
      report.print(System.out, setup, load, sampler);
      if (report.committed < load.accepted.get()) {
        throw CliException.failed((load.accepted.get() - report.committed) + " accepted"
            + " transactions were not committed within " + drainTimeoutSeconds + " s");
      }
      return ExitCode.OK;
    } finally {
      scheduler.shutdownNow();
      channels.forEach(Endpoint::close);
    }
  }

  private void checkOptions() throws CliException {
    if (transactions < 1 || clients < 1 || batch < 1 || batch > 10_000 || inFlight < 1
        || rate < 0 || (connections != null && connections < 1) || payloadBytes < 100
        || warmup < 0) {
      throw CliException.badInput("--transactions, --clients, --connections and --in-flight"
          + " must be at least 1, --batch 1..10000, --rate and --warmup at least 0,"
          + " --payload-bytes at least 100", "see alliance bench --help");
    }
  }

  private static double processCpuSeconds() {
    var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun
        ? sun.getProcessCpuTime() / 1e9 : Double.NaN;
  }

  private static Endpoint endpoint(NetworkDirectory.Member member) {
    return new Endpoint(member.grpc(), Optional.empty(), "public API");
  }

  private static long height(NodeClient client) throws CliException {
    return client.query("GetStatus", stub -> stub.getStatus(GetStatusRequest.getDefaultInstance()))
        .getHeight();
  }
}
