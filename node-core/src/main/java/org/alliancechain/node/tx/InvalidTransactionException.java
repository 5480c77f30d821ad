package org.alliancechain.node.tx;

/** A transaction refused before it reaches the mempool or a block, with a typed reason. */
public final class InvalidTransactionException extends Exception {
  /** Why a transaction was refused; names are stable (metrics labels, API messages). */
  public enum Reason {
    MALFORMED, TOO_LARGE, WRONG_CHAIN, UNSUPPORTED_KEY, BAD_SIGNATURE, INVALID_FIELD,
    EXPIRED, EXPIRY_TOO_FAR, DUPLICATE, NOT_ADMITTED, MEMPOOL_FULL
  }

  private final Reason reason;

  public InvalidTransactionException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }

  /** Stable lower-case label, e.g. {@code bad_signature}. */
  public String label() {
    return reason.name().toLowerCase(java.util.Locale.ROOT);
  }
}
