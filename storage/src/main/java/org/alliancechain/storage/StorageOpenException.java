package org.alliancechain.storage;

/**
 * A data directory was refused at open: it belongs to another chain, was written by a newer
 * schema, is not a storage directory, or is in use by another process. The message names the
 * directory and what to do.
 */
public class StorageOpenException extends StorageException {
  /** Why the directory was refused. */
  public enum Reason {
    /** Another chain id, genesis hash or hash algorithm. */
    OTHER_CHAIN,
    /** Written by a newer schema than this build reads. */
    NEWER_SCHEMA,
    /** Not an AllianceChain storage directory, or unusable (locked, unreadable). */
    UNUSABLE
  }

  private final Reason reason;

  public StorageOpenException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public StorageOpenException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
