package org.alliancechain.node.api;

import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.alliancechain.proto.v1.BlockEvent;
import org.alliancechain.storage.ChainTip;
import org.alliancechain.storage.Storage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One StreamBlocks call. A single cursor walks the stored chain height by height, so the stream
 * has no gaps and no duplicates whether a block was stored before the call or while it runs;
 * new blocks and the client's readiness only wake the cursor up. It sends only while the
 * transport is ready, so a slow client holds at most gRPC's flow-control window here, never a
 * queue of blocks. The cursor runs on the service executor, one wake-up at a time.
 */
final class BlockStream implements OpenCalls.Call, Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(BlockStream.class);

  private final Storage storage;
  private final BlockReader reader;
  private final Executor executor;
  private final ServerCallStreamObserver<BlockEvent> responses;
  private final OpenCalls open;
  /** Wake-ups not yet handled; the one that raises it from 0 schedules the cursor. */
  private final AtomicInteger wakeUps = new AtomicInteger();
  private volatile Status endWith;
  private volatile boolean ended;
  private AutoCloseable subscription;
  private boolean released;
  /** The next height to send; only the cursor writes it. */
  private volatile long nextHeight;

  BlockStream(Storage storage, BlockReader reader, Executor executor,
      ServerCallStreamObserver<BlockEvent> responses, OpenCalls open, long fromHeight) {
    this.storage = storage;
    this.reader = reader;
    this.executor = executor;
    this.responses = responses;
    this.open = open;
    this.nextHeight = Math.max(1, fromHeight);
  }

  /** Starts the stream; must run inside the service method (it sets the handlers). */
  void start(NodeServices node) {
    responses.setOnReadyHandler(this::wakeUp);
    responses.setOnCancelHandler(this::cancelled);
    if (!open.add(this)) {
      return;
    }
    // Subscribe before the first read of the tip: a block stored in between still wakes us.
    AutoCloseable subscribed = node.onBlockStored(height -> wakeUp());
    synchronized (this) {
      subscription = subscribed;
    }
    if (ended) {
      release();
    }
    wakeUp();
  }

  /** Schedules the cursor; runs on any thread, the node's committing thread included. */
  private void wakeUp() {
    if (wakeUps.getAndIncrement() == 0) {
      try {
        executor.execute(this);
      } catch (RejectedExecutionException e) {
        // The server has shut its executor down: nobody will send again, stop listening.
        ended = true;
        release();
      }
    }
  }

  @Override
  public void run() {
    int handled = 1;
    do {
      drain();
      handled = wakeUps.addAndGet(-handled);
    } while (handled != 0);
  }

  private void drain() {
    if (ended) {
      return;
    }
    Status ending = endWith;
    if (ending != null) {
      stop();
      responses.onError(ending.asRuntimeException());
      return;
    }
    try {
      long tip = storage.blocks().tip().map(ChainTip::height).orElse(0L);
      while (nextHeight <= tip && responses.isReady() && endWith == null) {
        long height = nextHeight;
        BlockEvent event = reader.read(height).orElseThrow(() -> new IllegalStateException(
            "block " + height + " is at or below the tip " + tip + " but not stored"));
        responses.onNext(event);
        nextHeight = height + 1;
      }
    } catch (Exception e) {
      stop();
      if (!responses.isCancelled()) {
        ApiErrors.fail(responses, e, "StreamBlocks");
      }
    }
  }

  /** Ends the stream from another thread (server shutdown); the cursor sends the status. */
  @Override
  public void end(Status status) {
    endWith = status.augmentDescription("resume with from_height " + nextHeight);
    wakeUp();
  }

  private void cancelled() {
    LOG.debug("block stream cancelled by the client at height {}", nextHeight);
    ended = true;
    release();
  }

  private void stop() {
    ended = true;
    release();
  }

  private void release() {
    open.remove(this);
    AutoCloseable current;
    synchronized (this) {
      if (released || subscription == null) {
        return;
      }
      released = true;
      current = subscription;
    }
    try {
      current.close();
    } catch (Exception e) {
      LOG.warn("could not unsubscribe a block stream from new blocks", e);
    }
  }
}
