package org.alliancechain.node.receipt;

import java.util.Objects;

/**
 * The outcome of verifying a receipt offline: valid with what it proves, or the first check
 * that failed with a sentence saying why.
 *
 * @param failedCheck the first check that failed, null when the receipt is valid
 * @param reason why it failed, null when valid
 * @param receipt what the receipt proves, null when it failed
 */
public record ReceiptVerification(ReceiptCheck failedCheck, String reason,
    VerifiedReceipt receipt) {

  public ReceiptVerification {
    if ((failedCheck == null) == (receipt == null) || (failedCheck == null) != (reason == null)) {
      throw new IllegalArgumentException(
          "a verification is either valid with a receipt or failed with a check and a reason");
    }
  }

  static ReceiptVerification valid(VerifiedReceipt receipt) {
    return new ReceiptVerification(null, null, Objects.requireNonNull(receipt, "receipt"));
  }

  static ReceiptVerification failed(ReceiptCheck check, String reason) {
    return new ReceiptVerification(check, reason, null);
  }

  public boolean isValid() {
    return failedCheck == null;
  }

  @Override
  public String toString() {
    return isValid() ? "valid: " + receipt : "invalid (" + failedCheck + "): " + reason;
  }
}
