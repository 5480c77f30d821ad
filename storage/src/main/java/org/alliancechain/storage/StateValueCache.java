package org.alliancechain.storage;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

/**
 * Recently read and written latest-state records (the {@link Column#STATE} bytes, or their
 * absence), so that the records every transaction reads — its sender's identity, the
 * namespace's writers — come from memory instead of RocksDB, for admission and execution alike.
 * Least recently used entries leave first. Thread-safe.
 *
 * <p>A read that raced with a commit must not leave the older bytes behind: a commit raises
 * the generation while it installs the new records, and a read offers what it found only if no
 * commit happened since it looked, so whatever it read is then still the latest.
 */
final class StateValueCache {
  /** Marks a key known to be absent. */
  private static final byte[] ABSENT = new byte[0];

  private final int capacity;
  private final Map<ByteBuffer, byte[]> records;
  private long generation;
  private boolean closed;

  StateValueCache(int capacity) {
    this.capacity = capacity;
    this.records = new LruMap<>(capacity);
  }

  /** One key's record as a commit leaves it: its new bytes, or null when deleted. */
  record Written(byte[] key, byte[] stored) {}

  /** The latest record of {@code key} (null when absent), from here or else from {@code view}. */
  byte[] read(KvView view, byte[] key) throws StorageException {
    if (capacity == 0) {
      return view.get(Column.STATE, key);
    }
    long readGeneration;
    synchronized (this) {
      if (closed) {
        return view.get(Column.STATE, key); // the closed store says so
      }
      byte[] cached = records.get(ByteBuffer.wrap(key));
      if (cached != null) {
        return cached == ABSENT ? null : cached;
      }
      readGeneration = generation;
    }
    byte[] stored = view.get(Column.STATE, key);
    synchronized (this) {
      if (generation == readGeneration && !closed) {
        records.put(ByteBuffer.wrap(key.clone()), stored == null ? ABSENT : stored);
      }
    }
    return stored;
  }

  /** A commit made these records durable; called after its write, before anyone reads it. */
  synchronized void committed(List<Written> written) {
    generation++;
    if (capacity == 0) {
      return;
    }
    for (Written record : written) {
      records.put(ByteBuffer.wrap(record.key().clone()),
          record.stored() == null ? ABSENT : record.stored());
    }
  }

  /** The storage closed: every read goes to the store, which refuses it. */
  synchronized void close() {
    closed = true;
    records.clear();
  }
}
