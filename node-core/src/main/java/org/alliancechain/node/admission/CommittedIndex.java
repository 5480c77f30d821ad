package org.alliancechain.node.admission;

import org.alliancechain.node.tx.TransactionId;

/** Whether a transaction id was already committed (the replay guard's memory, on disk). */
@FunctionalInterface
public interface CommittedIndex {
  boolean isCommitted(TransactionId id);
}
