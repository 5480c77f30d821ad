package org.alliancechain.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything that lands on disk, atomically, when a block is committed after its execution.
 *
 * @param block the alliance.v1.Block bytes as agreed; its header gives the height and hash
 * @param certificate the alliance.v1.CommitCertificate bytes for that block's height and hash
 * @param results the alliance.v1.TransactionResult bytes, one per transaction, in block order
 * @param stateChanges what executing the block changed; for one key the last change wins
 */
public record BlockCommit(
    byte[] block, byte[] certificate, List<byte[]> results, List<StateChange> stateChanges) {

  public BlockCommit {
    block = Bytes.copy(block, "block");
    certificate = Bytes.copy(certificate, "certificate");
    Objects.requireNonNull(results, "results");
    List<byte[]> resultsCopy = new ArrayList<>(results.size());
    for (byte[] result : results) {
      resultsCopy.add(Bytes.copy(result, "result"));
    }
    results = List.copyOf(resultsCopy);
    stateChanges = List.copyOf(stateChanges);
  }

  @Override
  public byte[] block() {
    return block.clone();
  }

  @Override
  public byte[] certificate() {
    return certificate.clone();
  }

  /** The results; the arrays are the record's own, not copies: do not modify them. */
  @Override
  public List<byte[]> results() {
    return results;
  }

  byte[] blockUnsafe() {
    return block;
  }

  byte[] certificateUnsafe() {
    return certificate;
  }

  @Override
  public String toString() {
    return "BlockCommit[" + block.length + " block bytes, " + results.size() + " results, "
        + stateChanges.size() + " state changes]";
  }
}
