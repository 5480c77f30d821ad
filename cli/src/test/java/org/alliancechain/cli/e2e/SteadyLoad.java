package org.alliancechain.cli.e2e;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.alliancechain.cli.client.TransactionFactory;
import org.alliancechain.crypto.KeyPem;
import org.alliancechain.proto.v1.SubmitRequest;
import org.alliancechain.proto.v1.SubmitResponse;
import org.alliancechain.proto.v1.TransactionServiceGrpc;

/**
 * A steady stream of key-value puts from the genesis client, each submitted with
 * wait_for_commit to a node taken in turn. A transaction whose node fails is sent again, with
 * the same bytes, to the next node. "Acknowledged" means a node answered that it was committed
 * (with its height): those must be in every chain exactly once.
 */
final class SteadyLoad implements AutoCloseable {
  private static final int WAIT_MS = 8_000;
  /** Well inside the genesis transactionLifetimeBlocks (1000), even for a node a little behind. */
  private static final long EXPIRY_BLOCKS = 500;

  private final ProcessCluster cluster;
  private final TransactionFactory factory;
  private final ExecutorService workers;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final AtomicLong turn = new AtomicLong();
  /** The highest height a node acknowledged: expiries are set from it. */
  private final AtomicLong latestHeight;
  final Map<ByteString, Long> acknowledged = new ConcurrentHashMap<>();
  final Set<ByteString> submitted = ConcurrentHashMap.newKeySet();
  final AtomicLong failedAttempts = new AtomicLong();

  SteadyLoad(ProcessCluster cluster, int workers, long startHeight) throws Exception {
    this.cluster = cluster;
    this.latestHeight = new AtomicLong(startHeight);
    this.factory = new TransactionFactory(cluster.files.genesis().chainId(),
        cluster.files.genesis().suite().hash(),
        KeyPem.decodePrivate(Files.readString(cluster.files.clientKeyFile())));
    this.workers = Executors.newFixedThreadPool(workers);
    for (int i = 0; i < workers; i++) {
      int worker = i;
      this.workers.execute(() -> run(worker));
    }
  }

  long acknowledgedCount() {
    return acknowledged.size();
  }

  private void run(int worker) {
    long sequence = 0;
    while (running.get()) {
      byte[] transaction = factory.put("default",
          ByteString.copyFromUtf8("e2e/" + worker + "/" + sequence++),
          ByteString.copyFromUtf8("value " + sequence), latestHeight.get() + EXPIRY_BLOCKS);
      ByteString id = factory.id(transaction);
      submitted.add(id);
      deliver(transaction, id);
    }
  }

  /** Tries the nodes in turn until one acknowledges the commit, or the load stops. */
  private void deliver(byte[] transaction, ByteString id) {
    List<String> ids = cluster.ids();
    while (running.get()) {
      String node = ids.get((int) (turn.getAndIncrement() % ids.size()));
      try {
        SubmitResponse response = TransactionServiceGrpc.newBlockingStub(cluster.channel(node))
            .withDeadlineAfter(WAIT_MS + 2_000, TimeUnit.MILLISECONDS)
            .submit(SubmitRequest.newBuilder().setTransaction(ByteString.copyFrom(transaction))
                .setWaitForCommit(true).setWaitTimeoutMs(WAIT_MS).build());
        acknowledged.put(id, response.getHeight());
        latestHeight.accumulateAndGet(response.getHeight(), Math::max);
        return;
      } catch (StatusRuntimeException e) {
        failedAttempts.incrementAndGet();
        if (e.getStatus().getCode() == Status.Code.ALREADY_EXISTS) {
          return; // an earlier attempt got it in: committed or pending, but not acknowledged
        }
        pause();
      }
    }
  }

  private static void pause() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops submitting and waits for the calls in flight to end. */
  @Override
  public void close() throws InterruptedException {
    running.set(false);
    workers.shutdown();
    if (!workers.awaitTermination(WAIT_MS * 2L, TimeUnit.MILLISECONDS)) {
      workers.shutdownNow();
    }
  }
}
