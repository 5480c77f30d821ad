package org.alliancechain.storage;

import java.util.List;
import java.util.Objects;

/**
 * The storage over a key-value backend (RocksDB, or memory for tests): the same commit, read,
 * tree and pruning code for both. Commits are serialized by this object's monitor; reads run
 * concurrently against RocksDB's atomic batches and snapshots.
 */
final class KvStorage implements Storage {
  private final KvStore store;
  private final StorageOptions options;
  private final ChainMetadata metadata;
  private final WriteGate gate;
  private final BlockCommitter committer;
  private final KvBlockStore blocks;
  private final KvStateStore state;
  private final KvConsensusLog consensusLog;
  private volatile boolean closed;
  private final StateValueCache valueCache;

  private KvStorage(KvStore store, StorageOptions options, ChainMetadata metadata,
      ChainState chainState) {
    this.store = store;
    this.options = options;
    this.metadata = metadata;
    this.gate = new WriteGate(store);
    NodeCache nodeCache = new NodeCache(options.tuning().treeNodeCacheNodes());
    this.valueCache = new StateValueCache(options.tuning().stateValueCacheRecords());
    this.committer = new BlockCommitter(store, options, gate, chainState, nodeCache, valueCache);
    this.blocks = new KvBlockStore(store, chainState::tip);
    this.state = new KvStateStore(store, options.hashAlgorithm(),
        options.retainedStateVersions(), chainState::tip, chainState::prunedThrough, nodeCache,
        valueCache);
    this.consensusLog = new KvConsensusLog(store, gate);
  }

  /** Checks (or initializes) the directory behind {@code store}; closes it when refused. */
  static KvStorage open(KvStore store, StorageOptions options) throws StorageException {
    try {
      OpenCheck check = new OpenCheck(store, options);
      ChainMetadata metadata = check.metadata();
      if (options.verifyChecksumsOnOpen()) {
        store.verifyChecksums();
      }
      ChainTip tip = check.tip();
      ChainState chainState = ChainState.load(store, tip);
      return new KvStorage(store, options, metadata, chainState);
    } catch (StorageException | RuntimeException e) {
      store.close();
      throw e;
    }
  }

  @Override
  public ChainMetadata metadata() {
    return metadata;
  }

  @Override
  public byte[] commitGenesis(List<StateChange> changes) throws StorageException {
    Objects.requireNonNull(changes, "changes");
    checkNotClosed();
    return committer.commitGenesis(changes);
  }

  @Override
  public byte[] commitBlock(BlockCommit commit) throws StorageException {
    Objects.requireNonNull(commit, "commit");
    checkNotClosed();
    return committer.commitBlock(commit);
  }

  @Override
  public BlockStore blocks() {
    return blocks;
  }

  @Override
  public StateStore state() {
    return state;
  }

  @Override
  public ConsensusLog consensusLog() {
    return consensusLog;
  }

  @Override
  public long sizeBytes() {
    return store.sizeBytes();
  }

  @Override
  public void verifyChecksums() throws StorageException {
    checkNotClosed();
    store.verifyChecksums();
  }

  @Override
  public void close() {
    synchronized (committer) {
      if (!closed) {
        closed = true;
        valueCache.close();
        store.close();
      }
    }
  }

  private void checkNotClosed() {
    if (closed) {
      throw new IllegalStateException("storage in " + store.location() + " is closed");
    }
  }

  @Override
  public String toString() {
    return "Storage[" + store.location() + ", " + options.chainId() + "]";
  }
}
