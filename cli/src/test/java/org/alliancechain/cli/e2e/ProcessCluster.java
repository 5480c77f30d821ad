package org.alliancechain.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.alliancechain.cli.CliRun;
import org.alliancechain.cli.devnet.LocalNetwork;
import org.alliancechain.cli.devnet.NodeLauncher;
import org.alliancechain.cli.devnet.NodeProcess;
import org.alliancechain.cli.network.NetworkDirectory;
import org.alliancechain.proto.v1.GetBlockRequest;
import org.alliancechain.proto.v1.GetBlockResponse;
import org.alliancechain.proto.v1.GetStateRequest;
import org.alliancechain.proto.v1.GetStatusRequest;
import org.alliancechain.proto.v1.NodeStatus;
import org.alliancechain.proto.v1.QueryServiceGrpc;

/**
 * Validators as real processes on 127.0.0.1, created with `alliance network init` and started
 * with `alliance node start` as devnet starts them, driven and inspected over their gRPC API.
 * {@link #close} stops every process it started, also when a test fails.
 */
final class ProcessCluster implements AutoCloseable {
  private static final long STATUS_TIMEOUT_MS = 2_000;
  private static final long POLL_MS = 200;

  final NetworkDirectory files;
  final LocalNetwork processes;
  private final Map<String, ManagedChannel> channels = new HashMap<>();

  private ProcessCluster(NetworkDirectory files, LocalNetwork processes) {
    this.files = files;
    this.processes = processes;
  }

  static ProcessCluster start(Path directory, int validators) throws Exception {
    Path out = directory.resolve("net");
    CliRun init = CliRun.run("network", "init", "--validators", String.valueOf(validators),
        "--chain-id", "e2e", "--out", out.toString());
    assertThat(init.exitCode()).as(init.toString()).isZero();
    NetworkDirectory files = NetworkDirectory.load(out);
    ProcessCluster cluster = new ProcessCluster(files, new LocalNetwork(files,
        new NodeLauncher(List.of("-Xms128m", "-Xmx512m", "-XX:+UseSerialGC"))));
    try {
      cluster.processes.startAll();
      cluster.processes.awaitReady(cluster.ids(), Duration.ofSeconds(150));
    } catch (Exception | AssertionError e) {
      cluster.close();
      throw e;
    }
    return cluster;
  }

  List<String> ids() {
    return files.validators().stream().map(NetworkDirectory.Member::id).toList();
  }

  synchronized ManagedChannel channel(String id) {
    return channels.computeIfAbsent(id, key -> {
      try {
        return new org.alliancechain.cli.client.Endpoint(files.node(key).orElseThrow().grpc(),
            Optional.empty(), "public API").open();
      } catch (org.alliancechain.cli.CliException e) {
        throw new IllegalStateException(e);
      }
    });
  }

  QueryServiceGrpc.QueryServiceBlockingStub query(String id) {
    return QueryServiceGrpc.newBlockingStub(channel(id))
        .withDeadlineAfter(STATUS_TIMEOUT_MS * 5, TimeUnit.MILLISECONDS);
  }

  /** The node's status, or empty when it does not answer within two seconds. */
  Optional<NodeStatus> status(String id) {
    try {
      return Optional.of(QueryServiceGrpc.newBlockingStub(channel(id))
          .withDeadlineAfter(STATUS_TIMEOUT_MS, TimeUnit.MILLISECONDS)
          .getStatus(GetStatusRequest.getDefaultInstance()));
    } catch (StatusRuntimeException e) {
      return Optional.empty();
    }
  }

  long height(String id) {
    return status(id).map(NodeStatus::getHeight).orElse(-1L);
  }

  /** The status of the first node of {@code among} that answers. */
  NodeStatus anyStatus(List<String> among) {
    for (String id : among) {
      Optional<NodeStatus> status = status(id);
      if (status.isPresent()) {
        return status.get();
      }
    }
    throw new AssertionError("no node of " + among + " answers");
  }

  NodeProcess process(String id) {
    return processes.process(id);
  }

  void restart(String id) throws Exception {
    processes.start(id);
  }

  List<String> others(String id) {
    return ids().stream().filter(other -> !other.equals(id)).toList();
  }

  long maxHeight(List<String> among) {
    return among.stream().mapToLong(this::height).max().orElse(-1);
  }

  static void await(String what, Duration timeout, BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting until "
            + what);
      }
      Thread.sleep(POLL_MS);
    }
  }

  /** Waits until every node answers with the same height for a second, and returns it. */
  long awaitSameHeight(Duration timeout) throws InterruptedException {
    long[] agreed = {-1};
    await("every node reports the same height", timeout, () -> {
      List<Long> heights = ids().stream().map(this::height).toList();
      if (heights.contains(-1L) || heights.stream().distinct().count() != 1) {
        agreed[0] = -1;
        return false;
      }
      if (agreed[0] == heights.get(0)) {
        return true;
      }
      agreed[0] = heights.get(0);
      return false;
    });
    return agreed[0];
  }

  /**
   * Every node has the identical block (hash, certificate's block hash, results) at every height
   * up to {@code top}, and the same state root at {@code top}. Returns the transaction ids of the
   * chain in order, as the first node has them.
   */
  List<ByteString> assertIdenticalChains(long top) {
    List<ByteString> transactions = new ArrayList<>();
    String reference = ids().get(0);
    for (long height = 1; height <= top; height++) {
      GetBlockResponse expected = query(reference).getBlock(
          GetBlockRequest.newBuilder().setHeight(height).build());
      for (String id : ids().subList(1, ids().size())) {
        GetBlockResponse actual = query(id).getBlock(GetBlockRequest.newBuilder().setHeight(height)
            .build());
        assertThat(actual.getHash()).as("block hash at height %d on %s", height, id)
            .isEqualTo(expected.getHash());
        assertThat(actual.getBlock().getBlock()).as("block %d on %s", height, id)
            .isEqualTo(expected.getBlock().getBlock());
        assertThat(actual.getResultsList()).as("results of %d on %s", height, id)
            .isEqualTo(expected.getResultsList());
      }
      for (ByteString result : expected.getResultsList()) {
        transactions.add(transactionIdOf(result));
      }
    }
    ByteString root = stateRoot(reference, top);
    for (String id : ids()) {
      assertThat(stateRoot(id, top)).as("state root after %d on %s", top, id).isEqualTo(root);
    }
    return transactions;
  }

  private ByteString stateRoot(String id, long height) {
    return query(id).getState(GetStateRequest.newBuilder().setNamespace("default")
        .setKey(ByteString.copyFromUtf8("e2e-probe")).setHeight(height).build()).getStateRoot();
  }

  private static ByteString transactionIdOf(ByteString result) {
    try {
      return org.alliancechain.proto.v1.TransactionResult.parseFrom(result).getTransactionId();
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new AssertionError("a block result does not parse", e);
    }
  }

  @Override
  public void close() throws InterruptedException {
    for (ManagedChannel channel : channels.values()) {
      channel.shutdownNow();
    }
    processes.stopAll(LocalNetwork.STOP_GRACE_MS);
  }
}
