package org.alliancechain.storage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.FlushOptions;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Snapshot;
import org.rocksdb.WriteBatch;

/** The RocksDB backend: one column family per {@link Column}, in one data directory. */
final class RocksKvStore implements KvStore {
  static {
    RocksDB.loadLibrary();
  }

  private final Path directory;
  private final RocksConfig config;
  private final RocksDB db;
  private final List<ColumnFamilyHandle> handles;
  private final Map<Column, ColumnFamilyHandle> columns;
  private final ReadOptions liveReads;
  private final KvView live;
  /** Native calls hold the read lock; close takes the write lock, so none runs on a closed DB. */
  private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
  private boolean closed;

  private RocksKvStore(Path directory, RocksConfig config, RocksDB db,
      List<ColumnFamilyHandle> handles, Map<Column, ColumnFamilyHandle> columns) {
    this.directory = directory;
    this.config = config;
    this.db = db;
    this.handles = handles;
    this.columns = columns;
    this.liveReads = new ReadOptions();
    this.live = new RocksView(liveReads);
  }

  /** Opens or creates the database in {@code directory}. */
  static RocksKvStore open(Path directory, StorageOptions options) throws StorageException {
    Path absolute = directory.toAbsolutePath();
    RocksDirectory.check(absolute);
    RocksConfig config = new RocksConfig(options.tuning(), options.syncWrites());
    List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
    descriptors.add(new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY,
        config.unknownColumnOptions()));
    for (Column column : Column.values()) {
      descriptors.add(new ColumnFamilyDescriptor(column.familyNameBytes(),
          config.columnOptions(column)));
    }
    // A newer schema may have added column families; RocksDB opens only if all are named.
    for (byte[] name : RocksDirectory.existingFamilies(absolute)) {
      if (descriptors.stream().noneMatch(d -> Arrays.equals(d.getName(), name))) {
        descriptors.add(new ColumnFamilyDescriptor(name, config.unknownColumnOptions()));
      }
    }
    List<ColumnFamilyHandle> handles = new ArrayList<>();
    try {
      RocksDB db = RocksDB.open(config.dbOptions(), absolute.toString(), descriptors, handles);
      Map<Column, ColumnFamilyHandle> columns = new EnumMap<>(Column.class);
      for (Column column : Column.values()) {
        columns.put(column, handles.get(column.ordinal() + 1));
      }
      return new RocksKvStore(absolute, config, db, handles, columns);
    } catch (RocksDBException e) {
      config.close();
      throw RocksErrors.openFailure(absolute, e);
    }
  }

  @Override
  public KvView live() {
    return live;
  }

  private void enter() {
    lifecycle.readLock().lock();
    if (closed) {
      lifecycle.readLock().unlock();
      throw new IllegalStateException("storage in " + directory + " is closed");
    }
  }

  private void exit() {
    lifecycle.readLock().unlock();
  }

  @Override
  public KvSnapshot snapshot() {
    enter();
    try {
      Snapshot snapshot = db.getSnapshot();
      ReadOptions reads = new ReadOptions().setSnapshot(snapshot);
      return new RocksSnapshot(reads, snapshot);
    } finally {
      exit();
    }
  }

  @Override
  public KvBatch newBatch() {
    return new RecordedBatch();
  }

  @Override
  public void write(KvBatch batch) throws StorageWriteException {
    enter();
    try (WriteBatch writeBatch = ((RecordedBatch) batch).toWriteBatch(columns)) {
      db.write(config.writeOptions(), writeBatch);
    } catch (RocksDBException e) {
      throw RocksErrors.writeFailure(directory.toString(), e);
    } finally {
      exit();
    }
  }

  @Override
  public boolean mayContain(Column column, byte[] key) {
    enter();
    try {
      return db.keyMayExist(columns.get(column), key, null);
    } finally {
      exit();
    }
  }

  @Override
  public String location() {
    return directory.toString();
  }

  @Override
  public long sizeBytes() {
    return RocksDirectory.sizeBytes(directory);
  }

  @Override
  public void verifyChecksums() throws StorageException {
    enter();
    try {
      db.verifyChecksum();
    } catch (RocksDBException e) {
      throw RocksErrors.readFailure(directory.toString(), e);
    } finally {
      exit();
    }
  }

  @Override
  public void close() {
    lifecycle.writeLock().lock();
    try {
      if (!closed) {
        closed = true;
        release();
      }
    } finally {
      lifecycle.writeLock().unlock();
    }
  }

  private void release() {
    try (FlushOptions flush = new FlushOptions().setWaitForFlush(true)) {
      // A flushed directory reopens without replaying its write-ahead log.
      db.flush(flush, new ArrayList<>(columns.values()));
    } catch (RocksDBException e) {
      // The WAL still holds every acknowledged write; the next open replays it.
    }
    liveReads.close();
    for (ColumnFamilyHandle handle : handles) {
      handle.close();
    }
    db.close();
    config.close();
  }

  /** Reads through one ReadOptions (the live one, or a snapshot's). */
  private class RocksView implements KvView {
    final ReadOptions reads;

    RocksView(ReadOptions reads) {
      this.reads = reads;
    }

    @Override
    public byte[] get(Column column, byte[] key) throws StorageException {
      enter();
      try {
        return db.get(columns.get(column), reads, key);
      } catch (RocksDBException e) {
        throw RocksErrors.readFailure(directory.toString(), e);
      } finally {
        exit();
      }
    }

    @Override
    public Entry first(Column column, byte[] fromInclusive, byte[] toExclusive)
        throws StorageException {
      Entry[] found = new Entry[1];
      scan(column, fromInclusive, toExclusive, (key, value) -> {
        found[0] = new Entry(key, value);
        return false;
      });
      return found[0];
    }

    @Override
    public void scan(Column column, byte[] fromInclusive, byte[] toExclusive, Visitor visitor)
        throws StorageException {
      enter();
      try (ReadOptions scanReads = new ReadOptions(reads)) {
        scanReads.setPrefixSameAsStart(withinOnePrefix(column, fromInclusive, toExclusive));
        try (RocksIterator iterator = db.newIterator(columns.get(column), scanReads)) {
          for (iterator.seek(fromInclusive); iterator.isValid(); iterator.next()) {
            byte[] key = iterator.key();
            if (toExclusive != null && Arrays.compareUnsigned(key, toExclusive) >= 0) {
              break;
            }
            if (!visitor.visit(key, iterator.value())) {
              break;
            }
          }
          iterator.status();
        }
      } catch (RocksDBException e) {
        throw RocksErrors.readFailure(directory.toString(), e);
      } finally {
        exit();
      }
    }
  }

  /**
   * Whether a scan stays within one key hash of state_history, as reads at a version do: then
   * the prefix bloom filter may skip files, and the iterator stops at the prefix's end.
   */
  private static boolean withinOnePrefix(Column column, byte[] fromInclusive,
      byte[] toExclusive) {
    if (column != Column.STATE_HISTORY || toExclusive == null
        || fromInclusive.length < RocksConfig.HISTORY_PREFIX_BYTES) {
      return false;
    }
    return Arrays.equals(toExclusive, Bytes.prefixEnd(Arrays.copyOf(
        fromInclusive, RocksConfig.HISTORY_PREFIX_BYTES)));
  }

  private final class RocksSnapshot extends RocksView implements KvSnapshot {
    private final Snapshot snapshot;
    private boolean released;

    RocksSnapshot(ReadOptions reads, Snapshot snapshot) {
      super(reads);
      this.snapshot = snapshot;
    }

    @Override
    public void close() {
      lifecycle.readLock().lock();
      try {
        if (!released) {
          released = true;
          reads.close();
          if (!closed) {
            db.releaseSnapshot(snapshot);
          }
        }
      } finally {
        lifecycle.readLock().unlock();
      }
    }
  }
}
