package org.alliancechain.storage;

/**
 * A state version was asked for that is not readable: pruned (older than the retained window)
 * or not committed yet. The message gives the readable range.
 */
public class VersionNotRetainedException extends StorageException {
  public VersionNotRetainedException(String message) {
    super(message);
  }
}
