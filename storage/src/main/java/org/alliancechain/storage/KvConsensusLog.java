package org.alliancechain.storage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** The consensus log in its column family, written through the storage's write gate. */
final class KvConsensusLog implements ConsensusLog {
  private final KvStore store;
  private final WriteGate gate;

  KvConsensusLog(KvStore store, WriteGate gate) {
    this.store = store;
    this.gate = gate;
  }

  @Override
  public void save(List<LogEntry> entries) throws StorageException {
    Objects.requireNonNull(entries, "entries");
    try (KvStore.KvBatch batch = store.newBatch()) {
      for (LogEntry entry : entries) {
        batch.put(Column.CONSENSUS_LOG, entry.keyUnsafe(), entry.valueUnsafe());
      }
      gate.write(batch);
    }
  }

  @Override
  public void deleteRange(byte[] fromInclusive, byte[] toExclusive) throws StorageException {
    Objects.requireNonNull(fromInclusive, "fromInclusive");
    Objects.requireNonNull(toExclusive, "toExclusive");
    if (Arrays.compareUnsigned(fromInclusive, toExclusive) >= 0) {
      return; // an empty range deletes nothing
    }
    try (KvStore.KvBatch batch = store.newBatch()) {
      batch.deleteRange(Column.CONSENSUS_LOG, fromInclusive, toExclusive);
      gate.write(batch);
    }
  }

  @Override
  public List<LogEntry> loadAll() throws StorageException {
    List<LogEntry> entries = new ArrayList<>();
    store.live().scan(Column.CONSENSUS_LOG, new byte[0], null, (key, value) -> {
      entries.add(new LogEntry(key, value));
      return true;
    });
    return entries;
  }
}
