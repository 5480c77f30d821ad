package org.alliancechain.node.mempool;

/** The outcome of offering a transaction to the mempool. */
public enum AddResult {
  ADDED,
  /** The same id is already waiting or reserved for a block. */
  DUPLICATE,
  /** The mempool holds its maximum number of transactions. */
  FULL_TRANSACTIONS,
  /** The mempool holds its maximum number of bytes. */
  FULL_BYTES,
  /** This sender already has its maximum number of waiting transactions. */
  SENDER_LIMIT;

  public boolean accepted() {
    return this == ADDED;
  }
}
