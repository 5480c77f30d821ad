package org.alliancechain.node.ledger;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import org.alliancechain.consensus.codec.CertificateCodec;
import org.alliancechain.consensus.message.ChainBlock;
import org.alliancechain.consensus.message.CommitCertificate;
import org.alliancechain.crypto.MerkleTree;
import org.alliancechain.node.api.NodeServices.CommittedTransaction;
import org.alliancechain.node.chain.ExecutionRoots;
import org.alliancechain.node.execution.BlockContext;
import org.alliancechain.node.execution.BlockExecutor;
import org.alliancechain.node.execution.ExecutedBlock;
import org.alliancechain.node.mempool.Mempool;
import org.alliancechain.node.metrics.NodeMetrics;
import org.alliancechain.node.proposal.RecentBlocks;
import org.alliancechain.node.runtime.ChainSetup;
import org.alliancechain.node.tx.InvalidTransactionException;
import org.alliancechain.node.tx.Transaction;
import org.alliancechain.node.tx.TransactionCodec;
import org.alliancechain.node.tx.TransactionId;
import org.alliancechain.proto.v1.Block;
import org.alliancechain.proto.v1.BlockHeader;
import org.alliancechain.proto.v1.TransactionResult;
import org.alliancechain.storage.BlockCommit;
import org.alliancechain.storage.StateChange;
import org.alliancechain.storage.Storage;
import org.alliancechain.storage.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes committed blocks in height order and stores each in one atomic write, on its own
 * thread, so the consensus thread never waits for execution or fsync. After a block is stored
 * it tells the replica (for checkpoints), cleans the mempool, wakes the clients waiting for its
 * transactions and the block streams.
 */
public final class Ledger implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Ledger.class);

  private final ChainSetup chain;
  private final Storage storage;
  private final Mempool mempool;
  private final NodeMetrics metrics;
  private final LedgerListener listener;
  private final RecentBlocks recent;
  private final String nodeId;
  private final TransactionCodec codec;
  private final BlockExecutor executor = new BlockExecutor();
  private final ExecutorService thread;
  private final ExecutionRootsBook roots;
  private final CommitWaiters waiters = new CommitWaiters();
  private final List<LongConsumer> storedListeners = new CopyOnWriteArrayList<>();
  private final List<java.util.function.Consumer<List<TransactionId>>> transactionListeners =
      new CopyOnWriteArrayList<>();
  private final Map<Long, Long> deliveredAtNanos = new ConcurrentHashMap<>();
  private volatile long executedHeight;
  private volatile boolean halted;

  public Ledger(String nodeId, ChainSetup chain, Storage storage, Mempool mempool,
      NodeMetrics metrics, RecentBlocks recent, LedgerListener listener) {
    this.nodeId = nodeId;
    this.recent = recent;
    this.chain = chain;
    this.storage = storage;
    this.mempool = mempool;
    this.metrics = metrics;
    this.listener = listener;
    this.codec = new TransactionCodec(chain.rules());
    this.roots = new ExecutionRootsBook(chain.rules(), storage);
    this.thread = Executors.newSingleThreadExecutor(runnable -> {
      Thread t = new Thread(runnable, "ledger-" + nodeId);
      t.setDaemon(true);
      return t;
    });
  }

  /** Commits the genesis state on a new data directory; finds the executed tip otherwise. */
  public void open() throws StorageException {
    if (storage.blocks().tip().isEmpty()) {
      List<StateChange> changes = new ArrayList<>();
      chain.genesisState().changes().forEach((key, value) -> changes.add(value.isPresent()
          ? StateChange.put(key.toByteArray(), value.get().toByteArray())
          : StateChange.delete(key.toByteArray())));
      byte[] root = storage.commitGenesis(changes);
      log.info("{} committed the genesis state of chain {}: state root {}", nodeId,
          chain.rules().chainId(), ExecutionRootsBook.hex(root));
    }
    executedHeight = storage.blocks().tip().orElseThrow().height();
    metrics.height.set(executedHeight);
    metrics.executedHeight.set(executedHeight);
  }

  public long executedHeight() {
    return executedHeight;
  }

  public Storage storage() {
    return storage;
  }

  /** Queues a committed block for execution; called in height order by the consensus driver. */
  public void deliver(long height, ChainBlock block, CommitCertificate certificate) {
    if (thread.isShutdown()) {
      return;
    }
    deliveredAtNanos.put(height, System.nanoTime());
    thread.execute(() -> executeAndStore(height, block, certificate));
  }

  /** The execution roots of {@code height}, once executed (at once if it already is). */
  public CompletableFuture<ExecutionRoots> roots(long height) {
    return roots.await(height);
  }

  public CompletableFuture<CommittedTransaction> awaitCommit(TransactionId id) {
    // Register before looking in storage, so a commit between the two is not missed.
    CompletableFuture<CommittedTransaction> future = waiters.register(id);
    try {
      Optional<org.alliancechain.storage.TransactionLocation> location =
          storage.blocks().locate(id.toByteArray());
      if (location.isPresent()) {
        long height = location.get().height();
        int index = location.get().index();
        byte[] result = storage.blocks().result(height, index).orElseThrow();
        waiters.complete(new CommittedTransaction(id, height, index, ByteString.copyFrom(result)));
      }
    } catch (StorageException e) {
      future.completeExceptionally(e);
    }
    return future;
  }

  /** Called with the ids of each stored block's transactions, on the ledger thread. */
  public void onTransactionsStored(java.util.function.Consumer<List<TransactionId>> listener) {
    transactionListeners.add(listener);
  }

  public AutoCloseable onBlockStored(LongConsumer listener) {
    storedListeners.add(listener);
    return () -> storedListeners.remove(listener);
  }

  private void executeAndStore(long height, ChainBlock block, CommitCertificate certificate) {
    if (halted || height <= executedHeight) {
      return;
    }
    if (height != executedHeight + 1) {
      halt("block " + height + " was delivered while the executed tip is " + executedHeight
          + "; delivery must be in height order");
      return;
    }
    try {
      Block decoded = Block.parseFrom(block.encoded());
      BlockHeader header = BlockHeader.parseFrom(decoded.getHeader());
      List<Transaction> transactions = new ArrayList<>(decoded.getTransactionsCount());
      for (ByteString encoded : decoded.getTransactionsList()) {
        transactions.add(codec.decode(encoded));
      }
      ExecutedBlock executed = executor.execute(
          new BlockContext(height, header.getTimestampMs()), transactions, this::readState);
      List<byte[]> results = new ArrayList<>(executed.results().size());
      executed.results().forEach(result -> results.add(result.toByteArray()));
      List<StateChange> changes = new ArrayList<>(executed.changes().size());
      executed.changes().forEach((key, value) -> changes.add(value.isPresent()
          ? StateChange.put(key.toByteArray(), value.get().toByteArray())
          : StateChange.delete(key.toByteArray())));
      byte[] stateRoot = storage.commitBlock(new BlockCommit(block.encoded(),
          CertificateCodec.encode(certificate), results, changes));
      byte[] resultsRoot = MerkleTree.rootOf(chain.rules().hash(), results);
      executedHeight = height;
      roots.record(new ExecutionRoots(height, ByteString.copyFrom(stateRoot),
          ByteString.copyFrom(resultsRoot)));
      recent.executed(height);
      recent.remember(ByteString.copyFrom(block.hash().bytes()), new RecentBlocks.Summary(height,
          header.getPreviousHash(), header.getTimestampMs(), transactions.size(), Set.of()));
      afterStore(height, block, transactions, executed.results(), stateRoot);
    } catch (InvalidProtocolBufferException | InvalidTransactionException e) {
      halt("committed block " + height + " (" + block.hash() + ") does not decode: "
          + e.getMessage() + "; a quorum certified it, so this node's software is at fault");
    } catch (StorageException e) {
      halt("storing block " + height + " failed: " + e.getMessage());
    } catch (RuntimeException e) {
      log.error("{} executing block {} failed", nodeId, height, e);
      halt("executing block " + height + " failed: " + e);
    }
  }

  private Optional<ByteString> readState(ByteString key) {
    try {
      return storage.state().get(key.toByteArray()).map(ByteString::copyFrom);
    } catch (StorageException e) {
      throw new IllegalStateException("reading state key failed: " + e.getMessage(), e);
    }
  }

  private void afterStore(long height, ChainBlock block, List<Transaction> transactions,
      List<ByteString> results, byte[] stateRoot) {
    List<TransactionId> ids = new ArrayList<>(transactions.size());
    Long deliveredAt = deliveredAtNanos.remove(height);
    for (int i = 0; i < transactions.size(); i++) {
      TransactionId id = transactions.get(i).id();
      ids.add(id);
      waiters.complete(new CommittedTransaction(id, height, i, results.get(i)));
      metrics.committedTransactions.labelValues(statusOf(results.get(i))).inc();
    }
    mempool.removeCommitted(height, ids);
    mempool.executed(height);
    transactionListeners.forEach(listener -> listener.accept(ids));
    mempool.removeExpired(height + 1);
    metrics.committedBlocks.inc();
    metrics.height.set(height);
    metrics.executedHeight.set(height);
    if (deliveredAt != null) {
      metrics.phaseLatency.labelValues("execute").observe(
          (System.nanoTime() - deliveredAt) / 1e9);
    }
    listener.executed(height, ByteString.copyFrom(block.hash().bytes()),
        ByteString.copyFrom(stateRoot));
    for (LongConsumer stored : storedListeners) {
      stored.accept(height);
    }
    if (log.isDebugEnabled()) {
      log.debug("{} stored block {} with {} transactions", nodeId, height, transactions.size());
    }
  }

  private static String statusOf(ByteString result) {
    try {
      return TransactionResult.parseFrom(result).getStatus().name()
          .substring("TRANSACTION_STATUS_".length()).toLowerCase(java.util.Locale.ROOT);
    } catch (InvalidProtocolBufferException e) {
      return "unknown";
    }
  }

  private void halt(String reason) {
    halted = true;
    listener.halted(reason);
  }

  /** Finishes the block being stored, then stops. */
  @Override
  public void close() {
    thread.shutdown();
    try {
      if (!thread.awaitTermination(30, TimeUnit.SECONDS)) {
        log.warn("{} ledger did not finish its current block within 30 s", nodeId);
        thread.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      thread.shutdownNow();
    }
  }
}
