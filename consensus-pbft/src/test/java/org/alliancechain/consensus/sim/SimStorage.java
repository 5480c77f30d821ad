package org.alliancechain.consensus.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.alliancechain.consensus.KeyRange;
import org.alliancechain.consensus.LogEntry;
import org.alliancechain.consensus.message.CommittedBlock;

/**
 * A node's disk: the consensus log (sorted by unsigned key, like the RocksDB column family) and
 * the committed chain. Survives crashes; only unacknowledged writes may be lost.
 */
public final class SimStorage {
  private final TreeMap<byte[], byte[]> log = new TreeMap<>(Arrays::compareUnsigned);
  private final List<CommittedBlock> chain = new ArrayList<>();
  private long logBytesMax;

  public void save(List<LogEntry> entries) {
    for (LogEntry entry : entries) {
      log.put(entry.key(), entry.value());
    }
    long size = 0;
    for (Map.Entry<byte[], byte[]> entry : log.entrySet()) {
      size += entry.getKey().length + entry.getValue().length;
    }
    logBytesMax = Math.max(logBytesMax, size);
  }

  public void deleteRange(KeyRange range) {
    log.subMap(range.from(), true, range.to(), false).clear();
  }

  public List<LogEntry> loadAll() {
    List<LogEntry> out = new ArrayList<>();
    for (Map.Entry<byte[], byte[]> entry : log.entrySet()) {
      out.add(new LogEntry(entry.getKey(), entry.getValue()));
    }
    return out;
  }

  public int logSize() {
    return log.size();
  }

  public long logBytesMax() {
    return logBytesMax;
  }

  public void append(CommittedBlock block) {
    chain.add(block);
  }

  public long height() {
    return chain.size();
  }

  /** The committed block at {@code height} (1-based). */
  public CommittedBlock block(long height) {
    return chain.get((int) height - 1);
  }

  public CommittedBlock tip() {
    return chain.isEmpty() ? null : chain.get(chain.size() - 1);
  }
}
