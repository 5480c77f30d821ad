package org.alliancechain.crypto;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** Immutable lists of hashes for proof values: deep copies in and out, equality by content. */
final class HashLists {
  private HashLists() {}

  /** An unmodifiable deep copy; null elements are refused with {@code what} in the message. */
  static List<byte[]> copyOf(List<byte[]> hashes, String what) {
    Objects.requireNonNull(hashes, what);
    List<byte[]> copy = new ArrayList<>(hashes.size());
    for (byte[] hash : hashes) {
      copy.add(Objects.requireNonNull(hash, what + " element").clone());
    }
    return List.copyOf(copy);
  }

  /** A modifiable deep copy, for handing out. */
  static List<byte[]> copyOut(List<byte[]> hashes) {
    List<byte[]> copy = new ArrayList<>(hashes.size());
    for (byte[] hash : hashes) {
      copy.add(hash.clone());
    }
    return copy;
  }

  static boolean equal(List<byte[]> a, List<byte[]> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!Arrays.equals(a.get(i), b.get(i))) {
        return false;
      }
    }
    return true;
  }

  static int hash(int seed, List<byte[]> hashes) {
    int hash = seed;
    for (byte[] element : hashes) {
      hash = 31 * hash + Arrays.hashCode(element);
    }
    return hash;
  }
}
