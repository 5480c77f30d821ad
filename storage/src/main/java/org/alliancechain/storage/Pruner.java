package org.alliancechain.storage;

import java.util.Arrays;

/**
 * Deletes what only versions older than the retained window need: the tree nodes and history
 * entries listed stale since a version, and the root records of older versions. Runs inside a
 * block's commit batch, so pruning is as atomic as the commit.
 */
final class Pruner {
  /** At most this many versions are pruned by one commit, so catching up stays bounded. */
  static final int VERSIONS_PER_COMMIT_MAX = 16;

  private Pruner() {}

  /**
   * The pruned-through version to reach when committing {@code version}: versions below it
   * become unreadable. Entries made stale by {@code version} itself are in the commit's own
   * batch, not yet in the store, so they wait for the next commit.
   */
  static long target(long version, int retainedVersions, long prunedThrough) {
    long oldestRetained = Math.max(0, version - retainedVersions + 1);
    long target = Math.min(oldestRetained, version - 1);
    return Math.max(prunedThrough, Math.min(target, prunedThrough + VERSIONS_PER_COMMIT_MAX));
  }

  /**
   * Adds to {@code batch} the deletes that move pruning from {@code prunedThrough} to {@code
   * target}.
   */
  static void prune(KvView view, KvStore.KvBatch batch, long prunedThrough, long target,
      String location)
      throws StorageException {
    if (target <= prunedThrough) {
      return;
    }
    byte[] from = Bytes.uint64(prunedThrough + 1);
    byte[] to = Bytes.uint64(target + 1);
    view.scan(Column.STATE_STALE, from, to, (staleKey, empty) -> {
      byte[] key = Arrays.copyOfRange(staleKey, 9, staleKey.length);
      switch (staleKey.length > 9 ? staleKey[8] : -1) {
        case StateWriter.STALE_TREE_NODE -> batch.delete(Column.STATE_TREE, key);
        case StateWriter.STALE_HISTORY -> batch.delete(Column.STATE_HISTORY, key);
        default -> throw new StorageCorruptionException("storage in " + location
            + " has an invalid state_stale entry " + Bytes.hex(staleKey)
            + ". Restore the directory from a backup, or move it away and resync from peers.");
      }
      return true;
    });
    batch.deleteRange(Column.STATE_STALE, from, to);
    for (long version = prunedThrough; version < target; version++) {
      batch.delete(Column.STATE_TREE, NodeKey.rootKey(version));
    }
  }
}
