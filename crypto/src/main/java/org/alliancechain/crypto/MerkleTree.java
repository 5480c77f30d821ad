package org.alliancechain.crypto;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An RFC 6962 (Certificate Transparency) Merkle tree over a block's leaves, with inclusion
 * proofs. Leaf hash {@code H(0x00 || data)}, interior node {@code H(0x01 || left || right)}, the
 * left subtree of n leaves holding the largest power of two smaller than n; the empty tree's
 * root is {@code H("")}. The prefixes keep a leaf from passing for a node (second preimages).
 *
 * <p>Built bottom-up level by level: a level's unpaired last node moves up unchanged, which gives
 * exactly RFC 6962's left-complete shape. Building costs n - 1 node hashes; every level is kept,
 * so a proof is a lookup of one sibling per level, O(log n), and all proofs of a block
 * O(n log n). Immutable and thread-safe.
 */
public final class MerkleTree {
  static final byte LEAF_PREFIX = 0x00;
  static final byte NODE_PREFIX = 0x01;

  private final HashAlgorithm hash;
  /** levels.get(0) are the leaf hashes; the last level holds the root alone. */
  private final List<byte[][]> levels;

  private MerkleTree(HashAlgorithm hash, List<byte[][]> levels) {
    this.hash = hash;
    this.levels = levels;
  }

  /** The tree over {@code leaves}, each hashed as a leaf. */
  public static MerkleTree ofLeaves(HashAlgorithm hash, List<byte[]> leaves) {
    HashAlgorithm.Incremental digest = hash.incremental();
    byte[][] leafHashes = new byte[leaves.size()][];
    for (int i = 0; i < leafHashes.length; i++) {
      leafHashes[i] = digest.update(LEAF_PREFIX).update(leaves.get(i)).finish();
    }
    return build(hash, leafHashes);
  }

  /** The tree whose leaf hashes (already {@code H(0x00 || data)}) are {@code leafHashes}. */
  public static MerkleTree ofLeafHashes(HashAlgorithm hash, List<byte[]> leafHashes) {
    byte[][] copy = new byte[leafHashes.size()][];
    for (int i = 0; i < copy.length; i++) {
      byte[] leafHash = leafHashes.get(i);
      if (leafHash.length != hash.digestLength()) {
        throw new IllegalArgumentException("leaf hash " + i + " has " + leafHash.length
            + " bytes, expected " + hash.digestLength());
      }
      copy[i] = leafHash.clone();
    }
    return build(hash, copy);
  }

  /** The root over {@code leaves}; the same as {@code ofLeaves(hash, leaves).root()}. */
  public static byte[] rootOf(HashAlgorithm hash, List<byte[]> leaves) {
    return ofLeaves(hash, leaves).root();
  }

  private static MerkleTree build(HashAlgorithm hash, byte[][] leafHashes) {
    List<byte[][]> levels = new ArrayList<>();
    levels.add(leafHashes);
    HashAlgorithm.Incremental digest = hash.incremental();
    byte[][] level = leafHashes;
    while (level.length > 1) {
      byte[][] parent = new byte[(level.length + 1) / 2][];
      for (int i = 0; i + 1 < level.length; i += 2) {
        parent[i / 2] = digest.update(NODE_PREFIX).update(level[i]).update(level[i + 1]).finish();
      }
      if (level.length % 2 == 1) {
        parent[parent.length - 1] = level[level.length - 1];
      }
      levels.add(parent);
      level = parent;
    }
    return new MerkleTree(hash, levels);
  }

  public HashAlgorithm hash() {
    return hash;
  }

  public int size() {
    return levels.get(0).length;
  }

  /** The tree head: the root hash, or {@code H("")} for the empty tree. */
  public byte[] root() {
    if (size() == 0) {
      return hash.digest(new byte[0]);
    }
    return levels.get(levels.size() - 1)[0].clone();
  }

  /** The leaf hash at {@code index}. */
  public byte[] leafHash(int index) {
    return levels.get(0)[Objects.checkIndex(index, size())].clone();
  }

  /** The audit path of leaf {@code index}. */
  public InclusionProof proof(int index) {
    Objects.checkIndex(index, size());
    List<byte[]> path = new ArrayList<>(levels.size() - 1);
    int position = index;
    for (int depth = 0; depth < levels.size() - 1; depth++) {
      byte[][] level = levels.get(depth);
      int sibling = position ^ 1;
      if (sibling < level.length) {
        path.add(level[sibling]);
      }
      position >>= 1;
    }
    return new InclusionProof(index, size(), path);
  }

  /** Whether {@code proof} shows that {@code leafData} is in the tree with head {@code root}. */
  public static boolean verifyInclusion(HashAlgorithm hash, byte[] leafData, InclusionProof proof,
      byte[] root) {
    if (hash == null || leafData == null) {
      return false;
    }
    return verifyInclusionOfLeafHash(hash, leafHash(hash, leafData), proof, root);
  }

  /** As {@link #verifyInclusion}, given the leaf hash {@code H(0x00 || data)} itself. */
  public static boolean verifyInclusionOfLeafHash(HashAlgorithm hash, byte[] leafHash,
      InclusionProof proof, byte[] root) {
    if (hash == null || leafHash == null || proof == null || root == null
        || leafHash.length != hash.digestLength() || root.length != hash.digestLength()) {
      return false;
    }
    byte[] computed = rootFromPath(hash, leafHash, proof);
    return computed != null && MessageDigest.isEqual(computed, root);
  }

  /**
   * The root that {@code proof} leads to from {@code leafHash}, or null if the path does not fit
   * the tree size (RFC 9162 section 2.1.3.2).
   */
  private static byte[] rootFromPath(HashAlgorithm hash, byte[] leafHash, InclusionProof proof) {
    long index = proof.leafIndex();
    long last = proof.treeSize() - 1;
    if (index < 0 || index > last) {
      return null;
    }
    HashAlgorithm.Incremental digest = hash.incremental();
    byte[] node = leafHash;
    for (byte[] sibling : proof.pathView()) {
      if (last == 0 || sibling.length != hash.digestLength()) {
        return null;
      }
      if ((index & 1) == 1 || index == last) {
        node = digest.update(NODE_PREFIX).update(sibling).update(node).finish();
        // A last node without a right sibling was carried up unchanged: skip those levels.
        while ((index & 1) == 0 && index != 0) {
          index >>= 1;
          last >>= 1;
        }
      } else {
        node = digest.update(NODE_PREFIX).update(node).update(sibling).finish();
      }
      index >>= 1;
      last >>= 1;
    }
    return last == 0 ? node : null;
  }

  /** {@code H(0x00 || data)}. */
  public static byte[] leafHash(HashAlgorithm hash, byte[] data) {
    return hash.incremental().update(LEAF_PREFIX).update(data).finish();
  }

  /** {@code H(0x01 || left || right)}. */
  public static byte[] nodeHash(HashAlgorithm hash, byte[] left, byte[] right) {
    return hash.incremental().update(NODE_PREFIX).update(left).update(right).finish();
  }
}
