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

  private TreeCodec() {}

  /**
   * The node's {@code TreeNodeRecord}, written field by field: the same bytes protobuf's
   * builders produce (TreeCodecTest checks it), without a builder per child. Every block
   * encodes a few thousand nodes, and the builders were a fifth of the commit thread's time
   * (JFR, docs/performance.md).
   */
  static byte[] encodeNode(TreeNode node) {
    int[] childSizes = new int[SLOTS];
    int size = 0;
    for (int nibble = 0; nibble < SLOTS; nibble++) {
      TreeChild child = node.child(nibble);
      if (child != null) {
        childSizes[nibble] = childSize(nibble, child);
        size += delimitedSize(childSizes[nibble]);
      }
    }
    byte[][] inner = node.storedHashes();
    int innerLength = inner.length * HashAlgorithm.DIGEST_LENGTH;
    if (innerLength > 0) {
      size += delimitedSize(innerLength);
    }
    byte[] encoded = new byte[size];
    CodedOutputStream out = CodedOutputStream.newInstance(encoded);
    try {
      for (int nibble = 0; nibble < SLOTS; nibble++) {
        TreeChild child = node.child(nibble);
        if (child != null) {
          out.writeTag(NODE_CHILDREN, WireFormat.WIRETYPE_LENGTH_DELIMITED);
          out.writeUInt32NoTag(childSizes[nibble]);
          writeChild(out, nibble, child);
        }
      }
      if (innerLength > 0) {
        out.writeTag(NODE_INNER_HASHES, WireFormat.WIRETYPE_LENGTH_DELIMITED);
        out.writeUInt32NoTag(innerLength);
        for (byte[] hash : inner) {
          out.writeRawBytes(hash);
        }
      }
      out.checkNoSpaceLeft();
    } catch (IOException e) {
      throw new IllegalStateException("a tree node did not fit its computed size", e);
    }
    return encoded;
  }

  private static int delimitedSize(int length) {
    return 1 + CodedOutputStream.computeUInt32SizeNoTag(length) + length;
  }

  /** Proto3 leaves out a zero nibble and empty bytes; a oneof member is written even if 0. */
  private static int childSize(int nibble, TreeChild child) {
    int size = (nibble != 0 ? CodedOutputStream.computeUInt32Size(CHILD_NIBBLE, nibble) : 0)
        + bytesSize(CHILD_HASH, child.hash());
    if (child instanceof TreeChild.Node node) {
      return size + CodedOutputStream.computeUInt64Size(CHILD_NODE_VERSION, node.version());
    }
    return size + delimitedSize(leafSize((TreeChild.Leaf) child));
  }

  private static int leafSize(TreeChild.Leaf leaf) {
    return bytesSize(LEAF_KEY_HASH, leaf.keyHash()) + bytesSize(LEAF_VALUE_HASH, leaf.valueHash());
  }

  private static int bytesSize(int field, byte[] bytes) {
    return bytes.length == 0 ? 0 : CodedOutputStream.computeByteArraySize(field, bytes);
  }

  private static void writeChild(CodedOutputStream out, int nibble, TreeChild child)
      throws IOException {
    if (nibble != 0) {
      out.writeUInt32(CHILD_NIBBLE, nibble);
    }
    writeBytes(out, CHILD_HASH, child.hash());
    if (child instanceof TreeChild.Node node) {
      out.writeUInt64(CHILD_NODE_VERSION, node.version());
      return;
    }
    TreeChild.Leaf leaf = (TreeChild.Leaf) child;
    out.writeTag(CHILD_LEAF, WireFormat.WIRETYPE_LENGTH_DELIMITED);
    out.writeUInt32NoTag(leafSize(leaf));
    writeBytes(out, LEAF_KEY_HASH, leaf.keyHash());
    writeBytes(out, LEAF_VALUE_HASH, leaf.valueHash());
  }

  private static void writeBytes(CodedOutputStream out, int field, byte[] bytes)
      throws IOException {
    if (bytes.length > 0) {
      out.writeByteArray(field, bytes);
    }
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
    int childSize = childSize(0, root);
    byte[] encoded = new byte[delimitedSize(childSize)];
    CodedOutputStream out = CodedOutputStream.newInstance(encoded);
    try {
      out.writeTag(ROOT_CHILD, WireFormat.WIRETYPE_LENGTH_DELIMITED);
      out.writeUInt32NoTag(childSize);
      writeChild(out, 0, root);
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
