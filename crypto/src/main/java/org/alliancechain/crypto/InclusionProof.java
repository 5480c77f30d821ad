package org.alliancechain.crypto;

import java.util.HexFormat;
import java.util.List;

/**
 * An RFC 6962 audit path: the sibling hashes from leaf {@code leafIndex} up to the root of a tree
 * of {@code treeSize} leaves, nearest the leaf first. Immutable: the hashes are copied in and out.
 * Nothing is checked here beyond non-null; a proof from the network may be nonsense, and
 * {@link MerkleTree#verifyInclusion} says so with {@code false}.
 */
public record InclusionProof(long leafIndex, long treeSize, List<byte[]> path) {
  public InclusionProof {
    path = HashLists.copyOf(path, "path");
  }

  /** Copies of the sibling hashes, nearest the leaf first. */
  @Override
  public List<byte[]> path() {
    return HashLists.copyOut(path);
  }

  /** The sibling hash at {@code level} (0 = next to the leaf), without copying the list. */
  public byte[] pathElement(int level) {
    return path.get(level).clone();
  }

  public int pathLength() {
    return path.size();
  }

  /** Package-private view without copies, for verification. */
  List<byte[]> pathView() {
    return path;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof InclusionProof that && leafIndex == that.leafIndex
        && treeSize == that.treeSize && HashLists.equal(path, that.path);
  }

  @Override
  public int hashCode() {
    return HashLists.hash(Long.hashCode(leafIndex) * 31 + Long.hashCode(treeSize), path);
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("InclusionProof[leaf ").append(leafIndex)
        .append(" of ").append(treeSize).append(", path");
    for (byte[] element : path) {
      out.append(' ').append(HexFormat.of().formatHex(element));
    }
    return out.append(']').toString();
  }
}
