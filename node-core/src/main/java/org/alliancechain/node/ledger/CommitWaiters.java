package org.alliancechain.node.ledger;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.alliancechain.node.api.NodeServices.CommittedTransaction;
import org.alliancechain.node.tx.TransactionId;

/**
 * Clients waiting for their transactions to commit. A waiter that gives up (its future completes
 * exceptionally, e.g. by {@code orTimeout}) is forgotten, so abandoned waits do not pile up.
 */
final class CommitWaiters {
  private final Map<TransactionId, Set<CompletableFuture<CommittedTransaction>>> waiting =
      new HashMap<>();

  synchronized CompletableFuture<CommittedTransaction> register(TransactionId id) {
    CompletableFuture<CommittedTransaction> future = new CompletableFuture<>();
    waiting.computeIfAbsent(id, key -> new HashSet<>()).add(future);
    future.whenComplete((result, failure) -> {
      if (failure != null) {
        forget(id, future);
      }
    });
    return future;
  }

  void complete(CommittedTransaction committed) {
    Set<CompletableFuture<CommittedTransaction>> futures;
    synchronized (this) {
      if (waiting.isEmpty()) {
        return;
      }
      futures = waiting.remove(committed.id());
    }
    if (futures != null) {
      futures.forEach(future -> future.complete(committed));
    }
  }

  private synchronized void forget(TransactionId id,
      CompletableFuture<CommittedTransaction> future) {
    Set<CompletableFuture<CommittedTransaction>> futures = waiting.get(id);
    if (futures != null && futures.remove(future) && futures.isEmpty()) {
      waiting.remove(id);
    }
  }

  synchronized int size() {
    return waiting.size();
  }
}
