package org.alliancechain.node.api;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import org.alliancechain.storage.StorageCorruptionException;
import org.alliancechain.storage.StorageException;
import org.alliancechain.storage.VersionNotRetainedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns failures inside a service into gRPC statuses with a message. */
final class ApiErrors {
  private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

  private ApiErrors() {}

  static StatusRuntimeException invalidArgument(String message) {
    return Status.INVALID_ARGUMENT.withDescription(message).asRuntimeException();
  }

  static StatusRuntimeException notFound(String message) {
    return Status.NOT_FOUND.withDescription(message).asRuntimeException();
  }

  /**
   * The status of a failure: a status exception as is; a storage failure as the client should
   * see it (logged when it is the node's fault); anything else as INTERNAL, logged.
   */
  static Status statusOf(Throwable failure, String call) {
    if (failure instanceof StatusRuntimeException status) {
      return status.getStatus();
    }
    if (failure instanceof VersionNotRetainedException notRetained) {
      return Status.FAILED_PRECONDITION.withDescription(notRetained.getMessage());
    }
    if (failure instanceof StorageCorruptionException corrupt) {
      LOG.error("{} failed: the storage is inconsistent", call, corrupt);
      return Status.DATA_LOSS.withDescription("this node's storage is damaged: "
          + corrupt.getMessage() + "; ask another node");
    }
    if (failure instanceof StorageException storage) {
      LOG.error("{} failed reading storage", call, storage);
      return Status.UNAVAILABLE.withDescription("this node cannot read its storage now: "
          + storage.getMessage());
    }
    LOG.error("{} failed", call, failure);
    return Status.INTERNAL.withDescription(call + " failed inside the node: " + failure);
  }

  /** A unary call's work: the response, or a failure that {@link #statusOf} maps. */
  @FunctionalInterface
  interface Work<T> {
    T call() throws Exception;
  }

  /** Runs {@code work} and answers with its response or its failure's status. */
  static <T> void respond(StreamObserver<T> responses, String call, Work<T> work) {
    T response;
    try {
      response = work.call();
    } catch (Exception | LinkageError e) {
      fail(responses, e, call);
      return;
    }
    responses.onNext(response);
    responses.onCompleted();
  }

  /** Ends {@code responses} with the status of {@code failure}. */
  static void fail(StreamObserver<?> responses, Throwable failure, String call) {
    responses.onError(statusOf(failure, call).asRuntimeException());
  }
}
