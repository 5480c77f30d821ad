package org.alliancechain.consensus.codec;

/** Bytes that are not a well-formed consensus format; the message says what was wrong. */
public final class DecodeException extends Exception {
  public DecodeException(String message) {
    super(message);
  }

  public DecodeException(String message, Throwable cause) {
    super(message, cause);
  }
}
