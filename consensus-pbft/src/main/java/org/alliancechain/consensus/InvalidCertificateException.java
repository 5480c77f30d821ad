package org.alliancechain.consensus;

/** A commit certificate or committed block that does not verify; the message says why. */
public final class InvalidCertificateException extends Exception {
  public InvalidCertificateException(String message) {
    super(message);
  }

  public InvalidCertificateException(String message, Throwable cause) {
    super(message, cause);
  }
}
