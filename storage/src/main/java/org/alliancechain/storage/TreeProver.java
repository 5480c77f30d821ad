package org.alliancechain.storage;

import java.util.ArrayList;
import java.util.List;

/** Walks a key's path from a version's root and collects the proof's siblings. */
final class TreeProver {
  private TreeProver() {}

  /** Where a key's path ends: the leaf there (or null for an empty slot), and the siblings. */
  record Path(TreeChild.Leaf leaf, List<byte[]> siblings) {}

  static Path prove(NodeSource source, TreeHasher hasher, TreeChild root, byte[] keyHash)
      throws StorageException {
    List<byte[]> siblings = new ArrayList<>();
    TreeChild current = root;
    NibblePath path = NibblePath.root();
    while (current instanceof TreeChild.Node node) {
      TreeChild[] children = source.load(new NodeKey(node.version(), path));
      int nibble = NibblePath.nibble(keyHash, path.length());
      int from = 0;
      for (int width = children.length; width > 1; width /= 2) {
        int half = width / 2;
        boolean right = nibble >= from + half;
        siblings.add(hasher.range(children, right ? from : from + half, half));
        if (right) {
          from += half;
        }
        TreeChild only = TreeHasher.soleChild(children, from, half);
        if (only == TreeHasher.NONE) {
          return new Path(null, siblings);
        }
        if (only instanceof TreeChild.Leaf leaf) {
          return new Path(leaf, siblings);
        }
      }
      current = children[nibble];
      path = path.child(nibble);
    }
    return new Path((TreeChild.Leaf) current, siblings);
  }
}
