package org.alliancechain.node.api;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;
import org.alliancechain.config.MempoolLimits;
import org.alliancechain.consensus.CommitCertificates;
import org.alliancechain.consensus.ValidatorSet;
import org.alliancechain.consensus.codec.CertificateCodec;
import org.alliancechain.consensus.codec.ConsensusCodec;
import org.alliancechain.consensus.message.ConsensusMessage;
import org.alliancechain.consensus.message.Hash;
import org.alliancechain.consensus.message.SignedMessage;
import org.alliancechain.crypto.BatchVerifier;
import org.alliancechain.crypto.MerkleTree;
import org.alliancechain.crypto.SigningDomain;
import org.alliancechain.node.admission.TransactionAdmission;
import org.alliancechain.node.admission.VerifiedSignatures;
import org.alliancechain.node.api.NodeServices.CommittedTransaction;
import org.alliancechain.node.chain.BlockAssembler;
import org.alliancechain.node.chain.ChainRules;
import org.alliancechain.node.chain.ExecutionRoots;
import org.alliancechain.node.execution.BlockContext;
import org.alliancechain.node.execution.BlockExecutor;
import org.alliancechain.node.execution.ExecutedBlock;
import org.alliancechain.node.runtime.ChainSetup;
import org.alliancechain.node.state.StateReader;
import org.alliancechain.node.tx.Transaction;
import org.alliancechain.node.tx.TransactionCodec;
import org.alliancechain.node.tx.TransactionId;
import org.alliancechain.node.mempool.Mempool;
import org.alliancechain.proto.v1.Block;
import org.alliancechain.proto.v1.SignedTransaction;
import org.alliancechain.storage.BlockCommit;
import org.alliancechain.storage.ChainTip;
import org.alliancechain.storage.StateChange;
import org.alliancechain.storage.Storage;
import org.alliancechain.storage.StorageException;
import org.alliancechain.storage.StorageOptions;

/**
 * A single-writer chain for API tests, built of the real parts: RocksDB storage in a temporary
 * directory, the real admission and mempool, BlockAssembler headers with lagging roots,
 * BlockExecutor results, and commit certificates signed by the genesis validators' keys. A
 * test commits blocks when it wants to; nothing runs in the background.
 */
public final class TestChain implements AutoCloseable {
  public final TestGenesis keys;
  public final ChainRules rules;
  public final Storage storage;
  public final Mempool mempool;
  public final TransactionAdmission admission;
  private final BlockAssembler assembler;
  private final BlockExecutor executor = new BlockExecutor();
  private final TransactionCodec codec;
  private final ValidatorSet validators;
  private final Map<TransactionId, CompletableFuture<CommittedTransaction>> waiting =
      new ConcurrentHashMap<>();
  final List<LongConsumer> listeners = new CopyOnWriteArrayList<>();
  final Map<String, Long> rejections = new ConcurrentHashMap<>();
  /** Every future awaitCommit handed out, to check that callers who give up cancel theirs. */
  final List<CompletableFuture<CommittedTransaction>> handedOut = new CopyOnWriteArrayList<>();
  private long lastTimestampMs;

  private TestChain(TestGenesis keys, Path directory, MempoolLimits limits,
      int retainedStateVersions) throws Exception {
    this.keys = keys;
    ChainSetup setup = ChainSetup.of(keys.genesis);
    this.rules = setup.rules();
    this.storage = Storage.open(directory, StorageOptions.of(rules.chainId(),
        keys.genesis.genesisHash(), rules.hash()).withSyncWrites(false)
        .withRetainedStateVersions(retainedStateVersions));
    this.mempool = new Mempool(limits);
    this.assembler = new BlockAssembler(rules);
    this.codec = new TransactionCodec(rules);
    this.validators = setup.validators();
    this.admission = new TransactionAdmission(rules, mempool, BatchVerifier.shared(),
        new VerifiedSignatures(),
        id -> committed(id), this::state, this::tipHeight,
        refused -> rejections.merge(refused.rejection().name().toLowerCase(), 1L, Long::sum));
    List<StateChange> genesisState = new ArrayList<>();
    keys.state().changes().forEach((key, value) ->
        genesisState.add(StateChange.put(key.toByteArray(), value.orElseThrow().toByteArray())));
    storage.commitGenesis(genesisState);
  }

  /** A chain of 4 validators with window 2 in {@code directory}. */
  public static TestChain open(Path directory) throws Exception {
    return open(TestGenesis.create(4, 2), directory, MempoolLimits.defaults());
  }

  public static TestChain open(TestGenesis keys, Path directory, MempoolLimits limits)
      throws Exception {
    return open(keys, directory, limits, 100);
  }

  /** A chain that keeps only the last {@code retainedStateVersions} state versions. */
  public static TestChain open(TestGenesis keys, Path directory, MempoolLimits limits,
      int retainedStateVersions) throws Exception {
    return new TestChain(keys, directory, limits, retainedStateVersions);
  }

  public TestNode node() {
    return new TestNode(this);
  }

  public long tipHeight() {
    return storage.blocks().tip().map(ChainTip::height).orElse(0L);
  }

  /** Commits one block of what the mempool offers (possibly none). */
  public synchronized long commitFromMempool() throws Exception {
    long height = tipHeight() + 1;
    List<Transaction> transactions =
        mempool.reserve(height, rules.maxBlockTransactions(), rules.maxBlockBytes());
    return commit(height, transactions);
  }

  /** Commits one block of exactly these transactions, bypassing the mempool. */
  public synchronized long commit(List<byte[]> encoded) throws Exception {
    List<Transaction> transactions = new ArrayList<>();
    for (byte[] bytes : encoded) {
      transactions.add(codec.decode(bytes));
    }
    return commit(tipHeight() + 1, transactions);
  }

  /** Commits empty blocks until {@code height} is the tip. */
  public synchronized void commitEmptyUpTo(long height) throws Exception {
    while (tipHeight() < height) {
      commit(tipHeight() + 1, List.of());
    }
  }

  private long commit(long height, List<Transaction> transactions) throws Exception {
    ChainTip tip = storage.blocks().tip().orElseThrow();
    long timestampMs = Math.max(lastTimestampMs, System.currentTimeMillis());
    lastTimestampMs = timestampMs;
    BlockAssembler.AssembledBlock block = assembler.assemble(height,
        ByteString.copyFrom(tip.blockHash()), 0, timestampMs, transactions, roots(height));
    ExecutedBlock executed =
        executor.execute(new BlockContext(height, timestampMs), transactions, state());
    List<byte[]> results = executed.results().stream().map(ByteString::toByteArray).toList();
    List<StateChange> changes = new ArrayList<>();
    executed.changes().forEach((key, value) -> changes.add(value.isPresent()
        ? StateChange.put(key.toByteArray(), value.get().toByteArray())
        : StateChange.delete(key.toByteArray())));
    storage.commitBlock(new BlockCommit(block.encoded(), certify(height, block.hash()), results,
        changes));
    List<TransactionId> ids = transactions.stream().map(Transaction::id).toList();
    mempool.removeCommitted(height, ids);
    for (int i = 0; i < ids.size(); i++) {
      CompletableFuture<CommittedTransaction> waiter = waiting.remove(ids.get(i));
      if (waiter != null) {
        waiter.complete(new CommittedTransaction(ids.get(i), height, i, executed.results().get(i)));
      }
    }
    listeners.forEach(listener -> listener.accept(height));
    return height;
  }

  private ExecutionRoots roots(long height) throws StorageException {
    long executed = rules.executedHeightFor(height);
    return new ExecutionRoots(executed, ByteString.copyFrom(storage.state().root(executed)),
        ByteString.copyFrom(MerkleTree.rootOf(rules.hash(), storage.blocks().results(executed))));
  }

  /** A certificate of the first quorum of the validators' COMMITs in view 0. */
  private byte[] certify(long height, ByteString blockHash) {
    Hash hash = Hash.of(blockHash.toByteArray());
    ConsensusMessage.Commit commit = new ConsensusMessage.Commit(0, height, hash);
    byte[] payload = ConsensusCodec.encodePayload(rules.chainId(), commit);
    List<SignedMessage> commits = new ArrayList<>();
    for (int i = 0; i < keys.validatorKeys.size(); i++) {
      commits.add(new SignedMessage(payload, i,
          keys.validatorKeys.get(i).sign(SigningDomain.CONSENSUS, payload), rules.chainId(),
          commit));
    }
    return CertificateCodec.encode(
        CommitCertificates.assemble(validators, height, 0, hash, commits));
  }

  /** The state after the tip. */
  public StateReader state() {
    return key -> {
      try {
        return storage.state().get(key.toByteArray()).map(ByteString::copyFrom);
      } catch (StorageException e) {
        throw new IllegalStateException(e);
      }
    };
  }

  private boolean committed(TransactionId id) {
    try {
      return storage.blocks().isCommitted(id.toByteArray());
    } catch (StorageException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The commit future of {@code id}; already complete when it is stored. */
  synchronized CompletableFuture<CommittedTransaction> awaitCommit(TransactionId id) {
    try {
      var location = storage.blocks().locate(id.toByteArray());
      if (location.isPresent()) {
        byte[] result = storage.blocks().result(location.get().height(), location.get().index())
            .orElseThrow();
        return CompletableFuture.completedFuture(new CommittedTransaction(id,
            location.get().height(), location.get().index(), ByteString.copyFrom(result)));
      }
    } catch (StorageException e) {
      return CompletableFuture.failedFuture(e);
    }
    // A future per caller, as the node's ledger gives: one caller giving up (cancelling it)
    // leaves the others waiting.
    CompletableFuture<CommittedTransaction> mine =
        waiting.computeIfAbsent(id, key -> new CompletableFuture<>()).thenApply(c -> c);
    handedOut.add(mine);
    return mine;
  }

  /** The transaction id of SignedTransaction bytes. */
  public static TransactionId idOf(ChainRules rules, byte[] transaction) {
    try {
      return TransactionId.of(rules.hash().digest(
          SignedTransaction.parseFrom(transaction).getBody().toByteArray()));
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** The header bytes of the committed block at {@code height}. */
  public ByteString storageHeader(long height) throws Exception {
    return Block.parseFrom(storage.blocks().block(height).orElseThrow()).getHeader();
  }

  Optional<ChainTip> tip() {
    return storage.blocks().tip();
  }

  @Override
  public void close() {
    storage.close();
  }
}
