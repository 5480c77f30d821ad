package org.alliancechain.consensus;

import java.util.List;
import java.util.Objects;
import org.alliancechain.consensus.message.CommittedBlock;

/**
 * What the host loads at start: the committed tip from block storage (null on a fresh chain,
 * whose tip is the genesis hash at height 0) and every entry of the consensus-log column family
 * in key order.
 *
 * @param committedTip the highest committed block with its commit certificate, or null
 * @param log the durable consensus log as {@code loadAll()} returns it
 */
public record RestoredState(CommittedBlock committedTip, List<LogEntry> log) {
  public RestoredState {
    Objects.requireNonNull(log, "log");
    log = List.copyOf(log);
  }

  /** A node that has never run: nothing committed, an empty log. */
  public static RestoredState fresh() {
    return new RestoredState(null, List.of());
  }
}
