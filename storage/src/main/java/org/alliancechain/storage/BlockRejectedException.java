package org.alliancechain.storage;

/**
 * A block commit was refused before anything was written: the block does not decode, is for
 * another chain, does not follow the tip, or its certificate or results do not match it. The
 * message says which check failed, with the expected and actual values.
 */
public class BlockRejectedException extends StorageException {
  public BlockRejectedException(String message) {
    super(message);
  }

  public BlockRejectedException(String message, Throwable cause) {
    super(message, cause);
  }
}
