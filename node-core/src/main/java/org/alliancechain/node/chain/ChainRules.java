package org.alliancechain.node.chain;

import java.util.Objects;
import org.alliancechain.crypto.CryptoSuite;
import org.alliancechain.crypto.HashAlgorithm;

/**
 * The chain-wide rules every validator applies identically, taken from genesis.
 *
 * @param window pipeline depth W: header h carries the execution roots of h - W (ADR 0002)
 * @param transactionLifetimeBlocks how far ahead of the current height an expiry may lie
 */
public record ChainRules(
    String chainId,
    CryptoSuite suite,
    int window,
    int checkpointInterval,
    int maxBlockTransactions,
    int maxBlockBytes,
    int maxTransactionBytes,
    int transactionLifetimeBlocks) {

  public ChainRules {
    Objects.requireNonNull(chainId, "chainId");
    Objects.requireNonNull(suite, "suite");
    if (window < 1 || checkpointInterval < 1 || maxBlockTransactions < 1 || maxBlockBytes < 1
        || maxTransactionBytes < 1 || transactionLifetimeBlocks < 1) {
      throw new IllegalArgumentException("chain rules must be positive: " + chainIdForError(chainId));
    }
  }

  private static String chainIdForError(String chainId) {
    return "chain " + chainId;
  }

  public HashAlgorithm hash() {
    return suite.hash();
  }

  /** The height whose execution roots the header of {@code height} carries. */
  public long executedHeightFor(long height) {
    return Math.max(0, height - window);
  }

  /** Rules with the genesis defaults, for tests. */
  public static ChainRules forTests(String chainId, CryptoSuite suite) {
    return new ChainRules(chainId, suite, 2, 16, 2000, 4 << 20, 64 << 10, 1000);
  }
}
