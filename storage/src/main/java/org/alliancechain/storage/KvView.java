package org.alliancechain.storage;

/** Reads of one view of a {@link KvStore}. */
interface KvView {
  /** The value at {@code key}, or null. */
  byte[] get(Column column, byte[] key) throws StorageException;

  /** The first entry with fromInclusive <= key < toExclusive (toExclusive null = no end). */
  Entry first(Column column, byte[] fromInclusive, byte[] toExclusive) throws StorageException;

  /**
   * Visits entries with fromInclusive <= key < toExclusive in key order until the visitor
   * returns false.
   */
  void scan(Column column, byte[] fromInclusive, byte[] toExclusive, Visitor visitor)
      throws StorageException;

  /** One key and value. */
  record Entry(byte[] key, byte[] value) {}

  /** Receives scanned entries; returns whether to go on. */
  @FunctionalInterface
  interface Visitor {
    boolean visit(byte[] key, byte[] value) throws StorageException;
  }
}
