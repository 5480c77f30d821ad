package org.alliancechain.storage;

import java.util.ArrayList;
import java.util.List;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompressionType;
import org.rocksdb.DBOptions;
import org.rocksdb.InfoLogLevel;
import org.rocksdb.LRUCache;
import org.rocksdb.RocksObject;
import org.rocksdb.WALRecoveryMode;
import org.rocksdb.WriteBufferManager;
import org.rocksdb.WriteOptions;

/**
 * The RocksDB options of a storage, derived from {@link StorageTuning}; why each choice is made
 * is in docs/adr/0031-rocksdb-tuning.md. Owns the native objects and closes them.
 */
final class RocksConfig implements AutoCloseable {
  /** Bytes of the key-hash prefix under which state_history keeps a key's versions. */
  static final int HISTORY_PREFIX_BYTES = 32;

  private final List<RocksObject> owned = new ArrayList<>();
  private final LRUCache blockCache;
  private final DBOptions dbOptions;
  private final WriteOptions writeOptions;
  private final StorageTuning tuning;

  RocksConfig(StorageTuning tuning, boolean syncWrites) {
    this.tuning = tuning;
    blockCache = own(new LRUCache(tuning.blockCacheBytes()));
    WriteBufferManager writeBuffers =
        own(new WriteBufferManager(tuning.writeBuffersTotalBytesMax(), blockCache));
    dbOptions = own(new DBOptions())
        .setCreateIfMissing(true)
        .setCreateMissingColumnFamilies(true)
        .setParanoidChecks(true)
        // Replays the WAL up to the last intact record: a torn tail after a crash is dropped,
        // which only ever loses a batch whose synced write had not returned.
        .setWalRecoveryMode(WALRecoveryMode.PointInTimeRecovery)
        .setMaxBackgroundJobs(2)
        .setBytesPerSync(1L << 20)
        .setMaxTotalWalSize(4 * tuning.writeBufferBytes())
        .setWriteBufferManager(writeBuffers)
        .setKeepLogFileNum(5)
        .setMaxLogFileSize(16L << 20)
        .setInfoLogLevel(InfoLogLevel.WARN_LEVEL);
    writeOptions = own(new WriteOptions()).setSync(syncWrites);
  }

  DBOptions dbOptions() {
    return dbOptions;
  }

  WriteOptions writeOptions() {
    return writeOptions;
  }

  /** Options of one of our column families. */
  ColumnFamilyOptions columnOptions(Column column) {
    BlockBasedTableConfig table = new BlockBasedTableConfig()
        .setBlockCache(blockCache)
        .setBlockSize(8 * 1024)
        .setCacheIndexAndFilterBlocks(true)
        .setPinL0FilterAndIndexBlocksInCache(true)
        .setFormatVersion(6);
    if (tuning.bloomBitsPerKey() > 0 && usesFilter(column)) {
      table.setFilterPolicy(own(new BloomFilter(tuning.bloomBitsPerKey())));
    }
    ColumnFamilyOptions options = own(new ColumnFamilyOptions())
        .setWriteBufferSize(busy(column) ? tuning.writeBufferBytes()
            : Math.max(1L << 20, tuning.writeBufferBytes() / 16))
        .setMaxWriteBufferNumber(3)
        .setLevelCompactionDynamicLevelBytes(true)
        .setCompressionType(compression(column));
    if (column == Column.TX_INDEX || column == Column.STATE) {
      // Every admitted transaction asks whether its id is committed and every execution reads
      // identity records that are mostly absent: a whole-key bloom filter on the memtable
      // answers "not here" without a skip-list search (~5 % of the admission and commit CPU).
      options.setMemtablePrefixBloomSizeRatio(0.05).setMemtableWholeKeyFiltering(true);
    }
    if (column == Column.STATE_HISTORY) {
      // Reads seek to H(key) || ~version: a prefix filter on H(key) skips files without the key.
      options.useFixedLengthPrefixExtractor(HISTORY_PREFIX_BYTES);
      table.setWholeKeyFiltering(false);
    }
    options.setTableFormatConfig(table);
    return options;
  }

  /** Options for a column family this build does not know (found in a newer directory). */
  ColumnFamilyOptions unknownColumnOptions() {
    return own(new ColumnFamilyOptions());
  }

  private static boolean busy(Column column) {
    return switch (column) {
      case BLOCKS, TX_INDEX, STATE, STATE_HISTORY, STATE_TREE, STATE_STALE -> true;
      default -> false;
    };
  }

  /** Point lookups that often miss (transaction ids, state keys) gain from a filter. */
  private static boolean usesFilter(Column column) {
    return switch (column) {
      case TX_INDEX, BLOCK_INDEX, STATE, STATE_HISTORY -> true;
      default -> false;
    };
  }

  private CompressionType compression(Column column) {
    // Hashes do not compress: the tree, its stale index and the hash-keyed indexes stay plain.
    if (column == Column.STATE_TREE || column == Column.STATE_STALE
        || column == Column.BLOCK_INDEX || column == Column.TX_INDEX) {
      return CompressionType.NO_COMPRESSION;
    }
    return switch (tuning.compression()) {
      case NONE -> CompressionType.NO_COMPRESSION;
      case LZ4 -> CompressionType.LZ4_COMPRESSION;
      case ZSTD -> CompressionType.ZSTD_COMPRESSION;
    };
  }

  private <T extends RocksObject> T own(T object) {
    owned.add(object);
    return object;
  }

  @Override
  public void close() {
    for (int i = owned.size() - 1; i >= 0; i--) {
      owned.get(i).close();
    }
    owned.clear();
  }
}
