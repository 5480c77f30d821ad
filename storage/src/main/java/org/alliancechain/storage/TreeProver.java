package org.alliancechain.storage;

import java.util.ArrayList;
import java.util.List;

/** Walks a key's path from a version's root and collects the proof's siblings. */
final class TreeProver {
  private TreeProver() {}

  /** Where a key's path ends: the leaf there (or null for an empty slot), and the siblings. */
  record Path(TreeChild.Leaf leaf, List<byte[]> siblings) {}

  static Path prove(NodeSource source, TreeChild root, byte[] keyHash)
      throws StorageException {
    List<byte[]> siblings = new ArrayList<>();
    TreeChild current = root;
    NibblePath path = NibblePath.root();
    while (current instanceof TreeChild.Node node) {
      TreeNode loaded = source.load(new NodeKey(node.version(), path), node.hash());
      int nibble = NibblePath.nibble(keyHash, path.length());
      // Down the node's 4 binary levels, by the nibble's bits, high bit first.
      int position = 1;
      for (int bit = 3; bit >= 0; bit--) {
        int direction = (nibble >>> bit) & 1;
        siblings.add(loaded.hashAt(2 * position + (1 - direction)));
        position = 2 * position + direction;
        TreeChild only = loaded.soleChild(position);
        if (only == TreeHasher.NONE) {
          return new Path(null, siblings);
        }
        if (only instanceof TreeChild.Leaf leaf) {
          return new Path(leaf, siblings);
        }
      }
      current = loaded.child(nibble);
      path = path.child(nibble);
    }
    return new Path((TreeChild.Leaf) current, siblings);
  }
}
