package org.alliancechain.node.receipt;

/** A verification check that failed, carried out of the check methods; no stack trace. */
final class CheckFailed extends Exception {
  private final ReceiptCheck check;

  CheckFailed(ReceiptCheck check, String reason) {
    super(reason, null, false, false);
    this.check = check;
  }

  ReceiptCheck check() {
    return check;
  }
}
