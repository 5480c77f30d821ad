package org.alliancechain.consensus;

import org.alliancechain.crypto.SigningDomain;

/**
 * Checks a validator's signature over a consensus payload. The default checks against the
 * validator's genesis key; since signatures are deterministic, a host or a simulator may wrap it
 * in a cache keyed by (signer, payload, signature). Implementations must be thread-safe when the
 * verifier is shared between threads.
 */
@FunctionalInterface
public interface SignatureCheck {
  /** Whether {@code signature} is validator {@code signer}'s signature of {@code payload}. */
  boolean verify(int signer, byte[] payload, byte[] signature);

  /** Checks against the keys of {@code validators}; {@code signer} must be a validator. */
  static SignatureCheck of(ValidatorSet validators) {
    return (signer, payload, signature) ->
        validators.key(signer).verify(SigningDomain.CONSENSUS, payload, signature);
  }
}
