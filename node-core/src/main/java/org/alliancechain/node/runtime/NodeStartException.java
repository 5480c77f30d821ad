package org.alliancechain.node.runtime;

/** The node could not start; the message says what to fix. */
public final class NodeStartException extends Exception {
  public NodeStartException(String message) {
    super(message);
  }

  public NodeStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
