package org.alliancechain.storage;

import java.util.Optional;

/**
 * The authenticated state: a key-value map whose root hash (a sparse Merkle tree, spec in
 * crypto.proto) commits to every key and value. Versions are heights; the genesis state is
 * version 0. The latest version and the retained ones before it can be read and proven.
 * Thread-safe; a read sees whole versions only.
 */
public interface StateStore {
  /** The latest version (the tip height), or -1 before the genesis state is committed. */
  long latestVersion();

  /** The oldest version that can still be read and proven (pruning removes older ones). */
  long oldestRetainedVersion();

  /** The value of {@code key} at the latest version. */
  Optional<byte[]> get(byte[] key) throws StorageException;

  /** The value of {@code key} at a retained {@code version}. */
  Optional<byte[]> get(byte[] key, long version) throws StorageException;

  /** The state root at a retained {@code version} (32 zero bytes for an empty state). */
  byte[] root(long version) throws StorageException;

  /** The value of {@code key} at a retained {@code version}, with its proof against the root. */
  StateProof prove(byte[] key, long version) throws StorageException;
}
