package org.alliancechain.storage;

/**
 * The ordered key-value backend under the storage: RocksDB on disk, or maps in memory. Keys
 * sort as unsigned bytes in both. The storage's logic lives above this interface, so both
 * backends behave the same.
 */
interface KvStore extends AutoCloseable {
  /** Reads of the latest committed data; each single read is atomic. */
  KvView live();

  /** A consistent view of the data as of now, unaffected by later writes; close it. */
  KvSnapshot snapshot();

  KvBatch newBatch();

  /** Applies {@code batch} atomically, synced if the store was opened so. */
  void write(KvBatch batch) throws StorageWriteException;

  /** Whether {@code key} may be present: false is certain, true may be a false positive. */
  boolean mayContain(Column column, byte[] key);

  /** What error messages call this store (the data directory). */
  String location();

  long sizeBytes();

  void verifyChecksums() throws StorageException;

  @Override
  void close();

  /** A point-in-time view; closing it releases the snapshot. */
  interface KvSnapshot extends KvView, AutoCloseable {
    @Override
    void close();
  }

  /** An atomic group of writes. */
  interface KvBatch extends AutoCloseable {
    void put(Column column, byte[] key, byte[] value);

    void delete(Column column, byte[] key);

    /** Deletes every key in [fromInclusive, toExclusive). */
    void deleteRange(Column column, byte[] fromInclusive, byte[] toExclusive);

    int operationCount();

    @Override
    void close();
  }
}
