package org.alliancechain.cli.bench;

import com.google.protobuf.ByteString;
import io.grpc.ManagedChannel;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.alliancechain.proto.v1.SubmitBatchRequest;
import org.alliancechain.proto.v1.SubmitBatchResponse;
import org.alliancechain.proto.v1.SubmitOutcome;
import org.alliancechain.proto.v1.TransactionServiceGrpc;

/**
 * Submits the workload with SubmitBatch over several connections, at a target rate or flat out
 * (bounded by batches in flight per connection). A transaction refused because the mempool is
 * full is submitted again shortly after, so the offered load adapts instead of losing
 * transactions; other refusals are final and counted by code.
 */
final class LoadGenerator {
  private static final long RETRY_DELAY_MS = 50;
  private static final long CALL_TIMEOUT_SECONDS = 30;

  private final List<ManagedChannel> channels;
  private final List<Semaphore> inFlight = new ArrayList<>();
  private final Workload workload;
  private final int batchSize;
  private final double ratePerSecond;
  private final DelayQueue<Retry> retries = new DelayQueue<>();
  final AtomicLongArray submitNanos;
  final AtomicLong accepted = new AtomicLong();
  final AtomicLong refused = new AtomicLong();
  final AtomicLong retried = new AtomicLong();
  final Map<String, String> refusalExamples = new ConcurrentHashMap<>();
  final Map<String, AtomicLong> refusalCounts = new ConcurrentHashMap<>();
  private volatile long startNanos;
  private int nextConnection;

  LoadGenerator(List<ManagedChannel> channels, Workload workload, int batchSize,
      double ratePerSecond, int batchesInFlightPerConnection) {
    this.channels = channels;
    this.workload = workload;
    this.batchSize = batchSize;
    this.ratePerSecond = ratePerSecond;
    this.submitNanos = new AtomicLongArray(workload.size());
    for (int i = 0; i < channels.size(); i++) {
      inFlight.add(new Semaphore(batchesInFlightPerConnection));
    }
  }

  long startNanos() {
    return startNanos;
  }

  /** Submits everything; returns when every transaction is accepted or finally refused. */
  void run() throws InterruptedException {
    startNanos = System.nanoTime();
    List<int[]> batches = workload.batches(batchSize);
    long sentTransactions = 0;
    for (int[] batch : batches) {
      sendRetriesDue();
      if (ratePerSecond > 0) {
        long dueNanos = startNanos + (long) (sentTransactions / ratePerSecond * 1e9);
        long waitNanos = dueNanos - System.nanoTime();
        if (waitNanos > 0) {
          TimeUnit.NANOSECONDS.sleep(waitNanos);
        }
      }
      send(batch);
      sentTransactions += batch.length;
    }
    while (accepted.get() + refused.get() < workload.size()) {
      Retry retry = retries.poll(100, TimeUnit.MILLISECONDS);
      if (retry != null) {
        send(retry.indexes);
      }
    }
  }

  private void sendRetriesDue() throws InterruptedException {
    for (Retry retry = retries.poll(); retry != null; retry = retries.poll()) {
      send(retry.indexes);
    }
  }

  /** Sends on the next connection in turn, once it has a batch fewer than its maximum in flight. */
  private void send(int[] indexes) throws InterruptedException {
    int connection = nextConnection++ % channels.size();
    Semaphore permits = inFlight.get(connection);
    permits.acquire();
    SubmitBatchRequest.Builder request = SubmitBatchRequest.newBuilder();
    for (int index : indexes) {
      request.addTransactions(ByteString.copyFrom(workload.transactions.get(index)));
    }
    long sentNanos = System.nanoTime();
    TransactionServiceGrpc.newStub(channels.get(connection))
        .withDeadlineAfter(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS)
        .submitBatch(request.build(), new StreamObserver<>() {
          @Override
          public void onNext(SubmitBatchResponse response) {
            record(indexes, response, sentNanos);
          }

          @Override
          public void onError(Throwable error) {
            permits.release();
            count("call failed: " + io.grpc.Status.fromThrowable(error).getCode(), String.valueOf(
                io.grpc.Status.fromThrowable(error).getDescription()), false);
            retry(indexes);
          }

          @Override
          public void onCompleted() {
            permits.release();
          }
        });
  }

  private void record(int[] indexes, SubmitBatchResponse response, long sentNanos) {
    List<Integer> again = new ArrayList<>();
    for (int i = 0; i < indexes.length; i++) {
      SubmitOutcome outcome = response.getOutcomes(i);
      int index = indexes[i];
      if (outcome.getAccepted()) {
        submitNanos.set(index, sentNanos);
        accepted.incrementAndGet();
      } else if (outcome.getCode().equals("ALREADY_EXISTS")) {
        // an earlier attempt got through before its call failed: keep that attempt's time
        submitNanos.compareAndSet(index, 0, sentNanos);
        accepted.incrementAndGet();
      } else if (outcome.getCode().equals("RESOURCE_EXHAUSTED")) {
        count(outcome.getCode(), outcome.getMessage(), false);
        again.add(index);
      } else {
        count(outcome.getCode(), outcome.getMessage(), true);
      }
    }
    if (!again.isEmpty()) {
      retry(again.stream().mapToInt(Integer::intValue).toArray());
    }
  }

  private void count(String code, String message, boolean isFinal) {
    refusalCounts.computeIfAbsent(code, key -> new AtomicLong()).incrementAndGet();
    refusalExamples.putIfAbsent(code, message);
    if (isFinal) {
      refused.incrementAndGet();
    }
  }

  private void retry(int[] indexes) {
    retried.addAndGet(indexes.length);
    retries.add(new Retry(indexes, System.nanoTime() + RETRY_DELAY_MS * 1_000_000L));
  }

  private record Retry(int[] indexes, long dueNanos) implements Delayed {
    @Override
    public long getDelay(TimeUnit unit) {
      return unit.convert(dueNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
    }

    @Override
    public int compareTo(Delayed other) {
      return Long.compare(dueNanos, ((Retry) other).dueNanos);
    }
  }
}
