package org.alliancechain.config;

/**
 * {@code [mempool]} of node.toml: what this node holds of admitted, not yet committed
 * transactions. A transaction beyond a limit is rejected with a reason, never queued unbounded.
 *
 * @param transactionsMax transactions held at once
 * @param bytesMax encoded bytes held at once
 * @param perSenderMax transactions held at once from one sender
 */
public record MempoolLimits(int transactionsMax, long bytesMax, int perSenderMax) {
  static final Bounds TRANSACTIONS = Bounds.of(1, 10_000_000);
  static final Bounds BYTES = Bounds.ofBytes(1024 * 1024, 64L * 1024 * 1024 * 1024);
  static final Bounds PER_SENDER = Bounds.of(1, 10_000_000);

  public MempoolLimits {
    TRANSACTIONS.requireInt("max_transactions", transactionsMax);
    BYTES.require("max_bytes", bytesMax);
    PER_SENDER.requireInt("max_per_sender", perSenderMax);
  }

  public static MempoolLimits defaults() {
    return new MempoolLimits(100_000, 256L * 1024 * 1024, 10_000);
  }
}
