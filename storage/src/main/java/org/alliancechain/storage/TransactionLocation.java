package org.alliancechain.storage;

/**
 * Where a committed transaction is.
 *
 * @param height height of the block that committed it
 * @param index its position in that block, from 0
 */
public record TransactionLocation(long height, int index) {
  public TransactionLocation {
    if (height < 1 || index < 0) {
      throw new IllegalArgumentException(
          "a transaction location needs height >= 1 and index >= 0, was " + height + "/" + index);
    }
  }
}
