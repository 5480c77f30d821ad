package org.alliancechain.consensus;

import java.util.Objects;
import org.alliancechain.consensus.message.Hash;
import org.alliancechain.crypto.CryptoSuite;
import org.alliancechain.crypto.HashAlgorithm;

/**
 * What genesis fixes for consensus: the chain id every signed payload names, the crypto suite
 * (its hash makes block hashes), the genesis hash (the parent of height 1) and the validators.
 */
public record ChainContext(String chainId, CryptoSuite suite, Hash genesisHash,
    ValidatorSet validators) {
  public ChainContext {
    Objects.requireNonNull(chainId, "chainId");
    Objects.requireNonNull(suite, "suite");
    Objects.requireNonNull(genesisHash, "genesisHash");
    Objects.requireNonNull(validators, "validators");
    if (chainId.isEmpty()) {
      throw new IllegalArgumentException("the chain id must not be empty");
    }
  }

  /** The suite's hash, which makes block hashes. */
  public HashAlgorithm hashAlgorithm() {
    return suite.hash();
  }
}
