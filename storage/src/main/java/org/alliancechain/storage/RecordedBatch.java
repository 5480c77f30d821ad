package org.alliancechain.storage;

import java.util.ArrayList;
import java.util.Arrays;
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

  /**
   * The native batch of these operations; the caller closes it. Puts and deletes go in key order
   * within each column family (between range deletes, which keep their place): RocksDB inserts
   * each into a memtable skip list and reuses the previous insert's position when the next key
   * follows it, so sorted keys cost a short search each instead of one from the top. The sort is
   * stable, so two writes of one key keep their order and the batch means the same. The native
   * buffer is sized up front, not grown by copying.
   */
  WriteBatch toWriteBatch(Map<Column, ColumnFamilyHandle> columns) throws RocksDBException {
    WriteBatch batch = new WriteBatch(reservedBytes());
    try {
      List<List<Operation>> byColumn = new ArrayList<>(COLUMNS.length);
      for (int i = 0; i < COLUMNS.length; i++) {
        byColumn.add(new ArrayList<>());
      }
      for (Operation operation : operations) {
        if (operation.kind() == Kind.DELETE_RANGE) {
          addSorted(batch, byColumn, columns);
          batch.deleteRange(columns.get(operation.column()), operation.key(), operation.value());
        } else {
          byColumn.get(operation.column().ordinal()).add(operation);
        }
      }
      addSorted(batch, byColumn, columns);
      return batch;
    } catch (RocksDBException | RuntimeException e) {
      batch.close();
      throw e;
    }
  }

  private static final Column[] COLUMNS = Column.values();
  /** Per record: tag, column id and two lengths (varints), generously. */
  private static final int RECORD_OVERHEAD = 16;
  private static final int BATCH_HEADER = 12;

  private int reservedBytes() {
    long bytes = BATCH_HEADER;
    for (Operation operation : operations) {
      bytes += RECORD_OVERHEAD + operation.key().length
          + (operation.value() == null ? 0 : operation.value().length);
    }
    return (int) Math.min(bytes, Integer.MAX_VALUE - 8);
  }

  /** Adds the gathered puts and deletes column by column, in key order, and empties the lists. */
  private static void addSorted(WriteBatch batch, List<List<Operation>> byColumn,
      Map<Column, ColumnFamilyHandle> columns) throws RocksDBException {
    for (int i = 0; i < COLUMNS.length; i++) {
      List<Operation> run = byColumn.get(i);
      if (run.isEmpty()) {
        continue;
      }
      run.sort((a, b) -> Arrays.compareUnsigned(a.key(), b.key()));
      ColumnFamilyHandle column = columns.get(COLUMNS[i]);
      for (Operation operation : run) {
        if (operation.kind() == Kind.PUT) {
          batch.put(column, operation.key(), operation.value());
        } else {
          batch.delete(column, operation.key());
        }
      }
      run.clear();
    }
  }
}
