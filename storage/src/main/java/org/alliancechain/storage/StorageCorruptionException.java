package org.alliancechain.storage;

/**
 * The data directory is damaged (a checksum mismatch, a missing or inconsistent record). The
 * message names the directory, and the file when RocksDB names one. Never served silently: the
 * operator restores the directory from a backup, or deletes it and resyncs from peers.
 */
public class StorageCorruptionException extends StorageException {
  public StorageCorruptionException(String message) {
    super(message);
  }

  public StorageCorruptionException(String message, Throwable cause) {
    super(message, cause);
  }
}
