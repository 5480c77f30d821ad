package org.alliancechain.cli.bench;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.Context;
import io.grpc.ManagedChannel;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.alliancechain.cli.client.TransactionFactory;
import org.alliancechain.crypto.HashAlgorithm;
import org.alliancechain.proto.v1.BlockEvent;
import org.alliancechain.proto.v1.QueryServiceGrpc;
import org.alliancechain.proto.v1.StreamBlocksRequest;
import org.alliancechain.proto.v1.TransactionResult;

/**
 * Follows one node's committed blocks (StreamBlocks) and stamps the commit time of each bench
 * transaction. A broken stream is resumed from the height after the last block received, as the
 * API promises, so no block is missed.
 */
final class CommitTracker {
  private static final long RESUME_DELAY_MS = 500;

  private final ManagedChannel channel;
  private final Workload workload;
  private final HashAlgorithm hash;
  private final ScheduledExecutorService scheduler;
  final AtomicLongArray commitNanos;
  final AtomicLong committed = new AtomicLong();
  final AtomicLong blocks = new AtomicLong();
  private final AtomicLong nextHeight = new AtomicLong();
  private volatile Context.CancellableContext call;
  private volatile boolean stopped;

  CommitTracker(ManagedChannel channel, Workload workload, HashAlgorithm hash,
      ScheduledExecutorService scheduler) {
    this.channel = channel;
    this.workload = workload;
    this.hash = hash;
    this.scheduler = scheduler;
    this.commitNanos = new AtomicLongArray(workload.size());
  }

  void start(long fromHeight) {
    nextHeight.set(fromHeight);
    open();
  }

  private void open() {
    if (stopped) {
      return;
    }
    Context.CancellableContext context = Context.current().withCancellation();
    call = context;
    context.run(() -> QueryServiceGrpc.newStub(channel).streamBlocks(
        StreamBlocksRequest.newBuilder().setFromHeight(nextHeight.get()).build(), new Observer()));
  }

  void stop() {
    stopped = true;
    Context.CancellableContext context = call;
    if (context != null) {
      context.cancel(null);
    }
  }

  private final class Observer implements StreamObserver<BlockEvent> {
    @Override
    public void onNext(BlockEvent event) {
      long now = System.nanoTime();
      blocks.incrementAndGet();
      if (event.getResultsCount() > 0) {
        for (ByteString result : event.getResultsList()) {
          stamp(idOfResult(result), now);
        }
      } else {
        for (ByteString transaction : event.getBlock().getBlock().getTransactionsList()) {
          stamp(TransactionFactory.idOf(hash, transaction.toByteArray()), now);
        }
      }
      nextHeight.set(height(event) + 1);
    }

    @Override
    public void onError(Throwable error) {
      if (!stopped) {
        scheduler.schedule(CommitTracker.this::open, RESUME_DELAY_MS, TimeUnit.MILLISECONDS);
      }
    }

    @Override
    public void onCompleted() {
      onError(null);
    }
  }

  private void stamp(ByteString id, long now) {
    Integer index = id == null ? null : workload.indexOfId.get(id);
    if (index != null && commitNanos.compareAndSet(index, 0, now)) {
      committed.incrementAndGet();
    }
  }

  private static ByteString idOfResult(ByteString result) {
    try {
      return TransactionResult.parseFrom(result).getTransactionId();
    } catch (InvalidProtocolBufferException e) {
      return null;
    }
  }

  private static long height(BlockEvent event) {
    return event.getBlock().getCertificate().getHeight();
  }
}
