package org.alliancechain.storage;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.util.Arrays;
import org.alliancechain.crypto.HashAlgorithm;
import org.alliancechain.proto.v1.TreeChildRecord;
import org.alliancechain.proto.v1.TreeLeafRecord;
import org.alliancechain.proto.v1.TreeNodeRecord;
import org.alliancechain.proto.v1.TreeRootRecord;

/** Tree nodes and roots to and from their storage.proto records. */
final class TreeCodec {
  private static final int SLOTS = 16;
  private static final int NODE_CHILDREN = TreeNodeRecord.CHILDREN_FIELD_NUMBER;
  private static final int NODE_INNER_HASHES = TreeNodeRecord.INNER_HASHES_FIELD_NUMBER;
  private static final int CHILD_NIBBLE = TreeChildRecord.NIBBLE_FIELD_NUMBER;
  private static final int CHILD_HASH = TreeChildRecord.HASH_FIELD_NUMBER;
  private static final int CHILD_NODE_VERSION = TreeChildRecord.NODE_VERSION_FIELD_NUMBER;
  private static final int CHILD_LEAF = TreeChildRecord.LEAF_FIELD_NUMBER;
  private static final int LEAF_KEY_HASH = TreeLeafRecord.KEY_HASH_FIELD_NUMBER;
  private static final int LEAF_VALUE_HASH = TreeLeafRecord.VALUE_HASH_FIELD_NUMBER;
  private static final int ROOT_CHILD = TreeRootRecord.ROOT_FIELD_NUMBER;
  /** A 32-byte hash field: tag, length, bytes (all the hash fields have numbers below 16). */
  private static final int HASH_FIELD_SIZE = 2 + HashAlgorithm.DIGEST_LENGTH;

  private TreeCodec() {}

  /**
   * The node's {@code TreeNodeRecord}, written field by field from the node's packed bytes: the
   * same bytes protobuf's builders produce (TreeCodecTest checks it), without a builder or a
   * child object per child. Every block encodes a few thousand nodes, and the builders were a
   * fifth of the commit thread's time (JFR, docs/performance.md).
   */
  static byte[] encodeNode(TreeNode node) {
    int[] childSizes = new int[SLOTS];
    int size = 0;
    int occupied = node.occupiedSlots();
    byte[] packed = node.packed();
    for (int nibble = 0; nibble < SLOTS; nibble++) {
      if ((occupied & (1 << nibble)) != 0) {
        childSizes[nibble] = childSize(nibble, packed, node.childOffset(nibble),
            node.holdsLeaf(nibble));
        size += delimitedSize(childSizes[nibble]);
      }
    }
    int innerLength = node.storedHashCount() * HashAlgorithm.DIGEST_LENGTH;
    if (innerLength > 0) {
      size += delimitedSize(innerLength);
    }
    byte[] encoded = new byte[size];
    CodedOutputStream out = CodedOutputStream.newInstance(encoded);
    try {
      for (int nibble = 0; nibble < SLOTS; nibble++) {
        if ((occupied & (1 << nibble)) != 0) {
          out.writeTag(NODE_CHILDREN, WireFormat.WIRETYPE_LENGTH_DELIMITED);
          out.writeUInt32NoTag(childSizes[nibble]);
          writeChild(out, nibble, packed, node.childOffset(nibble), node.holdsLeaf(nibble));
        }
      }
      if (innerLength > 0) {
        out.writeTag(NODE_INNER_HASHES, WireFormat.WIRETYPE_LENGTH_DELIMITED);
        out.writeUInt32NoTag(innerLength);
        out.writeRawBytes(packed, HashAlgorithm.DIGEST_LENGTH, innerLength);
      }
      out.checkNoSpaceLeft();
    } catch (IOException e) {
      throw new IllegalStateException("a tree node did not fit its computed size", e);
    }
    return encoded;
  }

  /**
   * The size of a child's {@code TreeChildRecord}, from its packed entry at {@code offset} in
   * {@code entries} ({@link TreeNode#entryOf}): hashes are 32 bytes; proto3 leaves out a zero
   * nibble; a oneof member is written even if 0.
   */
  private static int childSize(int nibble, byte[] entries, int offset, boolean leaf) {
    int size = (nibble != 0 ? CodedOutputStream.computeUInt32Size(CHILD_NIBBLE, nibble) : 0)
        + HASH_FIELD_SIZE;
    if (leaf) {
      return size + delimitedSize(2 * HASH_FIELD_SIZE);
    }
    return size + CodedOutputStream.computeUInt64Size(CHILD_NODE_VERSION,
        Bytes.getUint64(entries, offset + HashAlgorithm.DIGEST_LENGTH));
  }

  private static void writeChild(CodedOutputStream out, int nibble, byte[] entries, int offset,
      boolean leaf) throws IOException {
    if (nibble != 0) {
      out.writeUInt32(CHILD_NIBBLE, nibble);
    }
    writeHash(out, CHILD_HASH, entries, offset);
    if (!leaf) {
      out.writeUInt64(CHILD_NODE_VERSION,
          Bytes.getUint64(entries, offset + HashAlgorithm.DIGEST_LENGTH));
      return;
    }
    out.writeTag(CHILD_LEAF, WireFormat.WIRETYPE_LENGTH_DELIMITED);
    out.writeUInt32NoTag(2 * HASH_FIELD_SIZE);
    writeHash(out, LEAF_KEY_HASH, entries, offset + HashAlgorithm.DIGEST_LENGTH);
    writeHash(out, LEAF_VALUE_HASH, entries, offset + 2 * HashAlgorithm.DIGEST_LENGTH);
  }

  private static void writeHash(CodedOutputStream out, int field, byte[] packed, int offset)
      throws IOException {
    out.writeTag(field, WireFormat.WIRETYPE_LENGTH_DELIMITED);
    out.writeUInt32NoTag(HashAlgorithm.DIGEST_LENGTH);
    out.writeRawBytes(packed, offset, HashAlgorithm.DIGEST_LENGTH);
  }

  private static int delimitedSize(int length) {
    return 1 + CodedOutputStream.computeUInt32SizeNoTag(length) + length;
  }

  /** The node at {@code key}, whose own hash {@code hash} its parent holds. */
  static TreeNode decodeNode(byte[] bytes, NodeKey key, byte[] hash)
      throws StorageCorruptionException {
    TreeNodeRecord node;
    try {
      node = TreeNodeRecord.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new StorageCorruptionException("state tree node " + key + " does not decode: "
          + e.getMessage(), e);
    }
    TreeChild[] children = new TreeChild[SLOTS];
    int used = 0;
    for (TreeChildRecord child : node.getChildrenList()) {
      int nibble = child.getNibble();
      if (nibble >= SLOTS || children[nibble] != null) {
        throw new StorageCorruptionException("state tree node " + key
            + " has an invalid or repeated slot " + nibble);
      }
      children[nibble] = decodeChild(child, key);
      used++;
    }
    if (used == 0) {
      throw new StorageCorruptionException("state tree node " + key + " has no children");
    }
    byte[] inner = node.getInnerHashes().toByteArray();
    if (inner.length % HashAlgorithm.DIGEST_LENGTH != 0) {
      throw new StorageCorruptionException("state tree node " + key + " has " + inner.length
          + " bytes of inner hashes, not a multiple of " + HashAlgorithm.DIGEST_LENGTH);
    }
    byte[][] stored = new byte[inner.length / HashAlgorithm.DIGEST_LENGTH][];
    for (int i = 0; i < stored.length; i++) {
      stored[i] = Arrays.copyOfRange(inner, i * HashAlgorithm.DIGEST_LENGTH,
          (i + 1) * HashAlgorithm.DIGEST_LENGTH);
    }
    try {
      return TreeNode.restore(children, hash, stored);
    } catch (StorageCorruptionException e) {
      throw new StorageCorruptionException("state tree node " + key + ": " + e.getMessage());
    }
  }

  /** The version's {@code TreeRootRecord}, written like {@link #encodeNode}; empty for no root. */
  static byte[] encodeRoot(TreeChild root) {
    if (root == null) {
      return new byte[0];
    }
    byte[] entry = TreeNode.entryOf(root);
    boolean leaf = root instanceof TreeChild.Leaf;
    int childSize = childSize(0, entry, 0, leaf);
    byte[] encoded = new byte[delimitedSize(childSize)];
    CodedOutputStream out = CodedOutputStream.newInstance(encoded);
    try {
      out.writeTag(ROOT_CHILD, WireFormat.WIRETYPE_LENGTH_DELIMITED);
      out.writeUInt32NoTag(childSize);
      writeChild(out, 0, entry, 0, leaf);
      out.checkNoSpaceLeft();
    } catch (IOException e) {
      throw new IllegalStateException("a tree root did not fit its computed size", e);
    }
    return encoded;
  }

  /** The root child of a version, or null for the empty tree. */
  static TreeChild decodeRoot(byte[] bytes, long version) throws StorageCorruptionException {
    try {
      TreeRootRecord record = TreeRootRecord.parseFrom(bytes);
      return record.hasRoot() ? decodeChild(record.getRoot(), "root of version " + version)
          : null;
    } catch (InvalidProtocolBufferException e) {
      throw new StorageCorruptionException("state tree root of version " + version
          + " does not decode: " + e.getMessage(), e);
    }
  }

  private static TreeChild decodeChild(TreeChildRecord record, Object where)
      throws StorageCorruptionException {
    byte[] hash = record.getHash().toByteArray();
    checkHash(hash, where);
    switch (record.getKindCase()) {
      case NODE_VERSION:
        return new TreeChild.Node(hash, record.getNodeVersion());
      case LEAF:
        byte[] keyHash = record.getLeaf().getKeyHash().toByteArray();
        byte[] valueHash = record.getLeaf().getValueHash().toByteArray();
        checkHash(keyHash, where);
        checkHash(valueHash, where);
        return new TreeChild.Leaf(hash, keyHash, valueHash);
      default:
        throw new StorageCorruptionException("state tree " + where
            + " has a child that is neither a node nor a leaf");
    }
  }

  private static void checkHash(byte[] hash, Object where) throws StorageCorruptionException {
    if (hash.length != HashAlgorithm.DIGEST_LENGTH) {
      throw new StorageCorruptionException("state tree " + where + " holds a " + hash.length
          + "-byte hash, " + HashAlgorithm.DIGEST_LENGTH + " expected");
    }
  }
}
