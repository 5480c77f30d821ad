package org.alliancechain.storage;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The in-memory backend: one sorted map per column family, keys in unsigned byte order as in
 * RocksDB. A read lock makes each read and each snapshot consistent; a batch applies under the
 * write lock, so readers see whole batches. A snapshot must be closed by the thread that took it,
 * and that thread must not write while it holds one.
 */
final class MemoryKvStore implements KvStore {
  private final Map<Column, NavigableMap<byte[], byte[]>> columns = new EnumMap<>(Column.class);
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final KvView view = new LockedView();
  private volatile boolean closed;

  MemoryKvStore(boolean syncWrites) {
    // There is nothing to sync in memory; the flag is accepted so options stay interchangeable.
    for (Column column : Column.values()) {
      columns.put(column, new ConcurrentSkipListMap<>(Arrays::compareUnsigned));
    }
  }

  @Override
  public KvView live() {
    return view;
  }

  /** Behaves as the RocksDB store does: a closed store refuses every call. */
  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("in-memory storage is closed");
    }
  }

  @Override
  public KvSnapshot snapshot() {
    checkOpen();
    lock.readLock().lock();
    return new KvSnapshot() {
      private boolean closed;

      @Override
      public byte[] get(Column column, byte[] key) {
        return copyOrNull(columns.get(column).get(key));
      }

      @Override
      public Entry first(Column column, byte[] fromInclusive, byte[] toExclusive) {
        return firstUnlocked(column, fromInclusive, toExclusive);
      }

      @Override
      public void scan(Column column, byte[] fromInclusive, byte[] toExclusive, Visitor visitor)
          throws StorageException {
        scanUnlocked(column, fromInclusive, toExclusive, visitor);
      }

      @Override
      public void close() {
        if (!closed) {
          closed = true;
          lock.readLock().unlock();
        }
      }
    };
  }

  @Override
  public KvBatch newBatch() {
    return new RecordedBatch();
  }

  @Override
  public void write(KvBatch batch) {
    checkOpen();
    lock.writeLock().lock();
    try {
      for (RecordedBatch.Operation operation : ((RecordedBatch) batch).operations()) {
        NavigableMap<byte[], byte[]> map = columns.get(operation.column());
        switch (operation.kind()) {
          case PUT -> map.put(operation.key().clone(), operation.value().clone());
          case DELETE -> map.remove(operation.key());
          case DELETE_RANGE -> map.subMap(operation.key(), true, operation.value(), false).clear();
        }
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public boolean mayContain(Column column, byte[] key) {
    checkOpen();
    return columns.get(column).containsKey(key);
  }

  @Override
  public String location() {
    return "in-memory storage";
  }

  @Override
  public long sizeBytes() {
    lock.readLock().lock();
    try {
      long size = 0;
      for (NavigableMap<byte[], byte[]> map : columns.values()) {
        for (Map.Entry<byte[], byte[]> entry : map.entrySet()) {
          size += entry.getKey().length + entry.getValue().length;
        }
      }
      return size;
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public void verifyChecksums() {
    // Memory has no checksums to verify.
  }

  @Override
  public void close() {
    closed = true;
  }

  private KvView.Entry firstUnlocked(Column column, byte[] fromInclusive, byte[] toExclusive) {
    Map.Entry<byte[], byte[]> entry = columns.get(column).ceilingEntry(fromInclusive);
    if (entry == null
        || (toExclusive != null && Arrays.compareUnsigned(entry.getKey(), toExclusive) >= 0)) {
      return null;
    }
    return new KvView.Entry(entry.getKey().clone(), entry.getValue().clone());
  }

  private void scanUnlocked(Column column, byte[] fromInclusive, byte[] toExclusive,
      KvView.Visitor visitor) throws StorageException {
    NavigableMap<byte[], byte[]> map = columns.get(column);
    NavigableMap<byte[], byte[]> range = toExclusive == null ? map.tailMap(fromInclusive, true)
        : map.subMap(fromInclusive, true, toExclusive, false);
    for (Map.Entry<byte[], byte[]> entry : range.entrySet()) {
      if (!visitor.visit(entry.getKey().clone(), entry.getValue().clone())) {
        return;
      }
    }
  }

  private static byte[] copyOrNull(byte[] value) {
    return value == null ? null : value.clone();
  }

  /** Reads of the latest data, each under the read lock. */
  private final class LockedView implements KvView {
    @Override
    public byte[] get(Column column, byte[] key) {
      checkOpen();
      lock.readLock().lock();
      try {
        return copyOrNull(columns.get(column).get(key));
      } finally {
        lock.readLock().unlock();
      }
    }

    @Override
    public Entry first(Column column, byte[] fromInclusive, byte[] toExclusive) {
      checkOpen();
      lock.readLock().lock();
      try {
        return firstUnlocked(column, fromInclusive, toExclusive);
      } finally {
        lock.readLock().unlock();
      }
    }

    @Override
    public void scan(Column column, byte[] fromInclusive, byte[] toExclusive, Visitor visitor)
        throws StorageException {
      checkOpen();
      lock.readLock().lock();
      try {
        scanUnlocked(column, fromInclusive, toExclusive, visitor);
      } finally {
        lock.readLock().unlock();
      }
    }
  }
}
