package org.alliancechain.storage;

/** The storage contract on the in-memory storage that other modules' tests use. */
class MemoryStorageTest extends StorageContractTest {
  @Override
  protected Storage create(StorageOptions options) {
    return Storage.inMemory(options);
  }
}
