package org.alliancechain.storage;

import org.alliancechain.crypto.HashAlgorithm;

/**
 * The hashes of the state's sparse Merkle tree (spec in crypto.proto): leaf = H(0x00 || keyHash
 * || valueHash), internal = H(0x01 || left || right), empty = 32 zero bytes, and a subtree with
 * one leaf is that leaf. Reuses one digest: one instance per thread.
 */
final class TreeHasher {
  /** The hash of an empty subtree, and the root of the empty tree. */
  static final byte[] EMPTY = new byte[HashAlgorithm.DIGEST_LENGTH];

  private static final byte LEAF_PREFIX = 0x00;
  private static final byte INTERNAL_PREFIX = 0x01;

  private final HashAlgorithm.Incremental digest;

  TreeHasher(HashAlgorithm algorithm) {
    this.digest = algorithm.incremental();
  }

  byte[] hash(byte[] data) {
    return digest.update(data).finish();
  }

  byte[] leaf(byte[] keyHash, byte[] valueHash) {
    return digest.update(LEAF_PREFIX).update(keyHash).update(valueHash).finish();
  }

  byte[] internal(byte[] left, byte[] right) {
    return internal(left, 0, right, 0);
  }

  /** {@link #internal(byte[], byte[])} of the hashes at these offsets. */
  byte[] internal(byte[] left, int leftOffset, byte[] right, int rightOffset) {
    return digest.update(INTERNAL_PREFIX).update(left, leftOffset, HashAlgorithm.DIGEST_LENGTH)
        .update(right, rightOffset, HashAlgorithm.DIGEST_LENGTH).finish();
  }

  /** Markers for {@link TreeNode#soleChild}: no child, or more than one. */
  static final TreeChild NONE = new TreeChild.Node(EMPTY, -1);
  static final TreeChild MANY = new TreeChild.Node(EMPTY, -2);
}
