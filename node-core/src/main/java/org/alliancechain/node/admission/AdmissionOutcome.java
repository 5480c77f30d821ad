package org.alliancechain.node.admission;

import org.alliancechain.node.tx.InvalidTransactionException.Reason;
import org.alliancechain.node.tx.Transaction;
import org.alliancechain.node.tx.TransactionId;

/**
 * What became of one submitted transaction.
 *
 * @param id the transaction id, null when the bytes did not decode far enough
 * @param transaction the admitted transaction, null when refused
 * @param rejection why it was refused, null when admitted
 * @param message a sentence for the client: what was wrong and what would be right
 */
public record AdmissionOutcome(TransactionId id, Transaction transaction, Reason rejection,
    String message) {

  static AdmissionOutcome admitted(Transaction transaction) {
    return new AdmissionOutcome(transaction.id(), transaction, null, "admitted");
  }

  static AdmissionOutcome refused(TransactionId id, Reason reason, String message) {
    return new AdmissionOutcome(id, null, reason, message);
  }

  public boolean accepted() {
    return rejection == null;
  }
}
