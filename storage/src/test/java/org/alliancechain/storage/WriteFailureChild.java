package org.alliancechain.storage;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * The process that {@link WriteFailureTest} starts under a file size limit: commits blocks until
 * a write fails, then checks that the storage refuses every later write. Prints "ACK height"
 * per commit, then what happened after the failure.
 */
public final class WriteFailureChild {
  private WriteFailureChild() {}

  public static void main(String[] args) throws Exception {
    PrintStream out = System.out;
    Storage storage = Storage.open(Path.of(args[0]), CrashChild.options());
    try {
      storage.commitGenesis(CrashChild.genesis());
      TestChain chain = new TestChain(storage.blocks().tip().orElseThrow());
      long height = 1;
      try {
        for (; height < 100_000; height++) {
          storage.commitBlock(CrashChild.block(chain, height));
          out.println("ACK " + height);
        }
        out.println("NEVER-FAILED");
        return;
      } catch (StorageWriteException e) {
        out.println("WRITE-FAILED " + height + " " + e.getMessage().replace('\n', ' '));
      }
      // A failed commit is never retried on top: the storage stays shut for writes.
      try {
        storage.commitBlock(CrashChild.block(new TestChain(storage.blocks().tip().orElseThrow()),
            height));
        out.println("COMMIT-ACCEPTED-AFTER-FAILURE");
      } catch (StorageWriteException e) {
        out.println("COMMIT-REFUSED");
      }
      try {
        storage.consensusLog().save(List.of(new LogEntry(new byte[] {1}, new byte[] {2})));
        out.println("LOG-ACCEPTED-AFTER-FAILURE");
      } catch (StorageWriteException e) {
        out.println("LOG-REFUSED");
      }
      out.println("TIP " + storage.blocks().tip().orElseThrow().height());
    } finally {
      storage.close();
      out.println("CLOSED");
      out.flush();
    }
  }
}
