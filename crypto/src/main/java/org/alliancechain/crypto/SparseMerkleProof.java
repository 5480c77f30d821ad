package org.alliancechain.crypto;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A proof about one key of the state's sparse Merkle tree (Diem Jellyfish semantics), verified
 * with this module alone. The storage module builds the tree; the format is fixed here and in
 * docs/adr/0012-merkle-trees.md:
 *
 * <ul>
 *   <li>path = {@code keyHash = H(key)}, read most significant bit of byte 0 first; 0 = left;
 *   <li>leaf = {@code H(0x00 || keyHash || H(value))}, internal = {@code H(0x01 || left ||
 *       right)}, empty subtree = 32 zero bytes ({@link #placeholder()});
 *   <li>a subtree holding one leaf is that leaf's hash, at the highest position where it is
 *       alone; the empty tree's root is the placeholder;
 *   <li>{@code siblings} run from the root down: {@code siblings[0]} is the sibling at depth 1,
 *       and the leaf (or the placeholder) sits at depth {@code siblings.size()}.
 * </ul>
 *
 * <p>Immutable; hashes are copied in and out. Verification never throws: garbage is {@code false}.
 */
public final class SparseMerkleProof {
  /** At most one sibling per bit of a 256-bit key hash. */
  public static final int SIBLINGS_MAX = 256;
  private static final int HASH_LENGTH = HashAlgorithm.DIGEST_LENGTH;

  /** The leaf found where the key's path ends: its key hash and value hash. */
  public record Leaf(byte[] keyHash, byte[] valueHash) {
    public Leaf {
      keyHash = Objects.requireNonNull(keyHash, "keyHash").clone();
      valueHash = Objects.requireNonNull(valueHash, "valueHash").clone();
    }

    @Override
    public byte[] keyHash() {
      return keyHash.clone();
    }

    @Override
    public byte[] valueHash() {
      return valueHash.clone();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Leaf that
          && Arrays.equals(keyHash, that.keyHash) && Arrays.equals(valueHash, that.valueHash);
    }

    @Override
    public int hashCode() {
      return 31 * Arrays.hashCode(keyHash) + Arrays.hashCode(valueHash);
    }
  }

  private final Leaf leaf;
  private final List<byte[]> siblings;

  private SparseMerkleProof(Leaf leaf, List<byte[]> siblings) {
    this.leaf = leaf;
    this.siblings = siblings;
  }

  /** A proof ending at {@code leaf}, or at an empty subtree when {@code leaf} is empty. */
  public static SparseMerkleProof of(Optional<Leaf> leaf, List<byte[]> siblings) {
    Objects.requireNonNull(leaf, "leaf");
    return new SparseMerkleProof(leaf.orElse(null), HashLists.copyOf(siblings, "siblings"));
  }

  public Optional<Leaf> leaf() {
    return Optional.ofNullable(leaf);
  }

  /** Copies of the siblings, root first. */
  public List<byte[]> siblings() {
    return HashLists.copyOut(siblings);
  }

  /** Whether this proves that {@code key} maps to {@code value} in the tree with {@code root}. */
  public boolean verifyInclusion(HashAlgorithm hash, byte[] root, byte[] key, byte[] value) {
    if (hash == null || key == null || value == null || leaf == null || !wellFormed(root)) {
      return false;
    }
    byte[] keyHash = hash.digest(key);
    if (!MessageDigest.isEqual(leaf.keyHash, keyHash)
        || !MessageDigest.isEqual(leaf.valueHash, hash.digest(value))) {
      return false;
    }
    byte[] bottom = leafHash(hash, keyHash, leaf.valueHash);
    return MessageDigest.isEqual(root, fold(hash, keyHash, bottom));
  }

  /** Whether this proves that {@code key} is absent from the tree with {@code root}. */
  public boolean verifyNonInclusion(HashAlgorithm hash, byte[] root, byte[] key) {
    if (hash == null || key == null || !wellFormed(root)) {
      return false;
    }
    byte[] keyHash = hash.digest(key);
    byte[] bottom;
    if (leaf == null) {
      bottom = placeholder();
    } else {
      // Another key's leaf stands alone where the path of H(key) ends: H(key) would have been
      // there, had it been present.
      if (MessageDigest.isEqual(leaf.keyHash, keyHash)
          || commonPrefixBits(leaf.keyHash, keyHash) < siblings.size()) {
        return false;
      }
      bottom = leafHash(hash, leaf.keyHash, leaf.valueHash);
    }
    return MessageDigest.isEqual(root, fold(hash, keyHash, bottom));
  }

  private boolean wellFormed(byte[] root) {
    if (root == null || root.length != HASH_LENGTH || siblings.size() > SIBLINGS_MAX) {
      return false;
    }
    for (byte[] sibling : siblings) {
      if (sibling.length != HASH_LENGTH) {
        return false;
      }
    }
    return leaf == null
        || (leaf.keyHash.length == HASH_LENGTH && leaf.valueHash.length == HASH_LENGTH);
  }

  /** Hashes up from depth {@code siblings.size()} to the root along the path of {@code keyHash}. */
  private byte[] fold(HashAlgorithm hash, byte[] keyHash, byte[] bottom) {
    byte[] node = bottom;
    for (int depth = siblings.size() - 1; depth >= 0; depth--) {
      byte[] sibling = siblings.get(depth);
      node = bit(keyHash, depth) ? internalHash(hash, sibling, node)
          : internalHash(hash, node, sibling);
    }
    return node;
  }

  /** Bit {@code index} of {@code keyHash}, most significant bit of byte 0 first; true = right. */
  public static boolean bit(byte[] keyHash, int index) {
    return (keyHash[index >>> 3] & (0x80 >>> (index & 7))) != 0;
  }

  /** The number of leading bits {@code a} and {@code b} share. */
  static int commonPrefixBits(byte[] a, byte[] b) {
    int bits = 0;
    for (int i = 0; i < Math.min(a.length, b.length); i++) {
      int differing = (a[i] ^ b[i]) & 0xff;
      if (differing != 0) {
        return bits + Integer.numberOfLeadingZeros(differing) - 24;
      }
      bits += 8;
    }
    return bits;
  }

  /** {@code H(0x00 || keyHash || valueHash)}. */
  public static byte[] leafHash(HashAlgorithm hash, byte[] keyHash, byte[] valueHash) {
    return hash.incremental().update(MerkleTree.LEAF_PREFIX).update(keyHash).update(valueHash)
        .finish();
  }

  /** {@code H(0x01 || left || right)}. */
  public static byte[] internalHash(HashAlgorithm hash, byte[] left, byte[] right) {
    return MerkleTree.nodeHash(hash, left, right);
  }

  /** The hash of an empty subtree, and the root of the empty tree: 32 zero bytes. */
  public static byte[] placeholder() {
    return new byte[HASH_LENGTH];
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SparseMerkleProof that && Objects.equals(leaf, that.leaf)
        && HashLists.equal(siblings, that.siblings);
  }

  @Override
  public int hashCode() {
    return HashLists.hash(Objects.hashCode(leaf), siblings);
  }

  @Override
  public String toString() {
    return "SparseMerkleProof[" + (leaf == null ? "no leaf" : "leaf") + ", " + siblings.size()
        + " siblings]";
  }
}
