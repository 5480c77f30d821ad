package org.alliancechain.storage;

import com.google.protobuf.InvalidProtocolBufferException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.alliancechain.proto.v1.BlockHeader;
import org.alliancechain.proto.v1.CommitCertificate;

/**
 * Checks a block against the tip and writes it, its indexes, its state changes and the pruning
 * it allows, in one atomic batch. One commit at a time (synchronized).
 */
final class BlockCommitter {
  private final KvStore store;
  private final StorageOptions options;
  private final WriteGate gate;
  private final ChainState chain;
  private final NodeCache nodeCache;
  private final StateValueCache valueCache;

  BlockCommitter(KvStore store, StorageOptions options, WriteGate gate, ChainState chain,
      NodeCache nodeCache, StateValueCache valueCache) {
    this.store = store;
    this.options = options;
    this.gate = gate;
    this.chain = chain;
    this.nodeCache = nodeCache;
    this.valueCache = valueCache;
  }

  private StateWriter stateWriter(TreeHasher hasher) {
    KvView view = store.live();
    return new StateWriter(view, valueCache,
        nodeCache.over(NodeSource.of(view, store.location())), hasher);
  }

  /** After {@code applied}'s batch is durable: the caches learn what it wrote. */
  private void written(StateWriter.Applied applied) {
    nodeCache.update(applied.written(), applied.replaced());
    valueCache.committed(applied.values());
  }

  synchronized byte[] commitGenesis(List<StateChange> changes) throws StorageException {
    gate.checkOpen();
    TreeHasher hasher = new TreeHasher(options.hashAlgorithm());
    if (chain.tip() != null) {
      byte[] stored = Records.decodeGenesis(store.live().get(Column.METADATA,
          Records.GENESIS_KEY));
      if (!Arrays.equals(stored, StateWriter.rootOf(hasher, changes))) {
        throw new BlockConflictException("a different genesis state is already committed in "
            + store.location() + " (root " + Bytes.hex(stored) + ")");
      }
      return stored;
    }
    try (KvStore.KvBatch batch = store.newBatch()) {
      StateWriter.Applied applied = stateWriter(hasher).apply(batch, 0, null, changes);
      TreeChild root = applied.root();
      byte[] rootHash = StateWriter.hash(root);
      ChainTip tip = new ChainTip(0, options.genesisHash(), rootHash);
      batch.put(Column.METADATA, Records.GENESIS_KEY, Records.encodeGenesis(rootHash));
      batch.put(Column.METADATA, Records.TIP_KEY, Records.encodeTip(tip));
      gate.write(batch);
      written(applied);
      chain.publish(tip, root, chain.prunedThrough());
      return rootHash;
    }
  }

  synchronized byte[] commitBlock(BlockCommit commit) throws StorageException {
    gate.checkOpen();
    ChainTip tip = chain.tip();
    if (tip == null) {
      throw new BlockRejectedException("commit the genesis state before any block");
    }
    DecodedBlock block = decode(commit.blockUnsafe());
    BlockHeader header = block.header();
    long height = header.getHeight();
    if (height <= tip.height()) {
      return alreadyCommitted(height, block);
    }
    checkFollowsTip(header, tip);
    checkCertificate(commit.certificateUnsafe(), height, block.hash());
    int transactions = block.transactionIds().size();
    if (header.getTransactionCount() != transactions || commit.results().size() != transactions) {
      throw new BlockRejectedException("block at height " + height + " carries " + transactions
          + " transactions, its header says " + header.getTransactionCount() + " and "
          + commit.results().size() + " results were given: one result per transaction needed");
    }
    checkTransactionIds(block.transactionIds(), height);
    return write(commit, block, height);
  }

  private byte[] write(BlockCommit commit, DecodedBlock block, long height)
      throws StorageException {
    TreeHasher hasher = new TreeHasher(options.hashAlgorithm());
    KvView view = store.live();
    try (KvStore.KvBatch batch = store.newBatch()) {
      StateWriter.Applied applied = stateWriter(hasher)
          .apply(batch, height, chain.root(), commit.stateChanges());
      TreeChild root = applied.root();
      byte[] rootHash = StateWriter.hash(root);
      batch.put(Column.BLOCKS, Records.blockKey(height), commit.blockUnsafe());
      batch.put(Column.BLOCKS, Records.certificateKey(height), commit.certificateUnsafe());
      List<byte[]> results = commit.results();
      for (int index = 0; index < results.size(); index++) {
        batch.put(Column.BLOCKS, Records.resultKey(height, index), results.get(index));
        batch.put(Column.TX_INDEX, block.transactionIds().get(index),
            Records.encodeTransactionLocation(height, index));
      }
      batch.put(Column.BLOCK_INDEX, block.hash(), Records.encodeBlockLocation(height, rootHash));
      long pruned = chain.prunedThrough();
      long target = Pruner.target(height, options.retainedStateVersions(), pruned);
      Pruner.prune(view, batch, pruned, target, store.location());
      if (target != pruned) {
        batch.put(Column.METADATA, Records.PRUNING_KEY, Records.encodePruning(target));
      }
      ChainTip next = new ChainTip(height, block.hash(), rootHash);
      batch.put(Column.METADATA, Records.TIP_KEY, Records.encodeTip(next));
      gate.write(batch);
      written(applied);
      chain.publish(next, root, target);
      return rootHash;
    }
  }

  private DecodedBlock decode(byte[] blockBytes) throws BlockRejectedException {
    try {
      DecodedBlock block = DecodedBlock.decode(blockBytes, options.hashAlgorithm(), true);
      if (!block.header().getChainId().equals(options.chainId())) {
        throw new BlockRejectedException("block at height " + block.header().getHeight()
            + " is for chain '" + block.header().getChainId() + "', this storage holds chain '"
            + options.chainId() + "'");
      }
      return block;
    } catch (InvalidProtocolBufferException e) {
      throw new BlockRejectedException("block bytes do not decode as an alliance.v1.Block with"
          + " a BlockHeader and SignedTransactions: " + e.getMessage(), e);
    }
  }

  /** The same block again answers its root; another block at a committed height is refused. */
  private byte[] alreadyCommitted(long height, DecodedBlock block) throws StorageException {
    byte[] location = store.live().get(Column.BLOCK_INDEX, block.hash());
    if (location != null) {
      Records.BlockLocation committed = Records.decodeBlockLocation(location);
      if (committed.height() == height) {
        return committed.stateRoot();
      }
    }
    throw new BlockConflictException("a different block is already committed at height "
        + height + " (tip " + chain.tip().height() + "); block " + Bytes.shortHex(block.hash())
        + " cannot replace it");
  }

  private void checkFollowsTip(BlockHeader header, ChainTip tip) throws BlockRejectedException {
    long height = header.getHeight();
    if (height != tip.height() + 1) {
      throw new BlockRejectedException("block at height " + height + " does not follow the tip "
          + tip.height() + ": commit height " + (tip.height() + 1) + " first");
    }
    if (!Arrays.equals(header.getPreviousHash().toByteArray(), tip.blockHash())) {
      throw new BlockRejectedException("block at height " + height + " has previous_hash "
          + Bytes.shortHex(header.getPreviousHash().toByteArray()) + ", but the block at height "
          + tip.height() + " hashes to " + Bytes.shortHex(tip.blockHash()));
    }
  }

  private static void checkCertificate(byte[] bytes, long height, byte[] blockHash)
      throws BlockRejectedException {
    CommitCertificate certificate;
    try {
      certificate = DecodedBlock.decodeCertificate(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new BlockRejectedException("certificate bytes do not decode as an"
          + " alliance.v1.CommitCertificate: " + e.getMessage(), e);
    }
    if (certificate.getHeight() != height
        || !Arrays.equals(certificate.getBlockHash().toByteArray(), blockHash)) {
      throw new BlockRejectedException("the commit certificate is for height "
          + certificate.getHeight() + ", block " + Bytes.shortHex(certificate.getBlockHash()
          .toByteArray()) + "; the block is height " + height + ", hash "
          + Bytes.shortHex(blockHash));
    }
  }

  /** A transaction id is committed at most once (docs/adr/0003-replay-guard.md). */
  private void checkTransactionIds(List<byte[]> ids, long height) throws StorageException {
    Set<ByteBuffer> seen = new HashSet<>();
    for (byte[] id : ids) {
      if (!seen.add(ByteBuffer.wrap(id))) {
        throw new BlockRejectedException("block at height " + height
            + " holds transaction " + Bytes.hex(id) + " twice");
      }
      if (store.mayContain(Column.TX_INDEX, id)) {
        byte[] location = store.live().get(Column.TX_INDEX, id);
        if (location != null) {
          throw new BlockRejectedException("block at height " + height + " holds transaction "
              + Bytes.hex(id) + ", already committed at "
              + Records.decodeTransactionLocation(location));
        }
      }
    }
  }
}
