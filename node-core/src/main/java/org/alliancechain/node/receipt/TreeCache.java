package org.alliancechain.node.receipt;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alliancechain.crypto.HashAlgorithm;
import org.alliancechain.crypto.MerkleTree;
import org.alliancechain.storage.StorageException;

/**
 * The Merkle trees of recently asked blocks. Receipts of one block tend to be asked together
 * (a client fetching each transaction it sent), and building a 2,000-leaf tree costs ~4,000
 * hashes, so the last few trees are kept. Thread-safe.
 */
final class TreeCache {
  /** Which tree of which height. */
  private record Key(boolean results, long height) {}

  private final HashAlgorithm hash;
  private final Map<Key, MerkleTree> trees;

  TreeCache(HashAlgorithm hash, int capacity) {
    this.hash = hash;
    this.trees = new LinkedHashMap<>(capacity * 2, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Key, MerkleTree> eldest) {
        return size() > capacity;
      }
    };
  }

  /** Reads the leaves of a tree not in the cache. */
  @FunctionalInterface
  interface Leaves {
    List<byte[]> read() throws StorageException;
  }

  MerkleTree transactions(long height, Leaves leaves) throws StorageException {
    return tree(new Key(false, height), leaves);
  }

  MerkleTree results(long height, Leaves leaves) throws StorageException {
    return tree(new Key(true, height), leaves);
  }

  private MerkleTree tree(Key key, Leaves leaves) throws StorageException {
    synchronized (trees) {
      MerkleTree cached = trees.get(key);
      if (cached != null) {
        return cached;
      }
    }
    MerkleTree built = MerkleTree.ofLeaves(hash, leaves.read());
    synchronized (trees) {
      trees.put(key, built);
    }
    return built;
  }
}
