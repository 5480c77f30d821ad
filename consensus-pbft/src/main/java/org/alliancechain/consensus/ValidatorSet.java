package org.alliancechain.consensus;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import org.alliancechain.crypto.PublicKey;

/**
 * The genesis validators' public keys in genesis order; a validator's id is its index. With n
 * validators PBFT tolerates f = ⌊(n − 1) / 3⌋ Byzantine ones and a quorum is
 * ⌈(n + f + 1) / 2⌉, which is 2f + 1 when n = 3f + 1: any two quorums then share at least f + 1
 * validators, so at least one honest one. Immutable.
 */
public final class ValidatorSet {
  private final List<PublicKey> keys;
  private final int faultsTolerated;
  private final int quorum;

  /**
   * @throws IllegalArgumentException if {@code keys} is empty or lists a key twice (a validator
   *     listed twice would vote twice)
   */
  public ValidatorSet(List<PublicKey> keys) {
    Objects.requireNonNull(keys, "keys");
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("a validator set needs at least one validator");
    }
    if (new HashSet<>(keys).size() != keys.size()) {
      throw new IllegalArgumentException("a validator set lists a public key twice");
    }
    this.keys = List.copyOf(keys);
    int n = keys.size();
    this.faultsTolerated = (n - 1) / 3;
    this.quorum = (n + faultsTolerated + 2) / 2;
  }

  /** n, the number of validators. */
  public int size() {
    return keys.size();
  }

  /** f, the number of Byzantine validators tolerated. */
  public int faultsTolerated() {
    return faultsTolerated;
  }

  /** The number of matching votes that make a certificate. */
  public int quorum() {
    return quorum;
  }

  /** f + 1: enough validators that at least one of them is honest. */
  public int weakQuorum() {
    return faultsTolerated + 1;
  }

  /** Whether {@code index} names a validator. */
  public boolean contains(int index) {
    return index >= 0 && index < keys.size();
  }

  /** The public key of validator {@code index}. */
  public PublicKey key(int index) {
    if (!contains(index)) {
      throw new IllegalArgumentException("no validator " + index + " among " + keys.size());
    }
    return keys.get(index);
  }

  /** The validators' keys, in genesis order. */
  public List<PublicKey> keys() {
    return keys;
  }

  /** The primary of {@code view}: view mod n (docs/adr/0050-view-change.md says why). */
  public int primary(long view) {
    return (int) Math.floorMod(view, (long) keys.size());
  }

  @Override
  public String toString() {
    return "ValidatorSet[n=" + size() + " f=" + faultsTolerated + " quorum=" + quorum + "]";
  }
}
