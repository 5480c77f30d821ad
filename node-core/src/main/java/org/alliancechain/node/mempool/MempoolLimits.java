package org.alliancechain.node.mempool;

/** Bounds of the mempool: a full mempool refuses with a reason, it never drops silently. */
public record MempoolLimits(int maxTransactions, long maxBytes, int maxPerSender) {
  public MempoolLimits {
    if (maxTransactions < 1 || maxBytes < 1 || maxPerSender < 1) {
      throw new IllegalArgumentException("mempool limits must be positive, got " + maxTransactions
          + " transactions, " + maxBytes + " bytes, " + maxPerSender + " per sender");
    }
  }

  public static MempoolLimits defaults() {
    return new MempoolLimits(100_000, 256L << 20, 10_000);
  }
}
