package org.alliancechain.storage;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alliancechain.proto.v1.StaleRecord;

/**
 * Writes one version's state changes into a batch: latest values, the history of the values
 * they replace, the new tree nodes and root, and the stale entries for pruning.
 */
final class StateWriter {
  private final KvView view;
  private final StateValueCache values;
  private final NodeSource nodes;
  private final TreeHasher hasher;

  StateWriter(KvView view, StateValueCache values, NodeSource nodes, TreeHasher hasher) {
    this.view = view;
    this.values = values;
    this.nodes = nodes;
    this.hasher = hasher;
  }

  /**
   * A version's new root, the nodes it wrote and those it replaced (for the node cache), and
   * the latest-value records it wrote (for the value cache).
   */
  record Applied(TreeChild root, Map<NodeKey, TreeNode> written, List<NodeKey> replaced,
      List<StateValueCache.Written> values) {}

  /**
   * Adds to {@code batch} the state of {@code version} = the state of {@code root} (the previous
   * version's root, null for empty) with {@code changes} applied.
   */
  Applied apply(KvStore.KvBatch batch, long version, TreeChild root, List<StateChange> changes)
      throws StorageException {
    List<LeafChange> leafChanges = new ArrayList<>();
    List<StateValueCache.Written> written = new ArrayList<>();
    StaleRecord.Builder stale = StaleRecord.newBuilder();
    for (StateChange change : lastPerKey(changes)) {
      byte[] key = change.keyUnsafe();
      byte[] value = change.valueUnsafe();
      Records.StoredValue old = Records.decodeValue(values.read(view, key));
      if (old == null ? value == null : Arrays.equals(old.value(), value)) {
        continue; // deleting an absent key, or setting the value it has: no change
      }
      byte[] keyHash = hasher.hash(key);
      if (old != null) {
        byte[] historyKey = Records.historyKey(keyHash, old.version());
        batch.put(Column.STATE_HISTORY, historyKey,
            Records.encodeHistoric(old.version(), version, old.value()));
        stale.addHistoryKeys(ByteString.copyFrom(historyKey));
      }
      if (value == null) {
        batch.delete(Column.STATE, key);
        written.add(new StateValueCache.Written(key, null));
        leafChanges.add(new LeafChange(keyHash, null));
      } else {
        byte[] stored = Records.encodeValue(version, value);
        batch.put(Column.STATE, key, stored);
        written.add(new StateValueCache.Written(key, stored));
        leafChanges.add(new LeafChange(keyHash, hasher.hash(value)));
      }
    }
    leafChanges.sort((a, b) -> Arrays.compareUnsigned(a.keyHash(), b.keyHash()));
    TreeUpdater updater = new TreeUpdater(nodes, hasher, version);
    TreeChild newRoot = updater.apply(root, leafChanges);
    for (Map.Entry<NodeKey, TreeNode> node : updater.written().entrySet()) {
      batch.put(Column.STATE_TREE, node.getKey().encode(), TreeCodec.encodeNode(node.getValue()));
    }
    for (NodeKey replaced : updater.stale()) {
      stale.addTreeNodeKeys(ByteString.copyFrom(replaced.encode()));
    }
    if (stale.getTreeNodeKeysCount() + stale.getHistoryKeysCount() > 0) {
      batch.put(Column.STATE_STALE, Bytes.uint64(version), stale.build().toByteArray());
    }
    batch.put(Column.STATE_TREE, NodeKey.rootKey(version), TreeCodec.encodeRoot(newRoot));
    return new Applied(newRoot, updater.written(), updater.stale(), written);
  }

  /** The root of a state holding exactly the puts of {@code changes}, computed without I/O. */
  static byte[] rootOf(TreeHasher hasher, List<StateChange> changes) throws StorageException {
    List<LeafChange> leaves = new ArrayList<>();
    for (StateChange change : lastPerKey(changes)) {
      if (!change.isDelete()) {
        leaves.add(new LeafChange(hasher.hash(change.keyUnsafe()),
            hasher.hash(change.valueUnsafe())));
      }
    }
    leaves.sort((a, b) -> Arrays.compareUnsigned(a.keyHash(), b.keyHash()));
    NodeSource none = (key, hash) -> {
      throw new IllegalStateException("building a tree from nothing reads no node");
    };
    return hash(new TreeUpdater(none, hasher, 0).apply(null, leaves));
  }

  static byte[] hash(TreeChild root) {
    return root == null ? TreeHasher.EMPTY.clone() : root.hash().clone();
  }

  /** The last change of each key, in first-seen order. */
  private static Collection<StateChange> lastPerKey(List<StateChange> changes) {
    Map<ByteBuffer, StateChange> last = new LinkedHashMap<>();
    for (StateChange change : changes) {
      last.put(ByteBuffer.wrap(change.keyUnsafe()), change);
    }
    return last.values();
  }
}
