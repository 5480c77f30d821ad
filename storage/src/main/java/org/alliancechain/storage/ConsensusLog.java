package org.alliancechain.storage;

import java.util.List;

/**
 * The PBFT replica's durable log (its own votes, view, checkpoints), in its own column family.
 * Keys and values are opaque; keys sort as unsigned bytes. Every write is atomic and synced
 * (unless the storage was opened with sync off), so a vote is durable before it is sent.
 */
public interface ConsensusLog {
  /** Writes all {@code entries} (replacing equal keys) in one atomic, synced batch. */
  void save(List<LogEntry> entries) throws StorageException;

  /** Deletes every key in [fromInclusive, toExclusive), atomically and synced. */
  void deleteRange(byte[] fromInclusive, byte[] toExclusive) throws StorageException;

  /** Every entry, in key order. */
  List<LogEntry> loadAll() throws StorageException;
}
