package org.alliancechain.storage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.alliancechain.crypto.HashAlgorithm;

/**
 * The state tree spec (crypto.proto) written the plain way, from the whole map at once, to check
 * the storage's incremental tree against: bit by bit from the root, a subtree with no leaf is 32
 * zero bytes, one leaf is that leaf's hash, more is H(0x01 || left || right).
 */
final class ReferenceSmt {
  private ReferenceSmt() {}

  static byte[] root(HashAlgorithm hash, Map<String, byte[]> state) {
    TreeMap<byte[], byte[]> leaves = new TreeMap<>(Arrays::compareUnsigned);
    for (Map.Entry<String, byte[]> entry : state.entrySet()) {
      leaves.put(hash.digest(TestChain.utf8(entry.getKey())), hash.digest(entry.getValue()));
    }
    return subtree(hash, new ArrayList<>(leaves.entrySet()), 0);
  }

  private static byte[] subtree(HashAlgorithm hash, List<Map.Entry<byte[], byte[]>> leaves,
      int depth) {
    if (leaves.isEmpty()) {
      return new byte[32];
    }
    if (leaves.size() == 1) {
      return hash.digest(new byte[] {0}, leaves.get(0).getKey(), leaves.get(0).getValue());
    }
    List<Map.Entry<byte[], byte[]>> left = new ArrayList<>();
    List<Map.Entry<byte[], byte[]>> right = new ArrayList<>();
    for (Map.Entry<byte[], byte[]> leaf : leaves) {
      (bit(leaf.getKey(), depth) ? right : left).add(leaf);
    }
    return hash.digest(new byte[] {1}, subtree(hash, left, depth + 1),
        subtree(hash, right, depth + 1));
  }

  static boolean bit(byte[] keyHash, int index) {
    return (keyHash[index >>> 3] & (0x80 >>> (index & 7))) != 0;
  }
}
