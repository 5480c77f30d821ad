package org.alliancechain.storage;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The storage contract on RocksDB in a temporary directory. */
class RocksStorageTest extends StorageContractTest {
  @TempDir
  Path directory;

  @Override
  protected Storage create(StorageOptions options) throws StorageException {
    return Storage.open(directory, options);
  }
}
