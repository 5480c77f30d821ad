package org.alliancechain.storage;

import java.util.List;
import java.util.Map;

/**
 * Recently written and read tree nodes, decoded. A node never changes once written at its key,
 * so a cached node is always right; the upper levels, which every block rewrites and reads
 * again, stay here instead of going through RocksDB and the decoder. Least recently used nodes
 * leave first. Thread-safe.
 *
 * <p>Only the levels that fit whole are admitted: with 16,384 nodes, depths 0 to 3 (4,369
 * nodes at most). A deeper node of a large tree is read again only after thousands of blocks
 * (keys are hashed, so a block's changes spread evenly); caching it bought few hits, and each
 * one written lived a couple of seconds in the heap: long enough for the collector to copy it,
 * which at 2,000 tx/s was most of what a young collection copied (docs/performance.md).
 */
final class NodeCache {
  private final int maxDepth;
  private final Map<NodeKey, TreeNode> nodes;

  NodeCache(int capacity) {
    this.maxDepth = wholeLevels(capacity) - 1;
    this.nodes = new LruMap<>(capacity);
  }

  /** How many of the tree's top levels (1, 16, 256, ... nodes) fit in {@code capacity}. */
  static int wholeLevels(int capacity) {
    int levels = 0;
    long total = 0;
    for (long width = 1; total + width <= capacity; width *= TreeNode.SLOTS) {
      total += width;
      levels++;
    }
    return levels;
  }

  synchronized TreeNode get(NodeKey key) {
    return admits(key) ? nodes.get(key) : null;
  }

  synchronized void put(NodeKey key, TreeNode node) {
    if (admits(key)) {
      nodes.put(key, node);
    }
  }

  private boolean admits(NodeKey key) {
    return key.path().length() <= maxDepth;
  }

  /**
   * Adds the nodes a version just made durable, and drops those it replaced: the cache then
   * holds mostly the latest tree, which the next block reads. (Proofs at older versions read the
   * replaced nodes from RocksDB.)
   */
  synchronized void update(Map<NodeKey, TreeNode> written, List<NodeKey> replaced) {
    if (maxDepth >= 0) {
      for (NodeKey key : replaced) {
        nodes.remove(key);
      }
      written.forEach(this::put);
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
