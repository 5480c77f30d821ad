package org.alliancechain.storage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Applies one version's leaf changes to the tree, in the manner of Diem's Jellyfish Merkle tree:
 * only the nodes on the paths of changed keys are read, rehashed and written again (at the new
 * version); the nodes they replace are reported stale, to be pruned when no retained version
 * needs them. Cost: O(changed keys x depth); nothing else of the tree is touched.
 */
final class TreeUpdater {
  private final NodeSource source;
  private final TreeHasher hasher;
  private final long version;
  private final Map<NodeKey, TreeNode> written = new LinkedHashMap<>();
  private final List<NodeKey> stale = new ArrayList<>();
  private List<LeafChange> changes;

  TreeUpdater(NodeSource source, TreeHasher hasher, long version) {
    this.source = source;
    this.hasher = hasher;
    this.version = version;
  }

  /**
   * The new root after applying {@code sortedChanges} (ascending unsigned key hash, one per key)
   * to {@code root} (null = empty tree); null when the tree becomes empty.
   */
  TreeChild apply(TreeChild root, List<LeafChange> sortedChanges) throws StorageException {
    if (sortedChanges.isEmpty()) {
      return root;
    }
    this.changes = sortedChanges;
    return update(root, NibblePath.root(), 0, sortedChanges.size());
  }

  /** Nodes to write, by key. */
  Map<NodeKey, TreeNode> written() {
    return written;
  }

  /** Nodes replaced by this version. */
  List<NodeKey> stale() {
    return stale;
  }

  private TreeChild update(TreeChild current, NibblePath path, int from, int to)
      throws StorageException {
    if (current == null) {
      List<TreeChild.Leaf> leaves = new ArrayList<>(to - from);
      for (int i = from; i < to; i++) {
        addPut(leaves, changes.get(i));
      }
      return build(path, leaves, 0, leaves.size());
    }
    if (current instanceof TreeChild.Leaf leaf) {
      return updateLeaf(leaf, path, from, to);
    }
    TreeChild.Node node = (TreeChild.Node) current;
    NodeKey key = new NodeKey(node.version(), path);
    TreeNode loaded = source.load(key, node.hash());
    TreeChild[] changed = new TreeChild[TreeNode.SLOTS];
    int changedSlots = 0;
    int depth = path.length();
    for (int i = from; i < to; ) {
      int nibble = NibblePath.nibble(changes.get(i).keyHash(), depth);
      int end = runEnd(changes, LeafChange::keyHash, i, to, depth);
      TreeChild before = loaded.child(nibble);
      TreeChild after = update(before, path.child(nibble), i, end);
      if (after != before) {
        changed[nibble] = after;
        changedSlots |= 1 << nibble;
      }
      i = end;
    }
    if (changedSlots == 0) {
      return current;
    }
    stale.add(key);
    return finish(path, loaded, changed, changedSlots);
  }

  /** A slot holding one leaf receives changes: merge the leaf with them and rebuild. */
  private TreeChild updateLeaf(TreeChild.Leaf leaf, NibblePath path, int from, int to) {
    List<TreeChild.Leaf> leaves = new ArrayList<>(to - from + 1);
    boolean leafPlaced = false;
    for (int i = from; i < to; i++) {
      LeafChange change = changes.get(i);
      int order = Arrays.compareUnsigned(change.keyHash(), leaf.keyHash());
      if (order == 0) {
        leafPlaced = true;
        if (!change.isDelete()) {
          leaves.add(Arrays.equals(change.valueHash(), leaf.valueHash()) ? leaf
              : newLeaf(change));
        }
        continue;
      }
      if (order > 0 && !leafPlaced) {
        leaves.add(leaf);
        leafPlaced = true;
      }
      addPut(leaves, change);
    }
    if (!leafPlaced) {
      leaves.add(leaf);
    }
    if (leaves.size() == 1 && leaves.get(0) == leaf) {
      return leaf;
    }
    return build(path, leaves, 0, leaves.size());
  }

  private void addPut(List<TreeChild.Leaf> leaves, LeafChange change) {
    if (!change.isDelete()) {
      leaves.add(newLeaf(change));
    }
  }

  private TreeChild.Leaf newLeaf(LeafChange change) {
    return new TreeChild.Leaf(hasher.leaf(change.keyHash(), change.valueHash()),
        change.keyHash(), change.valueHash());
  }

  /** The subtree at {@code path} holding exactly {@code leaves} [from, to), sorted. */
  private TreeChild build(NibblePath path, List<TreeChild.Leaf> leaves, int from, int to) {
    if (from == to) {
      return null;
    }
    if (to - from == 1) {
      return leaves.get(from);
    }
    TreeChild[] children = new TreeChild[16];
    int depth = path.length();
    for (int i = from; i < to; ) {
      int nibble = NibblePath.nibble(leaves.get(i).keyHash(), depth);
      int end = runEnd(leaves, TreeChild.Leaf::keyHash, i, to, depth);
      children[nibble] = build(path.child(nibble), leaves, i, end);
      i = end;
    }
    return finish(path, null, children, TreeNode.ALL_SLOTS);
  }

  /**
   * The end of the run of {@code items} from {@code from} (sorted by key hash) whose key hashes
   * share the nibble at {@code depth}: the items that go to the same child slot.
   */
  private static <T> int runEnd(List<T> items, Function<T, byte[]> keyHash, int from, int to,
      int depth) {
    int nibble = NibblePath.nibble(keyHash.apply(items.get(from)), depth);
    int end = from + 1;
    while (end < to && NibblePath.nibble(keyHash.apply(items.get(end)), depth) == nibble) {
      end++;
    }
    return end;
  }

  /**
   * The slot for {@code previous} (null = a new node) with the slots in {@code changedSlots} set
   * to {@code changes}: empty, the single leaf left (which moves up to where it is alone), or a
   * node written at this version, rehashed above the changed slots only.
   */
  private TreeChild finish(NibblePath path, TreeNode previous, TreeChild[] changes,
      int changedSlots) {
    TreeNode base = previous == null ? TreeNode.EMPTY : previous;
    int occupied = base.occupiedAfter(changes, changedSlots);
    if (occupied == 0) {
      return null;
    }
    if (Integer.bitCount(occupied) == 1) {
      int slot = Integer.numberOfTrailingZeros(occupied);
      TreeChild only = (changedSlots & occupied) != 0 ? changes[slot] : base.child(slot);
      if (only instanceof TreeChild.Leaf) {
        return only;
      }
    }
    TreeNode node = base.withChanges(changes, changedSlots, hasher);
    written.put(new NodeKey(version, path), node);
    return new TreeChild.Node(node.hash(), version);
  }
}
