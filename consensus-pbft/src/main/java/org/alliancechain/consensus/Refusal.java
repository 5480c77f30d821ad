package org.alliancechain.consensus;

/**
 * Why a check failed, thrown inside the verification code and turned into {@link
 * VerificationResult.Refused} at its edge. Carries no stack trace: floods of garbage are
 * expected and must stay cheap.
 */
final class Refusal extends Exception {
  private final RejectReason reason;

  Refusal(RejectReason reason, String detail) {
    super(detail, null, false, false);
    this.reason = reason;
  }

  RejectReason reason() {
    return reason;
  }
}
