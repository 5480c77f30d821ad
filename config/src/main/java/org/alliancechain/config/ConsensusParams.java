package org.alliancechain.config;

/**
 * {@code consensus} of genesis.json: the protocol parameters every validator must agree on.
 *
 * @param window heights that may be in flight at once (the pipeline depth)
 * @param checkpointInterval a checkpoint every this many heights
 * @param blockTransactionsMax transactions per block
 * @param blockBytesMax encoded bytes of a block's transactions
 * @param transactionBytesMax encoded bytes of one signed transaction
 * @param transactionLifetimeBlocks how far ahead of the current height a transaction's expiry may be
 */
public record ConsensusParams(
    int window,
    int checkpointInterval,
    int blockTransactionsMax,
    int blockBytesMax,
    int transactionBytesMax,
    int transactionLifetimeBlocks) {
  static final Bounds WINDOW = Bounds.of(1, 16);
  static final Bounds CHECKPOINT_INTERVAL = Bounds.of(1, 1_000_000);
  static final Bounds BLOCK_TRANSACTIONS = Bounds.of(1, 1_000_000);
  static final Bounds BLOCK_BYTES = Bounds.ofBytes(16 * 1024, 128 * 1024 * 1024);
  static final Bounds TRANSACTION_BYTES = Bounds.ofBytes(256, 16 * 1024 * 1024);
  static final Bounds TRANSACTION_LIFETIME_BLOCKS = Bounds.of(1, 1_000_000);

  public ConsensusParams {
    WINDOW.requireInt("window", window);
    CHECKPOINT_INTERVAL.requireInt("checkpointInterval", checkpointInterval);
    BLOCK_TRANSACTIONS.requireInt("maxBlockTransactions", blockTransactionsMax);
    BLOCK_BYTES.requireInt("maxBlockBytes", blockBytesMax);
    TRANSACTION_BYTES.requireInt("maxTransactionBytes", transactionBytesMax);
    TRANSACTION_LIFETIME_BLOCKS.requireInt("transactionLifetimeBlocks", transactionLifetimeBlocks);
    if (transactionBytesMax > blockBytesMax) {
      throw new IllegalArgumentException("maxTransactionBytes: expected at most maxBlockBytes ("
          + blockBytesMax + "), got " + transactionBytesMax);
    }
  }

  public static ConsensusParams defaults() {
    return new ConsensusParams(2, 16, 2000, 4 * 1024 * 1024, 64 * 1024, 1000);
  }
}
