package org.alliancechain.node.proposal;

import com.google.protobuf.ByteString;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.alliancechain.node.tx.TransactionId;

/**
 * Blocks this node proposed or validated recently, by hash: what the block builder needs to know
 * about an uncommitted parent (its timestamp, whether it carries transactions) and what the
 * validator needs to refuse a transaction already in an uncommitted ancestor. Bounded.
 */
public final class RecentBlocks {
  private static final int KEPT_BLOCKS = 1024;

  /** What is remembered of one block. */
  public record Summary(long height, ByteString parentHash, long timestampMs, int transactionCount,
      Set<TransactionId> transactionIds) {
    public Summary {
      transactionIds = Set.copyOf(transactionIds);
    }
  }

  private final LinkedHashMap<ByteString, Summary> blocks =
      new LinkedHashMap<>(KEPT_BLOCKS, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ByteString, Summary> eldest) {
          return size() > KEPT_BLOCKS;
        }
      };

  public synchronized void remember(ByteString hash, Summary summary) {
    blocks.put(hash, summary);
  }

  public synchronized Optional<Summary> get(ByteString hash) {
    return Optional.ofNullable(blocks.get(hash));
  }
}
