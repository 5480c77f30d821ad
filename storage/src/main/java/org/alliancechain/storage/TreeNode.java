package org.alliancechain.storage;

import java.util.Arrays;
import org.alliancechain.crypto.HashAlgorithm;

/**
 * A node of the state tree: 16 child slots under 4 levels of the binary tree, with the hash of
 * every binary position inside it. Positions are numbered as in a heap: 1 is the node itself, 2
 * and 3 its halves, ..., 8 to 15 the pairs of slots; slot s sits at position 16 + s. Keeping the
 * inner hashes means a node whose child changed is rehashed along that child's path only (4
 * hashes, not 15), and a proof reads its siblings instead of computing them.
 *
 * <p>Packed into one array, because the node cache keeps thousands of nodes and the collector
 * copies each one it finds alive: as Java objects (a record and one to three arrays per child,
 * an array per inner hash) a full node was about 50 objects and 2 KiB, packed it is 2 objects
 * and 1.1 KiB. A changed node is built from its predecessor's bytes and the changed children
 * only. Accessors copy out what they return; those copies die young.
 */
final class TreeNode {
  static final int SLOTS = 16;
  private static final int FIRST_SLOT_POSITION = 16;
  private static final int HASH = HashAlgorithm.DIGEST_LENGTH;
  private static final int LEAF_ENTRY = 3 * HASH;
  private static final int NODE_ENTRY = HASH + Long.BYTES;
  /** Every slot, as a {@code changedSlots} mask: a node built from scratch. */
  static final int ALL_SLOTS = 0xffff;
  /** The node without children, from which {@link #of} builds. */
  static final TreeNode EMPTY = new TreeNode(new byte[HASH], 0, 0);

  /**
   * The node's own hash; then the hashes of the inner positions {@link #storedPositions} names,
   * in position order; then per occupied slot, in slot order, the child's hash followed by a
   * leaf's key hash and value hash, or a node's version (8 bytes, big-endian).
   */
  private final byte[] data;
  /** Bit s set: slot s holds a child. */
  private final int occupied;
  /** Bit s set: slot s holds a leaf. */
  private final int leaves;
  /** Bit p set: the hash of inner position p (2..15) is in {@link #data}. */
  private final int stored;

  private TreeNode(byte[] data, int occupied, int leaves) {
    this.data = data;
    this.occupied = occupied;
    this.leaves = leaves;
    this.stored = storedPositions(occupied, leaves);
  }

  private static int size(int occupied, int leaves) {
    return HASH * (1 + Integer.bitCount(storedPositions(occupied, leaves)))
        + LEAF_ENTRY * Integer.bitCount(leaves)
        + NODE_ENTRY * Integer.bitCount(occupied & ~leaves);
  }

  /** A node with these children, every inner hash computed. */
  static TreeNode of(TreeChild[] children, TreeHasher hasher) {
    return EMPTY.withChanges(children, ALL_SLOTS, hasher);
  }

  /**
   * A node as stored: {@code storedHashes} holds the hashes of the positions 2..15 that {@link
   * #storedPositions} names, in position order; the others follow from the children. The node's
   * own hash comes from its parent's slot.
   */
  static TreeNode restore(TreeChild[] children, byte[] ownHash, byte[][] storedHashes)
      throws StorageCorruptionException {
    int occupiedSlots = slotsHolding(children, ALL_SLOTS, TreeChild.class);
    int leafSlots = slotsHolding(children, ALL_SLOTS, TreeChild.Leaf.class);
    int needed = Integer.bitCount(storedPositions(occupiedSlots, leafSlots));
    if (needed != storedHashes.length) {
      throw new StorageCorruptionException("a state tree node holds " + storedHashes.length
          + " inner hashes, its children need " + needed);
    }
    TreeNode node = new TreeNode(new byte[size(occupiedSlots, leafSlots)], occupiedSlots,
        leafSlots);
    System.arraycopy(ownHash, 0, node.data, 0, HASH);
    for (int i = 0; i < storedHashes.length; i++) {
      System.arraycopy(storedHashes[i], 0, node.data, HASH * (1 + i), HASH);
    }
    node.writeChildren(children, ALL_SLOTS, null);
    return node;
  }

  /**
   * This node with the slots in {@code changedSlots} set to {@code changes} (null = empty; other
   * slots of {@code changes} are ignored), rehashed above the changed slots only.
   */
  TreeNode withChanges(TreeChild[] changes, int changedSlots, TreeHasher hasher) {
    int newOccupied = occupiedAfter(changes, changedSlots);
    int newLeaves = (leaves & ~changedSlots)
        | slotsHolding(changes, changedSlots, TreeChild.Leaf.class);
    TreeNode node = new TreeNode(new byte[size(newOccupied, newLeaves)], newOccupied, newLeaves);
    node.writeChildren(changes, changedSlots, this);
    node.rehash(changedSlots, this, hasher);
    return node;
  }

  /** The slots occupied once the slots in {@code changedSlots} are set to {@code changes}. */
  int occupiedAfter(TreeChild[] changes, int changedSlots) {
    return (occupied & ~changedSlots) | slotsHolding(changes, changedSlots, TreeChild.class);
  }

  /** The slots among {@code slots} where {@code children} holds a {@code kind}. */
  private static int slotsHolding(TreeChild[] children, int slots, Class<?> kind) {
    int holding = 0;
    for (int slot = 0; slot < SLOTS; slot++) {
      if ((slots & (1 << slot)) != 0 && kind.isInstance(children[slot])) {
        holding |= 1 << slot;
      }
    }
    return holding;
  }

  /** Writes the child entries: from {@code changes} where changed, else from {@code previous}. */
  private void writeChildren(TreeChild[] changes, int changedSlots, TreeNode previous) {
    int offset = HASH * (1 + Integer.bitCount(stored));
    for (int slot = 0; slot < SLOTS; slot++) {
      int bit = 1 << slot;
      if ((occupied & bit) == 0) {
        continue;
      }
      int length = (leaves & bit) != 0 ? LEAF_ENTRY : NODE_ENTRY;
      if ((changedSlots & bit) == 0) {
        System.arraycopy(previous.data, previous.childOffset(slot), data, offset, length);
      } else {
        writeEntry(changes[slot], data, offset);
      }
      offset += length;
    }
  }

  /**
   * A child's entry as a node packs it: its hash, then a leaf's key hash and value hash or a
   * node's version (8 bytes, big-endian). {@link TreeCodec} writes a version's root from it.
   */
  static byte[] entryOf(TreeChild child) {
    byte[] entry = new byte[child instanceof TreeChild.Leaf ? LEAF_ENTRY : NODE_ENTRY];
    writeEntry(child, entry, 0);
    return entry;
  }

  private static void writeEntry(TreeChild child, byte[] out, int offset) {
    System.arraycopy(child.hash(), 0, out, offset, HASH);
    if (child instanceof TreeChild.Leaf leaf) {
      System.arraycopy(leaf.keyHash(), 0, out, offset + HASH, HASH);
      System.arraycopy(leaf.valueHash(), 0, out, offset + 2 * HASH, HASH);
    } else {
      Bytes.putUint64(out, offset + HASH, ((TreeChild.Node) child).version());
    }
  }

  /**
   * Computes, bottom up, the stored hashes above a slot in {@code changedSlots} and the node's
   * own; copies the other stored hashes from {@code previous}, whose subtrees there are the same.
   */
  private void rehash(int changedSlots, TreeNode previous, TreeHasher hasher) {
    int dirty = dirtyPositions(changedSlots);
    for (int position = SLOTS - 1; position >= 1; position--) {
      int bit = 1 << position;
      if (position != 1 && (stored & bit) == 0) {
        continue; // empty, or a single leaf: read from the children
      }
      int target = position == 1 ? 0 : hashOffset(position);
      if ((dirty & bit) == 0) {
        System.arraycopy(previous.data, previous.hashOffset(position), data, target, HASH);
        continue;
      }
      int below = occupied & slotsBelow(position);
      if (position == 1 && below == 0) {
        System.arraycopy(TreeHasher.EMPTY, 0, data, 0, HASH);
        continue;
      }
      if (position == 1 && Integer.bitCount(below) == 1 && (below & leaves) != 0) {
        System.arraycopy(data, childOffset(Integer.numberOfTrailingZeros(below)), data, 0, HASH);
        continue;
      }
      int left = hashOffset(2 * position);
      int right = hashOffset(2 * position + 1);
      byte[] hash = hasher.internal(left < 0 ? TreeHasher.EMPTY : data, Math.max(left, 0),
          right < 0 ? TreeHasher.EMPTY : data, Math.max(right, 0));
      System.arraycopy(hash, 0, data, target, HASH);
    }
  }

  /** The slots that hold a child, as a bit mask. */
  int occupiedSlots() {
    return occupied;
  }

  /** The child at {@code slot}, or null; a fresh object each time. */
  TreeChild child(int slot) {
    int bit = 1 << slot;
    if ((occupied & bit) == 0) {
      return null;
    }
    int offset = childOffset(slot);
    byte[] hash = Arrays.copyOfRange(data, offset, offset + HASH);
    if ((leaves & bit) != 0) {
      return new TreeChild.Leaf(hash, Arrays.copyOfRange(data, offset + HASH, offset + 2 * HASH),
          Arrays.copyOfRange(data, offset + 2 * HASH, offset + 3 * HASH));
    }
    return new TreeChild.Node(hash, Bytes.getUint64(data, offset + HASH));
  }

  boolean holdsLeaf(int slot) {
    return (leaves & (1 << slot)) != 0;
  }

  /** The version of the node at {@code slot}, which must hold one. */
  long childVersion(int slot) {
    return Bytes.getUint64(data, childOffset(slot) + HASH);
  }

  byte[] hash() {
    return Arrays.copyOf(data, HASH);
  }

  /** The hash of binary position {@code position} (1..31); {@link TreeHasher#EMPTY} is shared. */
  byte[] hashAt(int position) {
    int offset = hashOffset(position);
    return offset < 0 ? TreeHasher.EMPTY : Arrays.copyOfRange(data, offset, offset + HASH);
  }

  /**
   * The packed bytes, for {@link TreeCodec} to write from without copying: read only. A child's
   * hash is at {@link #childOffset}, a leaf's key and value hashes follow it; the stored inner
   * hashes are the {@link #storedHashCount} hashes from offset 32.
   */
  byte[] packed() {
    return data;
  }

  int storedHashCount() {
    return Integer.bitCount(stored);
  }

  /** Where position {@code position}'s hash is in {@link #data}, or -1 for the empty hash. */
  private int hashOffset(int position) {
    if (position >= FIRST_SLOT_POSITION) {
      int slot = position - FIRST_SLOT_POSITION;
      return (occupied & (1 << slot)) == 0 ? -1 : childOffset(slot);
    }
    if (position == 1) {
      return 0;
    }
    if ((stored & (1 << position)) != 0) {
      return HASH * (1 + Integer.bitCount(stored & ((1 << position) - 1)));
    }
    int below = occupied & slotsBelow(position);
    // Not stored: empty, or a single leaf whose hash climbs unchanged.
    return below == 0 ? -1 : childOffset(Integer.numberOfTrailingZeros(below));
  }

  /** Where the entry of the child at {@code slot} starts in {@link #packed}. */
  int childOffset(int slot) {
    int before = (1 << slot) - 1;
    return HASH * (1 + Integer.bitCount(stored))
        + LEAF_ENTRY * Integer.bitCount(leaves & before)
        + NODE_ENTRY * Integer.bitCount(occupied & ~leaves & before);
  }

  /** The only child below {@code position}, or {@link TreeHasher#NONE} / {@link TreeHasher#MANY}. */
  TreeChild soleChild(int position) {
    int below = occupied & slotsBelow(position);
    if (below == 0) {
      return TreeHasher.NONE;
    }
    return (below & (below - 1)) != 0 ? TreeHasher.MANY
        : child(Integer.numberOfTrailingZeros(below));
  }

  /** The slots under {@code position} (1..15) as a bit mask: a run of 16 >> level bits. */
  private static int slotsBelow(int position) {
    int level = 31 - Integer.numberOfLeadingZeros(position);
    int width = SLOTS >> level;
    return ((1 << width) - 1) << ((position - (1 << level)) * width);
  }

  /**
   * The inner positions (2..15) whose hashes are stored: those that hold two or more children,
   * or one node below them (whose hash climbs through empty siblings); not those that are empty
   * (zero) or hold a single leaf (that leaf's hash).
   */
  private static int storedPositions(int occupied, int leaves) {
    int positions = 0;
    for (int position = 2; position < SLOTS; position++) {
      int below = occupied & slotsBelow(position);
      if (below != 0 && ((below & (below - 1)) != 0 || (below & leaves) == 0)) {
        positions |= 1 << position;
      }
    }
    return positions;
  }

  /** The hashes {@link #storedPositions} names, in position order. */
  byte[][] storedHashes() {
    byte[][] hashes = new byte[Integer.bitCount(stored)][];
    for (int i = 0; i < hashes.length; i++) {
      hashes[i] = Arrays.copyOfRange(data, HASH * (1 + i), HASH * (2 + i));
    }
    return hashes;
  }

  /** Bit p set: position p (1..15) lies above a slot in {@code changedSlots}. */
  private static int dirtyPositions(int changedSlots) {
    int dirty = 0;
    for (int slot = 0; slot < SLOTS; slot++) {
      if ((changedSlots & (1 << slot)) != 0) {
        for (int position = (FIRST_SLOT_POSITION + slot) >> 1; position >= 1; position >>= 1) {
          dirty |= 1 << position;
        }
      }
    }
    return dirty;
  }
}
