package org.alliancechain.storage;

/**
 * A typed, checked failure of the storage: the message says what went wrong, where (the data
 * directory, a file) and what the operator can do. Subclasses tell the node how to react:
 * {@link StorageWriteException} means stop voting, {@link StorageCorruptionException} means
 * restore or resync, {@link StorageOpenException} means the directory was refused.
 */
public class StorageException extends Exception {
  public StorageException(String message) {
    super(message);
  }

  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }
}
