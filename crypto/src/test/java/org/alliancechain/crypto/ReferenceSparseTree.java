package org.alliancechain.crypto;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A sparse Merkle tree with Jellyfish semantics written as plainly as possible, to check proofs
 * against: a subtree with no leaf is the placeholder, with one leaf that leaf's hash, with more an
 * internal node over its two halves split by the next key-hash bit.
 */
final class ReferenceSparseTree {
  record Entry(byte[] keyHash, byte[] valueHash) {}

  private final HashAlgorithm hash;
  private final List<Entry> entries = new ArrayList<>();

  ReferenceSparseTree(HashAlgorithm hash) {
    this.hash = hash;
  }

  void put(byte[] key, byte[] value) {
    byte[] keyHash = hash.digest(key);
    entries.removeIf(e -> java.util.Arrays.equals(e.keyHash(), keyHash));
    entries.add(new Entry(keyHash, hash.digest(value)));
  }

  byte[] root() {
    return node(entries, 0);
  }

  SparseMerkleProof prove(byte[] key) {
    byte[] keyHash = hash.digest(key);
    List<Entry> onPath = entries;
    List<byte[]> siblings = new ArrayList<>();
    int depth = 0;
    while (onPath.size() > 1) {
      boolean right = SparseMerkleProof.bit(keyHash, depth);
      List<Entry> same = new ArrayList<>();
      List<Entry> other = new ArrayList<>();
      for (Entry entry : onPath) {
        (SparseMerkleProof.bit(entry.keyHash(), depth) == right ? same : other).add(entry);
      }
      siblings.add(node(other, depth + 1));
      onPath = same;
      depth++;
    }
    Optional<SparseMerkleProof.Leaf> leaf = onPath.isEmpty() ? Optional.empty()
        : Optional.of(new SparseMerkleProof.Leaf(onPath.get(0).keyHash(), onPath.get(0).valueHash()));
    return SparseMerkleProof.of(leaf, siblings);
  }

  private byte[] node(List<Entry> subtree, int depth) {
    if (subtree.isEmpty()) {
      return SparseMerkleProof.placeholder();
    }
    if (subtree.size() == 1) {
      return SparseMerkleProof.leafHash(hash, subtree.get(0).keyHash(), subtree.get(0).valueHash());
    }
    List<Entry> left = new ArrayList<>();
    List<Entry> right = new ArrayList<>();
    for (Entry entry : subtree) {
      (SparseMerkleProof.bit(entry.keyHash(), depth) ? right : left).add(entry);
    }
    return SparseMerkleProof.internalHash(hash, node(left, depth + 1), node(right, depth + 1));
  }
}
