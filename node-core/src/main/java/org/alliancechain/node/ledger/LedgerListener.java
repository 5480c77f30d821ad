package org.alliancechain.node.ledger;

import com.google.protobuf.ByteString;

/** What the ledger tells the rest of the node; called on the ledger thread, must not block. */
public interface LedgerListener {
  /** The block at {@code height} is executed and durably stored. */
  void executed(long height, ByteString blockHash, ByteString stateRoot);

  /** The ledger cannot go on (a write failed, a committed block does not execute). */
  void halted(String reason);
}
