package org.alliancechain.storage;

/**
 * A different block (or genesis state) was offered at a height that is already committed.
 * Committing the same block again is harmless; a different one means the caller is confused or
 * the chain forked, and nothing is written.
 */
public class BlockConflictException extends BlockRejectedException {
  public BlockConflictException(String message) {
    super(message);
  }
}
