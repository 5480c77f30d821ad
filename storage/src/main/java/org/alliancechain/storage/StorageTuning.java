package org.alliancechain.storage;

/**
 * RocksDB sizing, chosen by measurement (docs/adr/0031-rocksdb-tuning.md). The in-memory
 * storage ignores it.
 *
 * @param blockCacheBytes shared LRU cache of uncompressed data, index and filter blocks
 * @param writeBufferBytes memtable size of each busy column family before it is flushed
 * @param writeBuffersTotalBytesMax cap on all memtables together
 * @param bloomBitsPerKey bloom filter bits per key (10 gives about 1% false positives); 0 = none
 * @param compression compression of SST blocks
 * @param treeNodeCacheNodes bound on the decoded state tree nodes kept in the Java heap; only
 *     the top levels that fit whole are kept (16,384 keeps depths 0 to 3: 4,369 nodes at most),
 *     the ones every block rewrites and reads again. 0 = none, and then no latest-value cache
 *     either ({@link #stateValueCacheRecords})
 */
public record StorageTuning(
    long blockCacheBytes,
    long writeBufferBytes,
    long writeBuffersTotalBytesMax,
    int bloomBitsPerKey,
    Compression compression,
    int treeNodeCacheNodes) {

  /** Compression of SST blocks. Tree hashes do not compress; values and blocks may. */
  public enum Compression {
    NONE,
    LZ4,
    ZSTD
  }

  public StorageTuning {
    if (blockCacheBytes < 0 || writeBufferBytes < (1 << 20)
        || writeBuffersTotalBytesMax < writeBufferBytes || bloomBitsPerKey < 0
        || bloomBitsPerKey > 32 || compression == null || treeNodeCacheNodes < 0) {
      throw new IllegalArgumentException("invalid storage tuning: blockCacheBytes="
          + blockCacheBytes + ", writeBufferBytes=" + writeBufferBytes
          + ", writeBuffersTotalBytesMax=" + writeBuffersTotalBytesMax + ", bloomBitsPerKey="
          + bloomBitsPerKey + ", compression=" + compression + ", treeNodeCacheNodes="
          + treeNodeCacheNodes + "; need blockCacheBytes >= 0, writeBufferBytes >= 1 MiB,"
          + " writeBuffersTotalBytesMax >= writeBufferBytes, bloomBitsPerKey in 0..32, a"
          + " compression and treeNodeCacheNodes >= 0");
    }
  }

  /**
   * Latest-state records kept in the Java heap (identities, namespace writers, recent values):
   * a quarter of the tree node count, 4,096 records (about 1 MiB) by default.
   */
  public int stateValueCacheRecords() {
    return treeNodeCacheNodes / 4;
  }

  /** Production sizing for a validator (about 1 GiB of memory for RocksDB). */
  public static StorageTuning defaults() {
    return new StorageTuning(512L << 20, 64L << 20, 512L << 20, 10, Compression.LZ4, 16_384);
  }

  /** Small buffers and cache, so that tests open fast and flush often. */
  public static StorageTuning forTests() {
    return new StorageTuning(8L << 20, 4L << 20, 32L << 20, 10, Compression.LZ4, 1024);
  }

  public StorageTuning withCompression(Compression value) {
    return new StorageTuning(blockCacheBytes, writeBufferBytes, writeBuffersTotalBytesMax,
        bloomBitsPerKey, value, treeNodeCacheNodes);
  }

  public StorageTuning withBlockCacheBytes(long value) {
    return new StorageTuning(value, writeBufferBytes, writeBuffersTotalBytesMax, bloomBitsPerKey,
        compression, treeNodeCacheNodes);
  }

  public StorageTuning withWriteBuffers(long perColumnFamilyBytes, long totalBytesMax) {
    return new StorageTuning(blockCacheBytes, perColumnFamilyBytes, totalBytesMax,
        bloomBitsPerKey, compression, treeNodeCacheNodes);
  }

  public StorageTuning withBloomBitsPerKey(int value) {
    return new StorageTuning(blockCacheBytes, writeBufferBytes, writeBuffersTotalBytesMax, value,
        compression, treeNodeCacheNodes);
  }

  public StorageTuning withTreeNodeCacheNodes(int value) {
    return new StorageTuning(blockCacheBytes, writeBufferBytes, writeBuffersTotalBytesMax,
        bloomBitsPerKey, compression, value);
  }
}
