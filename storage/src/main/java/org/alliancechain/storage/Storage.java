package org.alliancechain.storage;

import java.nio.file.Path;
import java.util.List;

/**
 * A node's storage: committed blocks with their certificates, results and indexes, the
 * authenticated state, and the consensus log. One instance per data directory.
 *
 * <p>Lifecycle of a node: {@link #open}; if {@code blocks().tip()} is empty, {@link
 * #commitGenesis}; then for each height in order, after executing the block, {@link
 * #commitBlock}. Commits are serialized; reads may run on any thread at any time.
 *
 * <p>Any {@link StorageWriteException} leaves the storage refusing all further writes: the node
 * stops voting and exits; on restart it resumes from the last durable tip.
 */
public interface Storage extends AutoCloseable {

  /**
   * Opens (or creates) the RocksDB storage in {@code directory}. Refuses, with a {@link
   * StorageOpenException}, another chain's directory, a newer schema, or a directory that is not
   * a storage directory or is locked by another process; refuses with a {@link
   * StorageCorruptionException} a directory whose tip does not check out.
   */
  static Storage open(Path directory, StorageOptions options) throws StorageException {
    return KvStorage.open(RocksKvStore.open(directory, options), options);
  }

  /** A storage held in memory, with the same behaviour, for other modules' fast tests. */
  static Storage inMemory(StorageOptions options) {
    try {
      return KvStorage.open(new MemoryKvStore(options.syncWrites()), options);
    } catch (StorageException e) {
      throw new IllegalStateException("an empty in-memory storage cannot fail to open", e);
    }
  }

  /** The chain identity of the directory. */
  ChainMetadata metadata();

  /**
   * Commits the genesis state as version 0 and returns its root. The tip becomes height 0 with
   * the genesis hash. Committing the same genesis state again returns the same root; a
   * different one is a {@link BlockConflictException}.
   */
  byte[] commitGenesis(List<StateChange> changes) throws StorageException;

  /**
   * Commits a block after its execution, in one atomic, synced write: block, certificate,
   * results, block-hash and transaction-id indexes, state changes, the new state tree version
   * and the pruning of the version that leaves the retained window. Returns the new state root.
   *
   * <p>The block must be at the tip height + 1, link to the tip (previous_hash), be for this
   * chain, and the certificate must name its height and hash; otherwise a {@link
   * BlockRejectedException} says why and nothing is written. The same block again at a
   * committed height returns that height's root without writing; a different block there is a
   * {@link BlockConflictException}.
   */
  byte[] commitBlock(BlockCommit commit) throws StorageException;

  /** Blocks, certificates, results and indexes. */
  BlockStore blocks();

  /** The authenticated state. */
  StateStore state();

  /** The PBFT replica's durable log. */
  ConsensusLog consensusLog();

  /** Bytes the storage occupies (the directory on disk; an estimate in memory), for a metric. */
  long sizeBytes();

  /** Reads every stored file and checks its checksums; slow on a large directory. */
  void verifyChecksums() throws StorageException;

  /** Flushes and releases the directory. Idempotent. */
  @Override
  void close();
}
