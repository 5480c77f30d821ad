package org.alliancechain.storage;

import java.util.List;
import java.util.Map;

/**
 * Recently written and read tree nodes, decoded. A node never changes once written at its key,
 * so a cached node is always right; the upper levels, which every block rewrites and reads
 * again, stay here instead of going through RocksDB and the decoder. Least recently used nodes
 * leave first. Thread-safe.
 */
final class NodeCache {
  private final int capacity;
  private final Map<NodeKey, TreeNode> nodes;

  NodeCache(int capacity) {
    this.capacity = capacity;
    this.nodes = new LruMap<>(capacity);
  }

  synchronized TreeNode get(NodeKey key) {
    return capacity == 0 ? null : nodes.get(key);
  }

  synchronized void put(NodeKey key, TreeNode node) {
    if (capacity > 0) {
      nodes.put(key, node);
    }
  }

  /**
   * Adds the nodes a version just made durable, and drops those it replaced: the cache then
   * holds mostly the latest tree, which the next block reads. (Proofs at older versions read the
   * replaced nodes from RocksDB.)
   */
  synchronized void update(Map<NodeKey, TreeNode> written, List<NodeKey> replaced) {
    if (capacity > 0) {
      for (NodeKey key : replaced) {
        nodes.remove(key);
      }
      nodes.putAll(written);
    }
  }

  /** Reads through this cache from {@code source}. */
  NodeSource over(NodeSource source) {
    return (key, hash) -> {
      TreeNode cached = get(key);
      if (cached != null) {
        return cached;
      }
      TreeNode loaded = source.load(key, hash);
      put(key, loaded);
      return loaded;
    };
  }
}
