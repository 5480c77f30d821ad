package org.alliancechain.p2p;

/** The network could not start: the listener did not bind, or the TLS setup is unusable. */
public class P2pException extends Exception {
  public P2pException(String message, Throwable cause) {
    super(message, cause);
  }
}
