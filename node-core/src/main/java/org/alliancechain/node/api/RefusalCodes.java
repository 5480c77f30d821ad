package org.alliancechain.node.api;

import io.grpc.Status;
import org.alliancechain.node.admission.AdmissionOutcome;
import org.alliancechain.node.tx.InvalidTransactionException.Reason;

/** The gRPC status of each admission refusal, as api.proto documents them. */
final class RefusalCodes {
  private RefusalCodes() {}

  static Status.Code code(Reason reason) {
    return switch (reason) {
      case MALFORMED, TOO_LARGE, WRONG_CHAIN, UNSUPPORTED_KEY, BAD_SIGNATURE, INVALID_FIELD,
          EXPIRED, EXPIRY_TOO_FAR -> Status.Code.INVALID_ARGUMENT;
      case NOT_ADMITTED -> Status.Code.PERMISSION_DENIED;
      case DUPLICATE -> Status.Code.ALREADY_EXISTS;
      case MEMPOOL_FULL -> Status.Code.RESOURCE_EXHAUSTED;
    };
  }

  /** The status a refused transaction gets: its reason's code with admission's message. */
  static Status status(AdmissionOutcome refused) {
    return Status.fromCode(code(refused.rejection())).withDescription(refused.message());
  }
}
