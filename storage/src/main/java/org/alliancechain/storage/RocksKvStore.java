package org.alliancechain.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.FlushOptions;
import org.rocksdb.Options;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Snapshot;
import org.rocksdb.Status;
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
    checkDirectory(absolute);
    RocksConfig config = new RocksConfig(options.tuning(), options.syncWrites());
    List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
    descriptors.add(new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY,
        config.unknownColumnOptions()));
    for (Column column : Column.values()) {
      descriptors.add(new ColumnFamilyDescriptor(column.familyNameBytes(),
          config.columnOptions(column)));
    }
    // A newer schema may have added column families; RocksDB opens only if all are named.
    for (byte[] name : existingFamilies(absolute)) {
      if (descriptors.stream().noneMatch(d -> java.util.Arrays.equals(d.getName(), name))) {
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
      throw openFailure(absolute, e);
    }
  }

  private static void checkDirectory(Path directory) throws StorageException {
    try {
      if (Files.exists(directory) && !Files.isDirectory(directory)) {
        throw new StorageOpenException(StorageOpenException.Reason.UNUSABLE, "data directory "
            + directory + " is a file; point the data directory at a directory");
      }
      Files.createDirectories(directory);
      boolean hasDatabase = Files.exists(directory.resolve("CURRENT"));
      boolean empty;
      try (Stream<Path> entries = Files.list(directory)) {
        empty = entries.findAny().isEmpty();
      }
      if (!hasDatabase && !empty) {
        throw new StorageOpenException(StorageOpenException.Reason.UNUSABLE, "data directory "
            + directory + " is not empty and holds no AllianceChain storage (no CURRENT file);"
            + " point the data directory at an empty or existing storage directory");
      }
    } catch (IOException e) {
      throw new StorageOpenException(StorageOpenException.Reason.UNUSABLE,
          "cannot use data directory " + directory + ": " + e, e);
    }
  }

  private static List<byte[]> existingFamilies(Path directory) throws StorageException {
    if (!Files.exists(directory.resolve("CURRENT"))) {
      return List.of();
    }
    try (Options options = new Options()) {
      return RocksDB.listColumnFamilies(options, directory.toString());
    } catch (RocksDBException e) {
      throw openFailure(directory, e);
    }
  }

  private static StorageException openFailure(Path directory, RocksDBException e) {
    Status.Code code = e.getStatus() == null ? Status.Code.Undefined : e.getStatus().getCode();
    String message = e.getMessage();
    if (code == Status.Code.Corruption) {
      return corruption(directory.toString(), e);
    }
    if (message != null && message.contains("LOCK")) {
      return new StorageOpenException(StorageOpenException.Reason.UNUSABLE, "data directory "
          + directory + " is in use by another process (" + message
          + "); stop the other node using it, or give this one its own directory", e);
    }
    return new StorageOpenException(StorageOpenException.Reason.UNUSABLE,
        "cannot open the storage in " + directory + ": " + message, e);
  }

  static StorageCorruptionException corruption(String location, RocksDBException e) {
    String detail = e.getMessage() == null ? "" : e.getMessage().strip();
    if (detail.endsWith(".")) {
      detail = detail.substring(0, detail.length() - 1);
    }
    return new StorageCorruptionException("storage in " + location + " is corrupt: "
        + detail + ". Do not run a validator on it: restore the directory from a backup,"
        + " or move it away and resync from peers.", e);
  }

  private StorageException readFailure(RocksDBException e) {
    if (e.getStatus() != null && e.getStatus().getCode() == Status.Code.Corruption) {
      return corruption(directory.toString(), e);
    }
    return new StorageException("read from storage in " + directory + " failed: "
        + e.getMessage(), e);
  }

  @Override
  public KvView live() {
    return live;
  }

  @Override
  public KvSnapshot snapshot() {
    Snapshot snapshot = db.getSnapshot();
    ReadOptions reads = new ReadOptions().setSnapshot(snapshot);
    return new RocksSnapshot(reads, snapshot);
  }

  @Override
  public KvBatch newBatch() {
    return new RocksBatch();
  }

  @Override
  public void write(KvBatch batch) throws StorageWriteException {
    try {
      db.write(config.writeOptions(), ((RocksBatch) batch).batch);
    } catch (RocksDBException e) {
      throw new StorageWriteException("write to storage in " + directory + " failed ("
          + e.getMessage() + "); nothing of it may be relied on. Stop voting, fix the disk"
          + " (space, permissions, hardware) and restart the node.", e);
    }
  }

  @Override
  public boolean mayContain(Column column, byte[] key) {
    return db.keyMayExist(columns.get(column), key, null);
  }

  @Override
  public String location() {
    return directory.toString();
  }

  @Override
  public long sizeBytes() {
    try (Stream<Path> files = Files.walk(directory)) {
      return files.filter(Files::isRegularFile).mapToLong(RocksKvStore::sizeOrZero).sum();
    } catch (IOException | java.io.UncheckedIOException e) {
      return -1;
    }
  }

  private static long sizeOrZero(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0; // deleted by a compaction meanwhile
    }
  }

  @Override
  public void verifyChecksums() throws StorageException {
    try {
      db.verifyChecksum();
    } catch (RocksDBException e) {
      throw readFailure(e);
    }
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
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
      try {
        return db.get(columns.get(column), reads, key);
      } catch (RocksDBException e) {
        throw readFailure(e);
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
      try (ReadOptions scanReads = new ReadOptions(reads)) {
        scanReads.setPrefixSameAsStart(withinOnePrefix(column, fromInclusive, toExclusive));
        try (RocksIterator iterator = db.newIterator(columns.get(column), scanReads)) {
          for (iterator.seek(fromInclusive); iterator.isValid(); iterator.next()) {
            byte[] key = iterator.key();
            if (toExclusive != null && java.util.Arrays.compareUnsigned(key, toExclusive) >= 0) {
              break;
            }
            if (!visitor.visit(key, iterator.value())) {
              break;
            }
          }
          iterator.status();
        }
      } catch (RocksDBException e) {
        throw readFailure(e);
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
    return java.util.Arrays.equals(toExclusive, Bytes.prefixEnd(java.util.Arrays.copyOf(
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
      if (!released) {
        released = true;
        reads.close();
        db.releaseSnapshot(snapshot);
      }
    }
  }

  private final class RocksBatch implements KvBatch {
    private final WriteBatch batch = new WriteBatch();

    @Override
    public void put(Column column, byte[] key, byte[] value) {
      try {
        batch.put(columns.get(column), key, value);
      } catch (RocksDBException e) {
        throw new IllegalStateException("cannot add to a write batch: " + e.getMessage(), e);
      }
    }

    @Override
    public void delete(Column column, byte[] key) {
      try {
        batch.delete(columns.get(column), key);
      } catch (RocksDBException e) {
        throw new IllegalStateException("cannot add to a write batch: " + e.getMessage(), e);
      }
    }

    @Override
    public void deleteRange(Column column, byte[] fromInclusive, byte[] toExclusive) {
      try {
        batch.deleteRange(columns.get(column), fromInclusive, toExclusive);
      } catch (RocksDBException e) {
        throw new IllegalStateException("cannot add to a write batch: " + e.getMessage(), e);
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
  }
}
