package org.alliancechain.crypto;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keys already decoded and validated. Validating an Ed25519 key fully (the prime-order subgroup
 * check) costs about three signature verifications, and a node sees the same client keys in
 * every transaction it admits, validates and executes: without this cache, key validation took
 * three times the CPU of signature verification in a 4-validator run (JFR, docs/performance.md).
 * Only valid keys are cached; the cache is bounded and simply starts over when full.
 */
final class DecodedKeys {
  private static final int ENTRIES_MAX = 65_536;
  private static final ConcurrentHashMap<Key, PublicKey> CACHE = new ConcurrentHashMap<>();

  private DecodedKeys() {}

  private record Key(SignatureScheme scheme, byte[] encoded) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Key that && scheme == that.scheme
          && Arrays.equals(encoded, that.encoded);
    }

    @Override
    public int hashCode() {
      return 31 * scheme.hashCode() + Arrays.hashCode(encoded);
    }
  }

  static PublicKey get(SignatureScheme scheme, byte[] encoded) {
    return CACHE.get(new Key(scheme, encoded));
  }

  static void put(PublicKey key) {
    if (CACHE.size() >= ENTRIES_MAX) {
      CACHE.clear();
    }
    CACHE.put(new Key(key.scheme(), key.encoded()), key);
  }
}
