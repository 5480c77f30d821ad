package org.alliancechain.storage;

/**
 * A write could not be made durable (disk full, I/O error). Nothing of the failed batch may be
 * relied on, and the storage refuses every later write: the node must stop voting rather than
 * continue on a state it could not save, and be restarted once the disk is fixed.
 */
public class StorageWriteException extends StorageException {
  public StorageWriteException(String message, Throwable cause) {
    super(message, cause);
  }
}
