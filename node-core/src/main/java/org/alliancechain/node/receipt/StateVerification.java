package org.alliancechain.node.receipt;

/**
 * The outcome of verifying a state answer offline.
 *
 * @param valid whether the proof shows the answer (value or absence) under the answer's root
 * @param anchored whether, in addition, a header certified by the genesis validators carries
 *     that root: only then does the answer verify with the genesis alone
 * @param reason why it is not valid, or what it proves
 */
public record StateVerification(boolean valid, boolean anchored, String reason) {
  public StateVerification {
    if (anchored && !valid) {
      throw new IllegalArgumentException("an invalid answer cannot be anchored");
    }
  }

  static StateVerification invalid(String reason) {
    return new StateVerification(false, false, reason);
  }
}
