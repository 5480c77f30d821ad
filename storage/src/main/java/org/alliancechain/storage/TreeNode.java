package org.alliancechain.storage;

/**
 * A node of the state tree: 16 child slots under 4 levels of the binary tree, with the hash of
 * every binary position inside it. Positions are numbered as in a heap: 1 is the node itself, 2
 * and 3 its halves, ..., 8 to 15 the pairs of slots; slot s sits at position 16 + s. Keeping the
 * inner hashes means a node whose child changed is rehashed along that child's path only (4
 * hashes, not 15), and a proof reads its siblings instead of computing them.
 */
final class TreeNode {
  static final int SLOTS = 16;
  private static final int FIRST_SLOT_POSITION = 16;

  private final TreeChild[] children;
  /** hashes[p] for positions 1..15; index 0 unused. */
  private final byte[][] hashes;
  /** Bit s set: slot s holds a child. */
  private final int occupied;
  /** Bit s set: slot s holds a leaf. */
  private final int leaves;

  /** Takes ownership of {@code children}: callers do not change the array afterwards. */
  private TreeNode(TreeChild[] children, byte[][] hashes) {
    this.children = children;
    this.hashes = hashes;
    int occupiedSlots = 0;
    int leafSlots = 0;
    for (int slot = 0; slot < SLOTS; slot++) {
      if (children[slot] != null) {
        occupiedSlots |= 1 << slot;
        if (children[slot] instanceof TreeChild.Leaf) {
          leafSlots |= 1 << slot;
        }
      }
    }
    this.occupied = occupiedSlots;
    this.leaves = leafSlots;
  }

  /** A node with these children, every inner hash computed. */
  static TreeNode of(TreeChild[] children, TreeHasher hasher) {
    TreeNode node = new TreeNode(children, new byte[SLOTS][]);
    node.rehash(0xffff, hasher);
    return node;
  }

  /**
   * A node as stored: {@code storedHashes} holds the hashes of the positions 2..15 that {@link
   * #isStored} names, in position order; the others follow from the children. The node's own
   * hash comes from its parent's slot.
   */
  static TreeNode restore(TreeChild[] children, byte[] ownHash, byte[][] storedHashes)
      throws StorageCorruptionException {
    TreeNode node = new TreeNode(children, new byte[SLOTS][]);
    node.hashes[1] = ownHash;
    int next = 0;
    for (int position = 2; position < SLOTS; position++) {
      if (node.isStored(position)) {
        if (next >= storedHashes.length) {
          throw new StorageCorruptionException("a state tree node holds " + storedHashes.length
              + " inner hashes, its children need more");
        }
        node.hashes[position] = storedHashes[next++];
      } else {
        node.hashes[position] = node.trivialHash(position);
      }
    }
    if (next != storedHashes.length) {
      throw new StorageCorruptionException("a state tree node holds " + storedHashes.length
          + " inner hashes, its children need " + next);
    }
    return node;
  }

  /** A copy with {@code newChildren}, rehashed where the slots in {@code changedSlots} differ. */
  TreeNode withChildren(TreeChild[] newChildren, int changedSlots, TreeHasher hasher) {
    TreeNode node = new TreeNode(newChildren, hashes.clone());
    node.rehash(changedSlots, hasher);
    return node;
  }

  TreeChild[] children() {
    return children.clone();
  }

  TreeChild child(int slot) {
    return children[slot];
  }

  byte[] hash() {
    return hashes[1];
  }

  /** The hash of binary position {@code position} (1..31). */
  byte[] hashAt(int position) {
    if (position >= FIRST_SLOT_POSITION) {
      TreeChild child = children[position - FIRST_SLOT_POSITION];
      return child == null ? TreeHasher.EMPTY : child.hash();
    }
    return hashes[position];
  }

  /** The only child below {@code position}, or {@link TreeHasher#NONE} / {@link TreeHasher#MANY}. */
  TreeChild soleChild(int position) {
    int below = occupied & slotsBelow(position);
    if (below == 0) {
      return TreeHasher.NONE;
    }
    return (below & (below - 1)) != 0 ? TreeHasher.MANY
        : children[Integer.numberOfTrailingZeros(below)];
  }

  /** The slots under {@code position} (1..15) as a bit mask: a run of 16 >> level bits. */
  private static int slotsBelow(int position) {
    int level = 31 - Integer.numberOfLeadingZeros(position);
    int width = SLOTS >> level;
    return ((1 << width) - 1) << ((position - (1 << level)) * width);
  }

  /**
   * Whether position {@code position}'s hash is stored: it is when the position holds two or more
   * children, or one node below it (whose hash climbs through empty siblings); it is not when it
   * is empty (zero) or holds a single leaf (that leaf's hash).
   */
  boolean isStored(int position) {
    int below = occupied & slotsBelow(position);
    return below != 0 && ((below & (below - 1)) != 0 || (below & leaves) == 0);
  }

  /** The hashes {@link #isStored} names, in position order. */
  byte[][] storedHashes() {
    int count = 0;
    byte[][] stored = new byte[SLOTS][];
    for (int position = 2; position < SLOTS; position++) {
      if (isStored(position)) {
        stored[count++] = hashes[position];
      }
    }
    return java.util.Arrays.copyOf(stored, count);
  }

  private byte[] trivialHash(int position) {
    TreeChild only = soleChild(position);
    return only == TreeHasher.NONE ? TreeHasher.EMPTY : only.hash();
  }

  /** Recomputes, bottom up, every position above a slot in {@code changedSlots}. */
  private void rehash(int changedSlots, TreeHasher hasher) {
    int dirty = 0; // bit p set: position p needs rehashing
    for (int slot = 0; slot < SLOTS; slot++) {
      if ((changedSlots & (1 << slot)) != 0) {
        for (int position = (FIRST_SLOT_POSITION + slot) >> 1; position >= 1; position >>= 1) {
          dirty |= 1 << position;
        }
      }
    }
    for (int position = SLOTS - 1; position >= 1; position--) {
      if ((dirty & (1 << position)) != 0) {
        TreeChild only = soleChild(position);
        hashes[position] = only == TreeHasher.NONE ? TreeHasher.EMPTY
            : only instanceof TreeChild.Leaf ? only.hash()
            : hasher.internal(hashAt(2 * position), hashAt(2 * position + 1));
      }
    }
  }
}
