package org.alliancechain.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pruning deletes what only old versions need, so the state does not grow with the chain. */
class PruningTest {
  private static final int RETAINED = 3;

  @TempDir
  Path directory;

  @Test
  void overwritingTheSameKeysDoesNotGrowTheStoredState() throws Exception {
    Map<Column, Integer> after20;
    TestChain chain = new TestChain();
    StorageOptions options = TestChain.options().withRetainedStateVersions(RETAINED);
    try (Storage storage = Storage.open(directory, options)) {
      storage.commitGenesis(overwrite(0));
      for (int height = 1; height <= 20; height++) {
        storage.commitBlock(chain.next(1, height).commit(overwrite(height)));
      }
    }
    after20 = count();
    try (Storage storage = Storage.open(directory, options)) {
      for (int height = 21; height <= 80; height++) {
        storage.commitBlock(chain.next(1, height).commit(overwrite(height)));
      }
      assertThat(storage.state().root(80)).isEqualTo(storage.blocks().tip().orElseThrow()
          .stateRoot());
    }
    Map<Column, Integer> after80 = count();
    // Tree nodes, history and stale records are those of the retained versions only.
    for (Column column : List.of(Column.STATE_TREE, Column.STATE_HISTORY, Column.STATE_STALE)) {
      assertThat(after80.get(column)).as(column.familyName())
          .isPositive().isEqualTo(after20.get(column));
    }
    // Versions 79 and 80 replaced what version 78 (the oldest retained) still reads.
    assertThat(after80.get(Column.STATE_STALE)).isEqualTo(RETAINED - 1);
  }

  /** Puts new values to the same 60 keys. */
  private static List<StateChange> overwrite(int height) {
    List<StateChange> changes = new ArrayList<>();
    for (int key = 0; key < 60; key++) {
      changes.add(StateChange.put(TestChain.utf8("key-" + key),
          TestChain.utf8("value-" + height)));
    }
    return changes;
  }

  private Map<Column, Integer> count() throws Exception {
    Map<Column, Integer> counts = new TreeMap<>();
    try (RocksKvStore store = RocksKvStore.open(directory, TestChain.options())) {
      for (Column column : Column.values()) {
        int[] count = new int[1];
        store.live().scan(column, new byte[0], null, (key, value) -> {
          count[0]++;
          return true;
        });
        counts.put(column, count[0]);
      }
    }
    return counts;
  }
}
