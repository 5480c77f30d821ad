package org.alliancechain.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

/**
 * Writes gathered in Java, in order, and applied by the backend when written: the in-memory
 * store replays them under its write lock; RocksDB turns them into a native WriteBatch only
 * then, under its lifecycle lock, since a native batch holds column family handles, which must
 * not outlive the database.
 */
final class RecordedBatch implements KvStore.KvBatch {
  enum Kind { PUT, DELETE, DELETE_RANGE }

  /** One write; for DELETE_RANGE, key and value are the range's start and (exclusive) end. */
  record Operation(Kind kind, Column column, byte[] key, byte[] value) {}

  private final List<Operation> operations = new ArrayList<>();

  @Override
  public void put(Column column, byte[] key, byte[] value) {
    operations.add(new Operation(Kind.PUT, column, key, value));
  }

  @Override
  public void delete(Column column, byte[] key) {
    operations.add(new Operation(Kind.DELETE, column, key, null));
  }

  @Override
  public void deleteRange(Column column, byte[] fromInclusive, byte[] toExclusive) {
    operations.add(new Operation(Kind.DELETE_RANGE, column, fromInclusive, toExclusive));
  }

  @Override
  public int operationCount() {
    return operations.size();
  }

  @Override
  public void close() {
    operations.clear();
  }

  List<Operation> operations() {
    return operations;
  }

  /** The native batch of these operations; the caller closes it. */
  WriteBatch toWriteBatch(Map<Column, ColumnFamilyHandle> columns) throws RocksDBException {
    WriteBatch batch = new WriteBatch();
    try {
      for (Operation operation : operations) {
        ColumnFamilyHandle column = columns.get(operation.column());
        switch (operation.kind()) {
          case PUT -> batch.put(column, operation.key(), operation.value());
          case DELETE -> batch.delete(column, operation.key());
          case DELETE_RANGE -> batch.deleteRange(column, operation.key(), operation.value());
        }
      }
      return batch;
    } catch (RocksDBException | RuntimeException e) {
      batch.close();
      throw e;
    }
  }
}
