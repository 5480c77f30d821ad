package org.alliancechain.node.proposal;

import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.alliancechain.node.tx.TransactionId;

/**
 * Blocks this node proposed or validated recently, by hash: what the block builder needs to know
 * about an uncommitted parent (its timestamp, whether it carries transactions) and what the
 * validator needs to refuse a transaction already in an uncommitted ancestor. Bounded.
 *
 * <p>A block's transaction ids are kept only until its height is executed: from then on the
 * storage's transaction index answers for them. Keeping them for all the remembered blocks held
 * about 200,000 ids per validator at 2,000 tx/s, each living long enough to be promoted and
 * later collected from the old generation.
 */
public final class RecentBlocks {
  private static final int KEPT_BLOCKS = 1024;

  /** What is remembered of one block. */
  public record Summary(long height, ByteString parentHash, long timestampMs, int transactionCount,
      Set<TransactionId> transactionIds) {
    public Summary {
      transactionIds = Set.copyOf(transactionIds);
    }

    private Summary withoutTransactionIds() {
      return new Summary(height, parentHash, timestampMs, transactionCount, Set.of());
    }
  }

  private final LinkedHashMap<ByteString, Summary> blocks =
      new LinkedHashMap<>(KEPT_BLOCKS, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ByteString, Summary> eldest) {
          return size() > KEPT_BLOCKS;
        }
      };
  /** The blocks whose summary still holds transaction ids, by height. */
  private final TreeMap<Long, List<ByteString>> holdingIds = new TreeMap<>();
  private long executedHeight;

  public synchronized void remember(ByteString hash, Summary summary) {
    if (summary.transactionIds().isEmpty()) {
      blocks.put(hash, summary);
    } else if (summary.height() <= executedHeight) {
      blocks.put(hash, summary.withoutTransactionIds());
    } else {
      blocks.put(hash, summary);
      holdingIds.computeIfAbsent(summary.height(), height -> new ArrayList<>(1)).add(hash);
    }
  }

  public synchronized Optional<Summary> get(ByteString hash) {
    return Optional.ofNullable(blocks.get(hash));
  }

  /**
   * The ledger executed every height up to {@code height}: the summaries at those heights no
   * longer need their transaction ids (any block at such a height, committed or not).
   */
  public synchronized void executed(long height) {
    executedHeight = Math.max(executedHeight, height);
    while (!holdingIds.isEmpty() && holdingIds.firstKey() <= executedHeight) {
      for (ByteString hash : holdingIds.pollFirstEntry().getValue()) {
        blocks.computeIfPresent(hash, (key, summary) -> summary.withoutTransactionIds());
      }
    }
  }
}
