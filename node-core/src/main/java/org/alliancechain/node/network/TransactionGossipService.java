package org.alliancechain.node.network;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.alliancechain.node.admission.TransactionAdmission;
import org.alliancechain.node.tx.Transaction;
import org.alliancechain.proto.v1.TransactionGossip;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forwards transactions admitted from clients to the validators, in batches (every few
 * milliseconds or every few hundred transactions), and admits the batches peers forward. A
 * transaction received by gossip is checked once here, like a client's, and never forwarded
 * again: in a full mesh the node that admitted it already sent it to everyone.
 */
final class TransactionGossipService implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(TransactionGossipService.class);
  private static final int BATCH_TRANSACTIONS_MAX = 500;
  private static final long FLUSH_INTERVAL_MS = 5;

  private final TransactionAdmission admission;
  private final Runnable afterAdmitted;
  private final Consumer<byte[]> broadcast;
  private final ExecutorService admissionWorkers;
  private final List<ByteString> pending = new ArrayList<>();
  private final ScheduledExecutorService scheduler;
  private boolean flushScheduled;

  TransactionGossipService(TransactionAdmission admission, Runnable afterAdmitted,
      Consumer<byte[]> broadcast, ExecutorService admissionWorkers,
      ScheduledExecutorService scheduler) {
    this.admission = admission;
    this.afterAdmitted = afterAdmitted;
    this.broadcast = broadcast;
    this.admissionWorkers = admissionWorkers;
    this.scheduler = scheduler;
  }

  /** Queues admitted client transactions for the next gossip batch. */
  void forward(List<Transaction> admitted) {
    List<ByteString> full = null;
    synchronized (this) {
      for (Transaction transaction : admitted) {
        pending.add(transaction.encoded());
      }
      if (pending.size() >= BATCH_TRANSACTIONS_MAX) {
        full = drain();
      } else if (!flushScheduled && !pending.isEmpty()) {
        flushScheduled = true;
        scheduler.schedule(this::flush, FLUSH_INTERVAL_MS, TimeUnit.MILLISECONDS);
      }
    }
    if (full != null) {
      send(full);
    }
  }

  /** A peer's batch: admitted off the network thread; dropped (and logged) under overload. */
  void received(String peerId, byte[] payload) {
    TransactionGossip gossip;
    try {
      gossip = TransactionGossip.parseFrom(payload);
    } catch (InvalidProtocolBufferException e) {
      log.info("dropped transaction gossip from {} that does not parse: {}", peerId, e.getMessage());
      return;
    }
    try {
      admissionWorkers.execute(() -> {
        admission.admit(gossip.getTransactionsList());
        afterAdmitted.run();
      });
    } catch (RejectedExecutionException e) {
      log.debug("dropped {} gossiped transactions from {}: admission is saturated",
          gossip.getTransactionsCount(), peerId);
    }
  }

  /** Sends {@code transactions} through {@code send} in gossip batches. */
  void sendAll(List<Transaction> transactions, Consumer<byte[]> send) {
    for (int from = 0; from < transactions.size(); from += BATCH_TRANSACTIONS_MAX) {
      send.accept(encode(transactions.subList(from,
          Math.min(transactions.size(), from + BATCH_TRANSACTIONS_MAX)).stream()
          .map(Transaction::encoded).toList()));
    }
  }

  private void flush() {
    List<ByteString> batch;
    synchronized (this) {
      flushScheduled = false;
      batch = drain();
    }
    if (!batch.isEmpty()) {
      send(batch);
    }
  }

  private List<ByteString> drain() {
    List<ByteString> batch = new ArrayList<>(pending);
    pending.clear();
    return batch;
  }

  private void send(List<ByteString> batch) {
    broadcast.accept(encode(batch));
  }

  private static byte[] encode(List<ByteString> batch) {
    return TransactionGossip.newBuilder().addAllTransactions(batch).build().toByteArray();
  }

  @Override
  public void close() {
    flush();
  }
}
