package org.alliancechain.storage;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import org.alliancechain.proto.v1.StaleRecord;

/**
 * Deletes what only versions older than the retained window need: the tree nodes and history
 * entries that each version's stale record lists, and the root records of older versions. Runs inside a
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
      String location) throws StorageException {
    for (long version = prunedThrough + 1; version <= target; version++) {
      byte[] key = Bytes.uint64(version);
      byte[] bytes = view.get(Column.STATE_STALE, key);
      if (bytes != null) {
        StaleRecord stale = decode(bytes, version, location);
        for (ByteString node : stale.getTreeNodeKeysList()) {
          batch.delete(Column.STATE_TREE, node.toByteArray());
        }
        for (ByteString history : stale.getHistoryKeysList()) {
          batch.delete(Column.STATE_HISTORY, history.toByteArray());
        }
        batch.delete(Column.STATE_STALE, key);
      }
    }
    for (long version = prunedThrough; version < target; version++) {
      batch.delete(Column.STATE_TREE, NodeKey.rootKey(version));
    }
  }

  private static StaleRecord decode(byte[] bytes, long version, String location)
      throws StorageCorruptionException {
    try {
      return StaleRecord.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new StorageCorruptionException("storage in " + location + " has an undecodable"
          + " stale record for version " + version + " (" + e.getMessage() + "). Restore the"
          + " directory from a backup, or move it away and resync from peers.", e);
    }
  }
}
