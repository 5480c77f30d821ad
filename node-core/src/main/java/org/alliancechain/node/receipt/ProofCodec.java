package org.alliancechain.node.receipt;

import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.alliancechain.crypto.InclusionProof;
import org.alliancechain.crypto.SparseMerkleProof;
import org.alliancechain.proto.v1.MerkleInclusionProof;

/** Merkle proofs between crypto's types and their crypto.proto wire forms. */
public final class ProofCodec {
  private ProofCodec() {}

  public static MerkleInclusionProof toProto(InclusionProof proof) {
    MerkleInclusionProof.Builder builder = MerkleInclusionProof.newBuilder()
        .setLeafIndex(proof.leafIndex())
        .setTreeSize(proof.treeSize());
    for (int level = 0; level < proof.pathLength(); level++) {
      builder.addPath(ByteString.copyFrom(proof.pathElement(level)));
    }
    return builder.build();
  }

  /** The proof as crypto verifies it; nothing is checked here, verification says no to garbage. */
  public static InclusionProof fromProto(MerkleInclusionProof proof) {
    List<byte[]> path = new ArrayList<>(proof.getPathCount());
    for (ByteString element : proof.getPathList()) {
      path.add(element.toByteArray());
    }
    return new InclusionProof(proof.getLeafIndex(), proof.getTreeSize(), path);
  }

  /**
   * The state proof as crypto verifies it.
   *
   * @throws IllegalArgumentException if only one of leaf_key_hash and leaf_value_hash is set, or
   *     there are more siblings than a 256-bit path has
   */
  public static SparseMerkleProof fromProto(org.alliancechain.proto.v1.SparseMerkleProof proof) {
    boolean hasKey = !proof.getLeafKeyHash().isEmpty();
    if (hasKey != !proof.getLeafValueHash().isEmpty()) {
      throw new IllegalArgumentException("a state proof's leaf needs both leaf_key_hash and"
          + " leaf_value_hash, or neither");
    }
    if (proof.getSiblingsCount() > SparseMerkleProof.SIBLINGS_MAX) {
      throw new IllegalArgumentException("a state proof has at most "
          + SparseMerkleProof.SIBLINGS_MAX + " siblings, this one " + proof.getSiblingsCount());
    }
    List<byte[]> siblings = new ArrayList<>(proof.getSiblingsCount());
    for (ByteString sibling : proof.getSiblingsList()) {
      siblings.add(sibling.toByteArray());
    }
    Optional<SparseMerkleProof.Leaf> leaf = hasKey
        ? Optional.of(new SparseMerkleProof.Leaf(proof.getLeafKeyHash().toByteArray(),
            proof.getLeafValueHash().toByteArray()))
        : Optional.empty();
    return SparseMerkleProof.of(leaf, siblings);
  }
}
