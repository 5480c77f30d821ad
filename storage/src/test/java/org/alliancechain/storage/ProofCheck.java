package org.alliancechain.storage;

import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.alliancechain.crypto.HashAlgorithm;
import org.alliancechain.crypto.SparseMerkleProof;

/**
 * Verifies a state proof as a client does: from its wire form, with the crypto module alone.
 */
final class ProofCheck {
  private ProofCheck() {}

  static SparseMerkleProof fromProto(org.alliancechain.proto.v1.SparseMerkleProof proto) {
    Optional<SparseMerkleProof.Leaf> leaf = proto.getLeafKeyHash().isEmpty() ? Optional.empty()
        : Optional.of(new SparseMerkleProof.Leaf(proto.getLeafKeyHash().toByteArray(),
            proto.getLeafValueHash().toByteArray()));
    List<byte[]> siblings = new ArrayList<>();
    for (ByteString sibling : proto.getSiblingsList()) {
      siblings.add(sibling.toByteArray());
    }
    return SparseMerkleProof.of(leaf, siblings);
  }

  static boolean verifyInclusion(HashAlgorithm hash, byte[] root,
      org.alliancechain.proto.v1.SparseMerkleProof proof, byte[] key, byte[] value) {
    return fromProto(proof).verifyInclusion(hash, root, key, value);
  }

  static boolean verifyNonInclusion(HashAlgorithm hash, byte[] root,
      org.alliancechain.proto.v1.SparseMerkleProof proof, byte[] key) {
    return fromProto(proof).verifyNonInclusion(hash, root, key);
  }
}
