package org.alliancechain.storage;

/**
 * Every write goes through here. After one failed write the gate stays shut: RocksDB may have
 * stopped accepting writes, and the node must not go on as if the failed batch were saved.
 */
final class WriteGate {
  private final KvStore store;
  private volatile StorageWriteException failure;

  WriteGate(KvStore store) {
    this.store = store;
  }

  void checkOpen() throws StorageWriteException {
    StorageWriteException earlier = failure;
    if (earlier != null) {
      throw new StorageWriteException("storage in " + store.location() + " refuses writes since"
          + " an earlier write failed (" + earlier.getMessage() + ")", earlier);
    }
  }

  void write(KvStore.KvBatch batch) throws StorageWriteException {
    checkOpen();
    try {
      store.write(batch);
    } catch (StorageWriteException e) {
      failure = e;
      throw e;
    } catch (IllegalStateException e) {
      throw e; // used after close: the caller's bug, not a failed write
    } catch (RuntimeException e) {
      StorageWriteException wrapped = new StorageWriteException("write to storage in "
          + store.location() + " failed unexpectedly (" + e + "); stop voting and restart the"
          + " node", e);
      failure = wrapped;
      throw wrapped;
    }
  }
}
