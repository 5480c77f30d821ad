package org.alliancechain.node.api;

import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import org.alliancechain.node.admission.AdmissionOutcome;
import org.alliancechain.proto.v1.SubmitBatchRequest;
import org.alliancechain.proto.v1.SubmitBatchResponse;
import org.alliancechain.proto.v1.SubmitOutcome;
import org.alliancechain.proto.v1.SubmitRequest;
import org.alliancechain.proto.v1.SubmitResponse;
import org.alliancechain.proto.v1.TransactionServiceGrpc;

/**
 * Submit and SubmitBatch: admission through the node, refusals mapped to the status codes
 * api.proto documents, and waits for commit that hold no thread.
 */
final class TransactionApi extends TransactionServiceGrpc.TransactionServiceImplBase {
  static final int BATCH_TRANSACTIONS_MAX = 10_000;
  static final long WAIT_TIMEOUT_MS_DEFAULT = 10_000;
  static final long WAIT_TIMEOUT_MS_MAX = 120_000;

  private final NodeServices node;
  private final Executor executor;
  private final ScheduledExecutorService timer;
  private final OpenCalls open;

  TransactionApi(NodeServices node, Executor executor, ScheduledExecutorService timer,
      OpenCalls open) {
    this.node = node;
    this.executor = executor;
    this.timer = timer;
    this.open = open;
  }

  @Override
  public void submit(SubmitRequest request, StreamObserver<SubmitResponse> responses) {
    long timeoutMs = Integer.toUnsignedLong(request.getWaitTimeoutMs());
    if (timeoutMs > WAIT_TIMEOUT_MS_MAX) {
      responses.onError(ApiErrors.invalidArgument("wait_timeout_ms " + timeoutMs + " is above"
          + " the server's maximum of " + WAIT_TIMEOUT_MS_MAX + " ms; for longer waits submit"
          + " without waiting and ask GetTransaction later"));
      return;
    }
    if (request.getTransaction().isEmpty()) {
      responses.onError(ApiErrors.invalidArgument("transaction is empty: expected the bytes of"
          + " a SignedTransaction"));
      return;
    }
    AdmissionOutcome outcome;
    try {
      outcome = node.submit(List.of(request.getTransaction())).get(0);
    } catch (RuntimeException e) {
      ApiErrors.fail(responses, e, "Submit");
      return;
    }
    if (!outcome.accepted()) {
      responses.onError(RefusalCodes.status(outcome).asRuntimeException());
      return;
    }
    if (!request.getWaitForCommit()) {
      responses.onNext(SubmitResponse.newBuilder().setTransactionId(outcome.id().bytes()).build());
      responses.onCompleted();
      return;
    }
    new CommitWait(outcome.id(), timeoutMs == 0 ? WAIT_TIMEOUT_MS_DEFAULT : timeoutMs,
        outcome.transaction().expiryHeight(),
        (ServerCallStreamObserver<SubmitResponse>) responses, open)
        .start(node, executor, timer);
  }

  @Override
  public void submitBatch(SubmitBatchRequest request,
      StreamObserver<SubmitBatchResponse> responses) {
    if (request.getTransactionsCount() > BATCH_TRANSACTIONS_MAX) {
      responses.onError(ApiErrors.invalidArgument("a batch holds at most "
          + BATCH_TRANSACTIONS_MAX + " transactions, this one " + request.getTransactionsCount()
          + ": split it"));
      return;
    }
    ApiErrors.respond(responses, "SubmitBatch", () -> {
      List<AdmissionOutcome> outcomes = node.submit(request.getTransactionsList());
      SubmitBatchResponse.Builder response = SubmitBatchResponse.newBuilder();
      for (AdmissionOutcome outcome : outcomes) {
        response.addOutcomes(outcomeOf(outcome));
      }
      return response.build();
    });
  }

  private static SubmitOutcome outcomeOf(AdmissionOutcome outcome) {
    SubmitOutcome.Builder built = SubmitOutcome.newBuilder()
        .setAccepted(outcome.accepted())
        .setCode(outcome.accepted() ? Status.Code.OK.name()
            : RefusalCodes.code(outcome.rejection()).name())
        .setMessage(outcome.message());
    if (outcome.id() != null) {
      built.setTransactionId(outcome.id().bytes());
    }
    return built.build();
  }
}
