package org.alliancechain.storage;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.Arrays;
import org.alliancechain.crypto.HashAlgorithm;
import org.alliancechain.proto.v1.TreeChildRecord;
import org.alliancechain.proto.v1.TreeLeafRecord;
import org.alliancechain.proto.v1.TreeNodeRecord;
import org.alliancechain.proto.v1.TreeRootRecord;

/** Tree nodes and roots to and from their storage.proto records. */
final class TreeCodec {
  private static final int SLOTS = 16;

  private TreeCodec() {}

  static byte[] encodeNode(TreeNode node) {
    TreeNodeRecord.Builder record = TreeNodeRecord.newBuilder();
    for (int nibble = 0; nibble < SLOTS; nibble++) {
      TreeChild child = node.child(nibble);
      if (child != null) {
        record.addChildren(encodeChild(nibble, child));
      }
    }
    byte[][] inner = node.storedHashes();
    byte[] concatenated = new byte[inner.length * HashAlgorithm.DIGEST_LENGTH];
    for (int i = 0; i < inner.length; i++) {
      System.arraycopy(inner[i], 0, concatenated, i * HashAlgorithm.DIGEST_LENGTH,
          HashAlgorithm.DIGEST_LENGTH);
    }
    return record.setInnerHashes(ByteString.copyFrom(concatenated)).build().toByteArray();
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

  static byte[] encodeRoot(TreeChild root) {
    TreeRootRecord.Builder record = TreeRootRecord.newBuilder();
    if (root != null) {
      record.setRoot(encodeChild(0, root));
    }
    return record.build().toByteArray();
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

  private static TreeChildRecord encodeChild(int nibble, TreeChild child) {
    TreeChildRecord.Builder record = TreeChildRecord.newBuilder()
        .setNibble(nibble)
        .setHash(ByteString.copyFrom(child.hash()));
    if (child instanceof TreeChild.Node node) {
      record.setNodeVersion(node.version());
    } else {
      TreeChild.Leaf leaf = (TreeChild.Leaf) child;
      record.setLeaf(TreeLeafRecord.newBuilder()
          .setKeyHash(ByteString.copyFrom(leaf.keyHash()))
          .setValueHash(ByteString.copyFrom(leaf.valueHash())));
    }
    return record.build();
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
