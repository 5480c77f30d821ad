package org.alliancechain.crypto;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 6962 section 2.1 written as literally as possible (MTH and PATH, recursing on the split at
 * the largest power of two below n), to check the fast implementation against.
 */
final class ReferenceMerkle {
  private ReferenceMerkle() {}

  static byte[] root(HashAlgorithm hash, List<byte[]> leaves) {
    if (leaves.isEmpty()) {
      return hash.digest(new byte[0]);
    }
    if (leaves.size() == 1) {
      return hash.digest(new byte[] {0}, leaves.get(0));
    }
    int k = split(leaves.size());
    return hash.digest(new byte[] {1}, root(hash, leaves.subList(0, k)),
        root(hash, leaves.subList(k, leaves.size())));
  }

  static List<byte[]> path(HashAlgorithm hash, int index, List<byte[]> leaves) {
    List<byte[]> out = new ArrayList<>();
    if (leaves.size() <= 1) {
      return out;
    }
    int k = split(leaves.size());
    if (index < k) {
      out.addAll(path(hash, index, leaves.subList(0, k)));
      out.add(root(hash, leaves.subList(k, leaves.size())));
    } else {
      out.addAll(path(hash, index - k, leaves.subList(k, leaves.size())));
      out.add(root(hash, leaves.subList(0, k)));
    }
    return out;
  }

  /** The largest power of two smaller than n. */
  private static int split(int n) {
    return Integer.highestOneBit(n - 1);
  }
}
