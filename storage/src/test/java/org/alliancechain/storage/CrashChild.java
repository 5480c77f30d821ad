package org.alliancechain.storage;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;

/**
 * The process that {@link CrashTest} kills: opens the storage, commits genesis if needed, then
 * commits the deterministic chain from its tip on, forever, printing "ACK height root ." after
 * each commit returns and before the next begins.
 */
public final class CrashChild {
  /** Changes per block, over this many keys: blocks overwrite, insert and delete. */
  static final int CHANGES_PER_BLOCK = 40;
  static final int KEY_SPACE = 400;
  static final int TRANSACTIONS_PER_BLOCK = 3;
  static final int RETAINED_VERSIONS = 4;

  private CrashChild() {}

  static StorageOptions options() {
    return TestChain.options().withRetainedStateVersions(RETAINED_VERSIONS);
  }

  static List<StateChange> genesis() {
    return TestChain.changes(-1, 100, KEY_SPACE);
  }

  /** Height {@code height}'s block and state changes, the same in every process. */
  static BlockCommit block(TestChain chain, long height) {
    return chain.next(TRANSACTIONS_PER_BLOCK, height)
        .commit(TestChain.changes(height, CHANGES_PER_BLOCK, KEY_SPACE));
  }

  public static void main(String[] args) throws Exception {
    PrintStream out = System.out;
    try (Storage storage = Storage.open(Path.of(args[0]), options())) {
      if (storage.blocks().tip().isEmpty()) {
        storage.commitGenesis(genesis());
      }
      ChainTip tip = storage.blocks().tip().orElseThrow();
      out.println("OPEN " + tip.height() + " .");
      out.flush();
      TestChain chain = new TestChain(tip);
      for (long height = tip.height() + 1; ; height++) {
        byte[] root = storage.commitBlock(block(chain, height));
        out.println("ACK " + height + " " + HexFormat.of().formatHex(root) + " .");
        out.flush();
      }
    }
  }
}
