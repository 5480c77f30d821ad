package org.alliancechain.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.SplittableRandom;
import org.alliancechain.crypto.HashAlgorithm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RocksDB receives a batch's writes in key order per column family (RecordedBatch); the batch
 * must still mean what its writes in their given order mean. Checked against the in-memory
 * store, which replays them as given.
 */
class RecordedBatchTest {
  @TempDir
  Path directory;

  @Test
  void sortedBatchMeansTheSameAsTheWritesInOrder() throws Exception {
    StorageOptions options = StorageOptions.of(TestChain.CHAIN_ID, TestChain.GENESIS_HASH,
        HashAlgorithm.SHA_256).withTuning(StorageTuning.forTests());
    SplittableRandom random = new SplittableRandom(20261129L);
    try (KvStore rocks = RocksKvStore.open(directory, options);
        KvStore memory = new MemoryKvStore(false)) {
      for (int round = 0; round < 20; round++) {
        try (KvStore.KvBatch a = rocks.newBatch(); KvStore.KvBatch b = memory.newBatch()) {
          for (int i = 0; i < 300; i++) {
            Column column = random.nextBoolean() ? Column.STATE : Column.TX_INDEX;
            byte[] key = {(byte) random.nextInt(4), (byte) random.nextInt(32)};
            int kind = random.nextInt(20);
            if (kind == 0) {
              byte[] end = {key[0], (byte) (key[1] + 1 + random.nextInt(8))};
              a.deleteRange(column, key, end);
              b.deleteRange(column, key, end);
            } else if (kind < 6) {
              a.delete(column, key);
              b.delete(column, key);
            } else {
              byte[] value = {(byte) round, (byte) i};
              a.put(column, key, value);
              b.put(column, key, value);
            }
          }
          rocks.write(a);
          memory.write(b);
        }
        for (Column column : new Column[] {Column.STATE, Column.TX_INDEX}) {
          for (int first = 0; first < 4; first++) {
            for (int second = 0; second < 48; second++) {
              byte[] key = {(byte) first, (byte) second};
              assertThat(rocks.live().get(column, key))
                  .as("round %d, %s key %d/%d", round, column, first, second)
                  .isEqualTo(memory.live().get(column, key));
            }
          }
        }
      }
    }
  }
}
