package org.alliancechain.bench.api;

import com.google.protobuf.ByteString;
import java.io.BufferedReader;
import java.io.DataOutputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.alliancechain.crypto.SigningDomain;
import org.alliancechain.crypto.SigningKey;
import org.alliancechain.node.api.ApiServer;
import org.alliancechain.node.api.ApiSettings;
import org.alliancechain.node.codec.ProtoKeys;
import org.alliancechain.node.logging.LogSetup;
import org.alliancechain.proto.v1.KvPut;
import org.alliancechain.proto.v1.SignedTransaction;
import org.alliancechain.proto.v1.TransactionBody;

/**
 * What the gRPC API costs the node on the submit path. ~180-byte Ed25519 transactions are
 * pre-signed before any clock starts; admission (decode, replay check, signature, identity,
 * mempool) runs directly, then through the server with one transaction per Submit and 100 per
 * SubmitBatch, driven by {@link ApiLoadClient} in a separate JVM, so "server CPU" is this
 * process alone; GetStatus gives the bare cost of a unary call. No consensus runs: admitted
 * transactions stay in the mempool.
 *
 * <pre>
 * ./mvnw -q -Pbench -DskipTests package -pl benchmarks -am
 * java -cp benchmarks/target/benchmarks.jar org.alliancechain.bench.api.ApiThroughput \
 *     [transactions per phase, default 20000] [calls in flight, default 64] \
 *     [phases, default direct,submit,batch,status]
 * </pre>
 */
public final class ApiThroughput {
  private static final int DIRECT_THREADS = 8;

  private ApiThroughput() {}

  public static void main(String[] args) throws Exception {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int inFlight = args.length > 1 ? Integer.parseInt(args[1]) : 64;
    List<String> phases = List.of((args.length > 2 ? args[2] : "direct,submit,batch,status")
        .split(","));
    LogSetup.configure("warn", null, false);
    Path directory = Files.createTempDirectory("api-bench");
    BenchNode node = new BenchNode(directory, 64);
    int perPhase = count + count / 10;
    List<ByteString> signed = presign(node.clients, 3 * perPhase);
    ApiSettings settings = ApiSettings.forTests().withLimits(16 << 20, 1_000, 1_000_000);
    System.out.printf(Locale.ROOT, "gRPC API submit path: %d-byte transactions, %d cores, %d"
        + " calls in flight, %d service threads, client in its own JVM%n", signed.get(0).size(),
        Runtime.getRuntime().availableProcessors(), inFlight, settings.serviceThreads());
    try (ApiServer server = new ApiServer(node, settings).start()) {
      int port = server.publicAddress().getPort();
      if (phases.contains("direct")) {
        direct(node, signed.subList(0, count / 10));
        local("admission, called directly", count, () -> direct(node,
            signed.subList(count / 10, perPhase)));
      }
      if (phases.contains("submit")) {
        remote("Submit over gRPC, 1 tx per call", port, directory,
            signed.subList(perPhase, 2 * perPhase), "submit", count, inFlight);
      }
      if (phases.contains("batch")) {
        remote("SubmitBatch over gRPC, " + ApiLoadClient.BATCH + " per call", port, directory,
            signed.subList(2 * perPhase, 3 * perPhase), "batch", count,
            Math.max(1, inFlight / 16));
      }
      if (phases.contains("status")) {
        remote("GetStatus (bare unary call)", port, directory, signed.subList(0, perPhase),
            "status", count, inFlight);
      }
    } finally {
      node.close();
    }
  }

  private static List<ByteString> presign(List<SigningKey> clients, int count) {
    return IntStream.range(0, count).parallel().mapToObj(i -> {
      SigningKey sender = clients.get(i % clients.size());
      byte[] body = TransactionBody.newBuilder()
          .setChainId(BenchNode.CHAIN_ID)
          .setSender(ProtoKeys.toProto(sender.publicKey()))
          .setNonce(ByteString.copyFrom(java.nio.ByteBuffer.allocate(8).putLong(i).array()))
          .setExpiryHeight(500)
          .setKvPut(KvPut.newBuilder().setNamespace("bench")
              .setKey(ByteString.copyFromUtf8(String.format(Locale.ROOT, "key-%010d", i)))
              .setValue(ByteString.copyFrom(new byte[24])))
          .build().toByteArray();
      return SignedTransaction.newBuilder().setBody(ByteString.copyFrom(body))
          .setSignature(ByteString.copyFrom(sender.sign(SigningDomain.TRANSACTION, body)))
          .build().toByteString();
    }).toList();
  }

  @FunctionalInterface
  private interface Phase {
    void run() throws Exception;
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
        ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static void local(String name, int count, Phase phase) throws Exception {
    long cpuBefore = processCpuNanos();
    long started = System.nanoTime();
    phase.run();
    print(name, count, System.nanoTime() - started, processCpuNanos() - cpuBefore);
  }

  private static void print(String name, int count, long elapsedNanos, long cpuNanos) {
    double seconds = elapsedNanos / 1e9;
    System.out.printf(Locale.ROOT, "%-36s %7d in %6.2f s = %7.0f /s, server %6.1f CPU µs each%n",
        name, count, seconds, count / seconds, cpuNanos / 1e3 / count);
  }

  /** Runs {@link ApiLoadClient} for one phase and measures this process between its marks. */
  private static void remote(String name, int port, Path directory, List<ByteString> load,
      String phase, int count, int inFlight) throws Exception {
    Path file = directory.resolve(phase + ".tx");
    try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
      for (ByteString transaction : load) {
        out.writeInt(transaction.size());
        transaction.writeTo(out);
      }
    }
    Process client = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-cp", System.getProperty("java.class.path"),
        ApiLoadClient.class.getName(), Integer.toString(port), file.toString(), phase,
        Integer.toString(count), Integer.toString(inFlight))
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    long cpuAtStart = 0;
    try (BufferedReader lines = new BufferedReader(
        new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.equals("START")) {
          cpuAtStart = processCpuNanos();
        } else if (line.startsWith("END ")) {
          print(name, count, Long.parseLong(line.substring(4)), processCpuNanos() - cpuAtStart);
        } else {
          System.out.println("client: " + line);
        }
      }
    }
    if (client.waitFor() != 0) {
      throw new IllegalStateException("the load client of " + phase + " failed");
    }
  }

  private static void direct(BenchNode node, List<ByteString> transactions) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(DIRECT_THREADS);
    List<Future<?>> done = new ArrayList<>();
    int share = transactions.size() / DIRECT_THREADS;
    for (int t = 0; t < DIRECT_THREADS; t++) {
      List<ByteString> mine = transactions.subList(t * share, (t + 1) * share);
      done.add(threads.submit(() -> {
        for (ByteString transaction : mine) {
          if (!node.submit(List.of(transaction)).get(0).accepted()) {
            throw new IllegalStateException("a fresh transaction was refused");
          }
        }
      }));
    }
    for (Future<?> future : done) {
      future.get();
    }
    threads.shutdown();
  }
}
