package org.alliancechain.node.api;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.alliancechain.node.api.NodeServices.CommittedTransaction;
import org.alliancechain.node.tx.TransactionId;
import org.alliancechain.proto.v1.SubmitResponse;
import org.alliancechain.proto.v1.TransactionResult;
import org.alliancechain.storage.Storage;
import org.alliancechain.storage.StorageException;
import org.alliancechain.storage.TransactionLocation;

/**
 * One Submit call waiting for its transaction's commit: answers with the height and result when
 * the node reports the commit, DEADLINE_EXCEEDED when the wait times out, UNAVAILABLE when the
 * server shuts down, and nothing when the client cancels. Exactly one of these happens.
 */
final class CommitWait implements OpenCalls.Call {
  private final TransactionId id;
  private final long timeoutMs;
  private final long expiryHeight;
  private final ServerCallStreamObserver<SubmitResponse> responses;
  private final OpenCalls open;
  private final AtomicBoolean done = new AtomicBoolean();
  private volatile ScheduledFuture<?> timeout;
  private volatile CompletableFuture<CommittedTransaction> commit;

  CommitWait(TransactionId id, long timeoutMs, long expiryHeight,
      ServerCallStreamObserver<SubmitResponse> responses, OpenCalls open) {
    this.id = id;
    this.timeoutMs = timeoutMs;
    this.expiryHeight = expiryHeight;
    this.responses = responses;
    this.open = open;
  }

  /** Starts waiting; must run inside the service method (it sets the cancel handler). */
  void start(NodeServices node, Executor executor, ScheduledExecutorService timer) {
    responses.setOnCancelHandler(() -> finish(null, null));
    if (!open.add(this)) {
      return;
    }
    try {
      timeout = timer.schedule(this::timedOut, timeoutMs, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      end(Status.UNAVAILABLE.withDescription("the server is shutting down"));
      return;
    }
    // Answer on the service executor, never on the node's committing thread.
    commit = node.awaitCommit(id);
    if (done.get()) {
      commit.cancel(false);
      return;
    }
    commit.whenCompleteAsync((committed, failure) -> {
      if (done.get()) {
        return;
      }
      if (failure != null) {
        finish(null, ApiErrors.statusOf(failure, "Submit"));
      } else {
        finish(committed, null);
      }
    }, executor);
    // The commit may have been stored between admission and awaitCommit.
    try {
      alreadyCommitted(node.storage()).ifPresent(committed -> finish(committed, null));
    } catch (StorageException e) {
      finish(null, ApiErrors.statusOf(e, "Submit"));
    }
  }

  private Optional<CommittedTransaction> alreadyCommitted(Storage storage) throws StorageException {
    Optional<TransactionLocation> location = storage.blocks().locate(id.toByteArray());
    if (location.isEmpty()) {
      return Optional.empty();
    }
    long height = location.get().height();
    int index = location.get().index();
    return storage.blocks().result(height, index).map(result ->
        new CommittedTransaction(id, height, index, ByteString.copyFrom(result)));
  }

  private void timedOut() {
    finish(null, Status.DEADLINE_EXCEEDED.withDescription("transaction " + id + " was admitted"
        + " but not committed within " + timeoutMs + " ms; it may still commit up to its expiry"
        + " height " + expiryHeight + ": ask GetTransaction for it"));
  }

  @Override
  public void end(Status status) {
    finish(null, status.augmentDescription("transaction " + id
        + " was admitted and may still commit: ask GetTransaction for it"));
  }

  /** Answers with {@code committed}, or fails with {@code failure}; both null = cancelled. */
  private void finish(CommittedTransaction committed, Status failure) {
    if (!done.compareAndSet(false, true)) {
      return;
    }
    open.remove(this);
    ScheduledFuture<?> pending = timeout;
    if (pending != null) {
      pending.cancel(false);
    }
    CompletableFuture<CommittedTransaction> awaited = commit;
    if (committed == null && awaited != null) {
      // Giving up tells the node to forget this waiter (NodeServices.awaitCommit).
      awaited.cancel(false);
    }
    if (responses.isCancelled()) {
      return;
    }
    if (committed != null) {
      respond(committed);
    } else if (failure != null) {
      responses.onError(failure.asRuntimeException());
    }
  }

  private void respond(CommittedTransaction committed) {
    TransactionResult result;
    try {
      result = TransactionResult.parseFrom(committed.result());
    } catch (InvalidProtocolBufferException e) {
      ApiErrors.fail(responses, e, "Submit");
      return;
    }
    responses.onNext(SubmitResponse.newBuilder()
        .setTransactionId(id.bytes())
        .setHeight(committed.height())
        .setResult(result)
        .build());
    responses.onCompleted();
  }
}
