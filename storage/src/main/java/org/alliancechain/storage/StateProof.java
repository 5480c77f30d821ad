package org.alliancechain.storage;

import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.alliancechain.proto.v1.SparseMerkleProof;

/**
 * A key's value (or absence) at a state version, with the sparse Merkle proof against that
 * version's root (the shape of alliance.v1.SparseMerkleProof, spec in crypto.proto).
 */
public final class StateProof {
  private final long version;
  private final byte[] stateRoot;
  private final byte[] key;
  private final byte[] value;
  private final byte[] leafKeyHash;
  private final byte[] leafValueHash;
  private final List<byte[]> siblings;

  StateProof(long version, byte[] stateRoot, byte[] key, byte[] value, byte[] leafKeyHash,
      byte[] leafValueHash, List<byte[]> siblings) {
    this.version = version;
    this.stateRoot = stateRoot.clone();
    this.key = key.clone();
    this.value = value == null ? null : value.clone();
    this.leafKeyHash = leafKeyHash == null ? null : leafKeyHash.clone();
    this.leafValueHash = leafValueHash == null ? null : leafValueHash.clone();
    List<byte[]> copy = new ArrayList<>(siblings.size());
    for (byte[] sibling : siblings) {
      copy.add(sibling.clone());
    }
    this.siblings = List.copyOf(copy);
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

  /** Key hash of the leaf where the key's path ends; empty when the path ends in an empty slot. */
  public Optional<byte[]> leafKeyHash() {
    return leafKeyHash == null ? Optional.empty() : Optional.of(leafKeyHash.clone());
  }

  /** Value hash of that leaf; empty when there is no leaf. */
  public Optional<byte[]> leafValueHash() {
    return leafValueHash == null ? Optional.empty() : Optional.of(leafValueHash.clone());
  }

  /** Sibling hashes from the root down: element 0 is the sibling at depth 1. Copies. */
  public List<byte[]> siblings() {
    List<byte[]> copy = new ArrayList<>(siblings.size());
    for (byte[] sibling : siblings) {
      copy.add(sibling.clone());
    }
    return copy;
  }

  /** The wire form, as the query service returns it. */
  public SparseMerkleProof toProto() {
    SparseMerkleProof.Builder builder = SparseMerkleProof.newBuilder();
    if (leafKeyHash != null) {
      builder.setLeafKeyHash(ByteString.copyFrom(leafKeyHash))
          .setLeafValueHash(ByteString.copyFrom(leafValueHash));
    }
    for (byte[] sibling : siblings) {
      builder.addSiblings(ByteString.copyFrom(sibling));
    }
    return builder.build();
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof StateProof that) || version != that.version
        || !Arrays.equals(stateRoot, that.stateRoot) || !Arrays.equals(key, that.key)
        || !Arrays.equals(value, that.value) || !Arrays.equals(leafKeyHash, that.leafKeyHash)
        || !Arrays.equals(leafValueHash, that.leafValueHash)
        || siblings.size() != that.siblings.size()) {
      return false;
    }
    for (int i = 0; i < siblings.size(); i++) {
      if (!Arrays.equals(siblings.get(i), that.siblings.get(i))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    return Objects.hash(version, Arrays.hashCode(stateRoot), Arrays.hashCode(key),
        Arrays.hashCode(value), siblings.size());
  }

  @Override
  public String toString() {
    return "StateProof[version=" + version + ", key=" + Bytes.shortHex(key) + ", "
        + (value == null ? "absent" : "present") + ", " + siblings.size() + " siblings]";
  }
}
