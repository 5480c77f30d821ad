package org.alliancechain.node.mempool;

import org.alliancechain.config.MempoolLimits;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.alliancechain.crypto.PublicKey;
import org.alliancechain.node.tx.Transaction;
import org.alliancechain.node.tx.TransactionId;

/**
 * Admitted transactions waiting for a block. Bounded by count, bytes and per-sender count;
 * deduplicated by id; block selection takes one transaction per sender in turn, so one busy
 * sender cannot starve the others. Transactions taken for a proposal are reserved (not offered
 * again) until committed or released. Thread-safe.
 */
public final class Mempool {
  private final MempoolLimits limits;
  private final Map<TransactionId, Entry> entries = new HashMap<>();
  /** Unreserved transactions per sender, oldest first; senders in round-robin order. */
  private final LinkedHashMap<PublicKey, ArrayDeque<Entry>> waiting = new LinkedHashMap<>();
  private final Map<Long, List<Entry>> reservedByHeight = new HashMap<>();
  /**
   * Ids by expiry height, for {@link #removeExpired}. A removed transaction's id stays until its
   * height comes or the index is compacted (once its ids outnumber twice the live entries).
   */
  private final TreeMap<Long, List<TransactionId>> byExpiry = new TreeMap<>();
  private int expiryIds;
  private final Map<PublicKey, Integer> perSender = new HashMap<>();
  /** Ids of committed blocks not yet executed: still duplicates, though no longer held. */
  private final TreeMap<Long, Collection<TransactionId>> committedUnexecuted = new TreeMap<>();
  private final Set<TransactionId> committedUnexecutedIds = new HashSet<>();
  /**
   * Ids of a validated proposal that this mempool did not hold yet, by height: one arriving
   * later (gossip is slower than the proposal) is reserved for that height on arrival, not
   * offered to this node's next proposal, which would repeat a block that may still commit.
   */
  private final Map<Long, List<TransactionId>> expectedByHeight = new HashMap<>();
  private final Map<TransactionId, Long> expectedHeight = new HashMap<>();
  /** The highest height {@link #removeCommitted} has seen: nothing is expected at or below it. */
  private long committedHeight = -1;
  /** The highest height {@link #executed} has seen: ids of blocks up to it are forgotten here. */
  private long forgottenThrough = -1;
  private long bytes;
  private int reserved;
  /** Removed entries still sitting in a sender's queue (see {@link #remove}). */
  private int deadQueued;
  /** Below this many dead queued entries the queues are not worth compacting. */
  private static final int COMPACT_MIN = 1024;

  private static final class Entry {
    final Transaction transaction;
    long reservedHeight = -1;
    boolean removed;
    /** Whether the entry sits in its sender's queue (so it is never queued twice). */
    boolean queued;

    Entry(Transaction transaction) {
      this.transaction = transaction;
    }
  }

  public Mempool(MempoolLimits limits) {
    this.limits = limits;
  }

  public synchronized AddResult add(Transaction transaction) {
    if (contains(transaction.id())) {
      return AddResult.DUPLICATE;
    }
    if (entries.size() >= limits.transactionsMax()) {
      return AddResult.FULL_TRANSACTIONS;
    }
    if (bytes + transaction.sizeBytes() > limits.bytesMax()) {
      return AddResult.FULL_BYTES;
    }
    int senderCount = perSender.getOrDefault(transaction.sender(), 0);
    if (senderCount >= limits.perSenderMax()) {
      return AddResult.SENDER_LIMIT;
    }
    Entry entry = new Entry(transaction);
    entries.put(transaction.id(), entry);
    Long expectedAt = expectedHeight.remove(transaction.id());
    if (expectedAt != null) {
      entry.reservedHeight = expectedAt;
      reservedByHeight.computeIfAbsent(expectedAt, h -> new ArrayList<>()).add(entry);
      reserved++;
    } else {
      waiting.computeIfAbsent(transaction.sender(), sender -> new ArrayDeque<>()).addLast(entry);
      entry.queued = true;
    }
    byExpiry.computeIfAbsent(transaction.expiryHeight(), height -> new ArrayList<>())
        .add(transaction.id());
    expiryIds++;
    perSender.put(transaction.sender(), senderCount + 1);
    bytes += transaction.sizeBytes();
    return AddResult.ADDED;
  }

  /**
   * The highest height whose transaction ids this mempool has forgotten (the ledger's index
   * answers for them): if it moved while a transaction was being admitted, only the index can
   * tell whether that transaction committed meanwhile.
   */
  public synchronized long forgottenThrough() {
    return forgottenThrough;
  }

  /** Drops a held transaction (admission found it committed after all); no-op if absent. */
  public synchronized void discard(TransactionId id) {
    remove(entries.get(id));
  }

  /** Whether the id is waiting, reserved, or committed in a block not yet executed. */
  public synchronized boolean contains(TransactionId id) {
    return entries.containsKey(id) || committedUnexecutedIds.contains(id);
  }

  public synchronized Optional<Transaction> get(TransactionId id) {
    Entry entry = entries.get(id);
    return entry == null ? Optional.empty() : Optional.of(entry.transaction);
  }

  /** Every transaction held, waiting or reserved for a proposal, in no particular order. */
  public synchronized List<Transaction> snapshot() {
    List<Transaction> all = new ArrayList<>(entries.size());
    for (Entry entry : entries.values()) {
      all.add(entry.transaction);
    }
    return all;
  }

  /** Whether any transaction waits for a block (reserved ones excluded). */
  public synchronized boolean hasWaiting() {
    return entries.size() > reserved;
  }

  /**
   * Takes transactions for a proposal at {@code height}: one per sender in turn, within the
   * count and byte limits, skipping (and dropping) any that expire before {@code height}, and
   * reserves them until {@link #removeCommitted} or
   * {@link #release}.
   */
  public synchronized List<Transaction> reserve(long height, int maxCount, long maxBytes) {
    List<Transaction> taken = new ArrayList<>();
    List<Entry> reservedNow = reservedByHeight.computeIfAbsent(height, h -> new ArrayList<>());
    long takenBytes = 0;
    boolean progress = true;
    while (progress && taken.size() < maxCount) {
      progress = false;
      Iterator<Map.Entry<PublicKey, ArrayDeque<Entry>>> senders = waiting.entrySet().iterator();
      List<PublicKey> served = new ArrayList<>();
      while (senders.hasNext() && taken.size() < maxCount) {
        Map.Entry<PublicKey, ArrayDeque<Entry>> sender = senders.next();
        Entry next = pollLive(sender.getValue());
        if (next == null) {
          senders.remove();
          continue;
        }
        if (next.transaction.expiryHeight() < height) {
          remove(next);
          progress = true;
          continue;
        }
        if (takenBytes + next.transaction.sizeBytes() > maxBytes) {
          sender.getValue().addFirst(next);
          next.queued = true;
          continue;
        }
        next.reservedHeight = height;
        reservedNow.add(next);
        reserved++;
        taken.add(next.transaction);
        takenBytes += next.transaction.sizeBytes();
        served.add(sender.getKey());
        progress = true;
      }
      rotateToBack(served);
    }
    return taken;
  }

  /**
   * Reserves the listed transactions for another validator's proposal at {@code height}, which
   * this node validated: a later proposal of this node must not repeat them while that block
   * may still commit. Those this mempool does not hold yet are reserved when they arrive, until
   * the height commits or is released.
   */
  public synchronized void reserveIds(long height, Collection<TransactionId> ids) {
    List<Entry> reservedNow = null;
    for (TransactionId id : ids) {
      Entry entry = entries.get(id);
      if (entry == null) {
        if (height > committedHeight && !committedUnexecutedIds.contains(id)
            && expectedHeight.putIfAbsent(id, height) == null) {
          expectedByHeight.computeIfAbsent(height, h -> new ArrayList<>()).add(id);
        }
        continue;
      }
      if (entry.reservedHeight >= 0) {
        continue;
      }
      if (reservedNow == null) {
        reservedNow = reservedByHeight.computeIfAbsent(height, h -> new ArrayList<>());
      }
      // Left in its sender's queue: the queue skips it while reserved (pollLive).
      entry.reservedHeight = height;
      reservedNow.add(entry);
      reserved++;
    }
  }

  /** A proposal at {@code height} was abandoned: its transactions wait again, in front. */
  public synchronized void release(long height) {
    List<TransactionId> expected = expectedByHeight.remove(height);
    if (expected != null) {
      for (TransactionId id : expected) {
        expectedHeight.remove(id, height);
      }
    }
    List<Entry> released = reservedByHeight.remove(height);
    if (released == null) {
      return;
    }
    for (int i = released.size() - 1; i >= 0; i--) {
      Entry entry = released.get(i);
      if (!entry.removed) {
        entry.reservedHeight = -1;
        reserved--;
        if (!entry.queued) {
          waiting.computeIfAbsent(entry.transaction.sender(), s -> new ArrayDeque<>())
              .addFirst(entry);
          entry.queued = true;
        }
      }
    }
  }

  /**
   * Drops transactions a committed block contained, and forgets that height's reservation. Until
   * {@link #executed} reaches the height, their ids still count as present, so a resubmission
   * in between is refused as a duplicate.
   */
  public synchronized void removeCommitted(long height, Collection<TransactionId> ids) {
    committedHeight = Math.max(committedHeight, height);
    for (TransactionId id : ids) {
      remove(entries.get(id));
    }
    if (!committedUnexecuted.containsKey(height)) {
      committedUnexecuted.put(height, List.copyOf(ids));
      committedUnexecutedIds.addAll(ids);
    }
    release(height);
    // Committed ids would otherwise stay in the expiry index for the whole transaction
    // lifetime: with a lifetime of many blocks under load, an unbounded set. Rebuilding it from
    // the live entries once the dead dominate costs O(1) amortized per removal.
    if (expiryIds > Math.max(COMPACT_MIN, 2 * entries.size())) {
      compactExpiry();
    }
  }

  /** Ids in the expiry index, live or not: what it keeps reachable. */
  synchronized int expiryIndexSize() {
    return expiryIds;
  }

  private void compactExpiry() {
    byExpiry.clear();
    for (Entry entry : entries.values()) {
      byExpiry.computeIfAbsent(entry.transaction.expiryHeight(), height -> new ArrayList<>())
          .add(entry.transaction.id());
    }
    expiryIds = entries.size();
  }

  /** The ledger stored every block up to {@code height}: its index now answers for them. */
  public synchronized void executed(long height) {
    forgottenThrough = Math.max(forgottenThrough, height);
    while (!committedUnexecuted.isEmpty() && committedUnexecuted.firstKey() <= height) {
      // One remove per id: Set.removeAll(List) may call List.contains per element, O(n * m).
      for (TransactionId id : committedUnexecuted.pollFirstEntry().getValue()) {
        committedUnexecutedIds.remove(id);
      }
    }
  }

  /** Drops every transaction whose expiry height is below {@code nextHeight}; returns how many. */
  public synchronized int removeExpired(long nextHeight) {
    int removedCount = 0;
    while (!byExpiry.isEmpty() && byExpiry.firstKey() < nextHeight) {
      List<TransactionId> expired = byExpiry.pollFirstEntry().getValue();
      expiryIds -= expired.size();
      for (TransactionId id : expired) {
        Entry entry = entries.get(id);
        if (entry != null && entry.reservedHeight < 0) {
          remove(entry);
          removedCount++;
        }
      }
    }
    return removedCount;
  }

  public synchronized MempoolStats stats() {
    return new MempoolStats(entries.size(), bytes, reserved, perSender.size(), limits);
  }

  private void remove(Entry entry) {
    if (entry == null || entry.removed) {
      return;
    }
    entry.removed = true;
    Transaction transaction = entry.transaction;
    entries.remove(transaction.id());
    bytes -= transaction.sizeBytes();
    if (entry.reservedHeight >= 0) {
      reserved--;
    }
    perSender.computeIfPresent(transaction.sender(), (sender, count) -> count > 1 ? count - 1 : null);
    // A queued entry stays in its sender's queue and is skipped when reached (pollLive):
    // removing it from the middle of a queue would cost O(queue) per committed transaction. But
    // only a primary's block builder polls the queues, so on a backup they would keep every
    // committed transaction forever: once the dead outnumber the live, the queues are compacted,
    // O(1) amortized per removal.
    if (entry.queued) {
      deadQueued++;
      if (deadQueued > Math.max(COMPACT_MIN, entries.size())) {
        compactQueues();
      }
    }
  }

  /** Entries in the senders' queues, live or dead: what the queues keep reachable. */
  synchronized int queuedEntries() {
    return waiting.values().stream().mapToInt(ArrayDeque::size).sum();
  }

  private void compactQueues() {
    Iterator<ArrayDeque<Entry>> queues = waiting.values().iterator();
    while (queues.hasNext()) {
      ArrayDeque<Entry> queue = queues.next();
      queue.removeIf(entry -> {
        if (entry.removed) {
          entry.queued = false;
          return true;
        }
        return false;
      });
      if (queue.isEmpty()) {
        queues.remove();
      }
    }
    deadQueued = 0;
  }

  private Entry pollLive(ArrayDeque<Entry> queue) {
    Entry entry;
    while ((entry = queue.pollFirst()) != null) {
      entry.queued = false;
      if (entry.removed) {
        deadQueued--;
      } else if (entry.reservedHeight < 0) {
        return entry;
      }
      // skip transactions committed, or reserved for another node's proposal: release() puts a
      // released one back in front
    }
    return null;
  }

  private void rotateToBack(List<PublicKey> served) {
    for (PublicKey sender : served) {
      ArrayDeque<Entry> queue = waiting.remove(sender);
      if (queue != null && !queue.isEmpty()) {
        waiting.put(sender, queue);
      }
    }
  }
}
