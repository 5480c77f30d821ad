package org.alliancechain.storage;

/** A non-empty slot of a tree node (or a version's root): a node, or a leaf stored inline. */
sealed interface TreeChild permits TreeChild.Node, TreeChild.Leaf {
  /** The hash of the subtree at this slot. */
  byte[] hash();

  /** The node written at {@code version} at the slot's path. */
  record Node(byte[] hash, long version) implements TreeChild {}

  /** The only leaf below the slot. */
  record Leaf(byte[] hash, byte[] keyHash, byte[] valueHash) implements TreeChild {}
}
