package org.alliancechain.storage;

import java.util.Arrays;
import java.util.List;
import org.alliancechain.crypto.HashAlgorithm;
import org.alliancechain.proto.v1.SparseMerkleProof;

/**
 * Verifies a state proof in its wire form, as a client would, following the spec in
 * crypto.proto: fold the siblings from the leaf (or the empty slot) at depth siblings.size()
 * up to the root, turning at each depth by the bit of H(key).
 */
final class ProofCheck {
  private ProofCheck() {}

  static boolean verifyInclusion(HashAlgorithm hash, byte[] root, SparseMerkleProof proof,
      byte[] key, byte[] value) {
    byte[] keyHash = hash.digest(key);
    if (proof.getLeafKeyHash().isEmpty()
        || !Arrays.equals(proof.getLeafKeyHash().toByteArray(), keyHash)
        || !Arrays.equals(proof.getLeafValueHash().toByteArray(), hash.digest(value))) {
      return false;
    }
    byte[] leaf = hash.digest(new byte[] {0}, keyHash, hash.digest(value));
    return Arrays.equals(root, fold(hash, keyHash, leaf, proof));
  }

  static boolean verifyNonInclusion(HashAlgorithm hash, byte[] root, SparseMerkleProof proof,
      byte[] key) {
    byte[] keyHash = hash.digest(key);
    byte[] bottom;
    if (proof.getLeafKeyHash().isEmpty()) {
      bottom = new byte[32];
    } else {
      byte[] leafKeyHash = proof.getLeafKeyHash().toByteArray();
      if (Arrays.equals(leafKeyHash, keyHash)) {
        return false;
      }
      for (int depth = 0; depth < proof.getSiblingsCount(); depth++) {
        if (ReferenceSmt.bit(leafKeyHash, depth) != ReferenceSmt.bit(keyHash, depth)) {
          return false; // the other leaf must lie on the key's path
        }
      }
      bottom = hash.digest(new byte[] {0}, leafKeyHash, proof.getLeafValueHash().toByteArray());
    }
    return Arrays.equals(root, fold(hash, keyHash, bottom, proof));
  }

  private static byte[] fold(HashAlgorithm hash, byte[] keyHash, byte[] bottom,
      SparseMerkleProof proof) {
    List<com.google.protobuf.ByteString> siblings = proof.getSiblingsList();
    byte[] node = bottom;
    for (int depth = siblings.size() - 1; depth >= 0; depth--) {
      byte[] sibling = siblings.get(depth).toByteArray();
      node = ReferenceSmt.bit(keyHash, depth)
          ? hash.digest(new byte[] {1}, sibling, node)
          : hash.digest(new byte[] {1}, node, sibling);
    }
    return node;
  }
}
