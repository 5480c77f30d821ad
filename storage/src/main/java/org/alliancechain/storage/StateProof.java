package org.alliancechain.storage;

import com.google.protobuf.ByteString;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.alliancechain.crypto.HashAlgorithm;
import org.alliancechain.crypto.SparseMerkleProof;

/**
 * A key's value (or absence) at a state version, with the sparse Merkle proof against that
 * version's root (docs/adr/0012-merkle-trees.md). Immutable; arrays are copied in and out.
 */
public final class StateProof {
  private final long version;
  private final byte[] stateRoot;
  private final byte[] key;
  private final byte[] value;
  private final SparseMerkleProof proof;

  StateProof(long version, byte[] stateRoot, byte[] key, byte[] value, SparseMerkleProof proof) {
    this.version = version;
    this.stateRoot = stateRoot.clone();
    this.key = key.clone();
    this.value = value == null ? null : value.clone();
    this.proof = Objects.requireNonNull(proof, "proof");
  }

  /** The version (height) the proof is for. */
  public long version() {
    return version;
  }

  /** The state root of that version, which the proof folds up to. */
  public byte[] stateRoot() {
    return stateRoot.clone();
  }

  public byte[] key() {
    return key.clone();
  }

  /** The key's value at the version, or empty when the key is absent. */
  public Optional<byte[]> value() {
    return value == null ? Optional.empty() : Optional.of(value.clone());
  }

  /** The proof, as the crypto module verifies it. */
  public SparseMerkleProof proof() {
    return proof;
  }

  /** Whether the proof shows the key's value (or absence) under the state root, with {@code hash}. */
  public boolean verify(HashAlgorithm hash) {
    return value == null ? proof.verifyNonInclusion(hash, stateRoot, key)
        : proof.verifyInclusion(hash, stateRoot, key, value);
  }

  /** The wire form, as the query service returns it. */
  public org.alliancechain.proto.v1.SparseMerkleProof toProto() {
    org.alliancechain.proto.v1.SparseMerkleProof.Builder builder =
        org.alliancechain.proto.v1.SparseMerkleProof.newBuilder();
    proof.leaf().ifPresent(leaf -> builder
        .setLeafKeyHash(ByteString.copyFrom(leaf.keyHash()))
        .setLeafValueHash(ByteString.copyFrom(leaf.valueHash())));
    for (byte[] sibling : proof.siblings()) {
      builder.addSiblings(ByteString.copyFrom(sibling));
    }
    return builder.build();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof StateProof that && version == that.version
        && Arrays.equals(stateRoot, that.stateRoot) && Arrays.equals(key, that.key)
        && Arrays.equals(value, that.value) && proof.equals(that.proof);
  }

  @Override
  public int hashCode() {
    return Objects.hash(version, Arrays.hashCode(stateRoot), Arrays.hashCode(key),
        Arrays.hashCode(value), proof);
  }

  @Override
  public String toString() {
    return "StateProof[version=" + version + ", key=" + Bytes.shortHex(key) + ", "
        + (value == null ? "absent" : "present") + ", " + proof + "]";
  }
}
