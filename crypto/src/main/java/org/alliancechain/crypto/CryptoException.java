package org.alliancechain.crypto;

/**
 * A typed, checked failure of a cryptographic operation on bad input: a malformed key or
 * certificate encoding, a key of the wrong scheme, a certificate that does not chain.
 * The message says what was wrong and what would be right.
 */
public class CryptoException extends Exception {
  public CryptoException(String message) {
    super(message);
  }

  public CryptoException(String message, Throwable cause) {
    super(message, cause);
  }
}
