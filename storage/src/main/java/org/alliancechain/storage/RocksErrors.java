package org.alliancechain.storage;

import java.nio.file.Path;
import org.rocksdb.RocksDBException;
import org.rocksdb.Status;

/** RocksDB's errors as the storage's typed exceptions, with what the operator can do. */
final class RocksErrors {
  private RocksErrors() {}

  static StorageException openFailure(Path directory, RocksDBException e) {
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

  static StorageException readFailure(String location, RocksDBException e) {
    if (e.getStatus() != null && e.getStatus().getCode() == Status.Code.Corruption) {
      return corruption(location, e);
    }
    return new StorageException("read from storage in " + location + " failed: "
        + e.getMessage(), e);
  }

  static StorageWriteException writeFailure(String location, RocksDBException e) {
    return new StorageWriteException("write to storage in " + location + " failed ("
        + e.getMessage() + "); nothing of it may be relied on. Stop voting, fix the disk"
        + " (space, permissions, hardware) and restart the node.", e);
  }
}
