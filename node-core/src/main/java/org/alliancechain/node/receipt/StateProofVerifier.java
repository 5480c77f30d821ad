package org.alliancechain.node.receipt;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.HexFormat;
import org.alliancechain.config.Genesis;
import org.alliancechain.crypto.HashAlgorithm;
import org.alliancechain.crypto.SparseMerkleProof;
import org.alliancechain.node.state.StateKeys;
import org.alliancechain.proto.v1.BlockHeader;
import org.alliancechain.proto.v1.GetStateResponse;

/**
 * Verifies a {@code GetState} answer offline: the sparse Merkle proof of the key's value (or
 * absence) against the answer's state root and, when the answer carries an anchor, that a header
 * certified by the genesis validators carries that root as the state after the answer's height.
 * Never throws on bad input. Thread-safe.
 */
public final class StateProofVerifier {
  private final HeaderCertification certification;

  public StateProofVerifier(Genesis genesis) {
    this.certification = new HeaderCertification(genesis);
  }

  /** Verifies {@code answer} as the answer for {@code key} in {@code namespace}. */
  public StateVerification verify(GetStateResponse answer, String namespace, ByteString key) {
    HashAlgorithm hash = certification.hash();
    byte[] root = answer.getStateRoot().toByteArray();
    byte[] stateKey = StateKeys.of(namespace, key).toByteArray();
    SparseMerkleProof proof;
    try {
      proof = ProofCodec.fromProto(answer.getProof());
    } catch (IllegalArgumentException e) {
      return StateVerification.invalid("the state proof is malformed: " + e.getMessage());
    }
    boolean proven = answer.getFound()
        ? proof.verifyInclusion(hash, root, stateKey, answer.getValue().toByteArray())
        : proof.verifyNonInclusion(hash, root, stateKey);
    if (!proven) {
      return StateVerification.invalid("the proof does not show that key '"
          + key.toStringUtf8() + "' of namespace '" + namespace + "' is "
          + (answer.getFound() ? "set to the answered value" : "absent") + " under state root "
          + HexFormat.of().formatHex(root));
    }
    if (answer.getAnchorHeader().isEmpty()) {
      return new StateVerification(true, false, "the proof matches the node's state root of"
          + " height " + answer.getHeight() + ", which no committed header carries yet");
    }
    try {
      return checkAnchor(answer);
    } catch (CheckFailed failed) {
      return StateVerification.invalid(failed.getMessage());
    }
  }

  private StateVerification checkAnchor(GetStateResponse answer) throws CheckFailed {
    BlockHeader header;
    try {
      header = BlockHeader.parseFrom(answer.getAnchorHeader());
    } catch (InvalidProtocolBufferException e) {
      throw new CheckFailed(ReceiptCheck.FORMAT, "the anchor header is not a BlockHeader: "
          + e.getMessage());
    }
    if (!certification.chainId().equals(header.getChainId())) {
      throw new CheckFailed(ReceiptCheck.CHAIN_ID, "the anchor header is for chain '"
          + header.getChainId() + "', the genesis is chain '" + certification.chainId() + "'");
    }
    if (header.getExecutedHeight() != answer.getHeight()
        || !header.getStateRoot().equals(answer.getStateRoot())) {
      throw new CheckFailed(ReceiptCheck.HEIGHTS, "the anchor header " + header.getHeight()
          + " carries the state root of height " + header.getExecutedHeight()
          + ", which is not the answer's root of height " + answer.getHeight());
    }
    certification.verify(answer.getAnchorHeader().toByteArray(), header.getHeight(),
        answer.getAnchorCertificate());
    return new StateVerification(true, true, "the value at height " + answer.getHeight()
        + " is proven under the state root that certified header " + header.getHeight()
        + " carries");
  }
}
