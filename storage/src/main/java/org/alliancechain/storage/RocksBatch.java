package org.alliancechain.storage;

import java.util.Map;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

/** A RocksDB WriteBatch over the storage's column families. */
final class RocksBatch implements KvStore.KvBatch {
  private final WriteBatch batch = new WriteBatch();
  private final Map<Column, ColumnFamilyHandle> columns;

  RocksBatch(Map<Column, ColumnFamilyHandle> columns) {
    this.columns = columns;
  }

  WriteBatch writeBatch() {
    return batch;
  }

  @Override
  public void put(Column column, byte[] key, byte[] value) {
    try {
      batch.put(columns.get(column), key, value);
    } catch (RocksDBException e) {
      throw unusable(e);
    }
  }

  @Override
  public void delete(Column column, byte[] key) {
    try {
      batch.delete(columns.get(column), key);
    } catch (RocksDBException e) {
      throw unusable(e);
    }
  }

  @Override
  public void deleteRange(Column column, byte[] fromInclusive, byte[] toExclusive) {
    try {
      batch.deleteRange(columns.get(column), fromInclusive, toExclusive);
    } catch (RocksDBException e) {
      throw unusable(e);
    }
  }

  @Override
  public int operationCount() {
    return batch.count();
  }

  @Override
  public void close() {
    batch.close();
  }

  /** Adding to an in-memory batch fails only on a broken native object: a bug, not I/O. */
  private static IllegalStateException unusable(RocksDBException e) {
    return new IllegalStateException("cannot add to a write batch: " + e.getMessage(), e);
  }
}
