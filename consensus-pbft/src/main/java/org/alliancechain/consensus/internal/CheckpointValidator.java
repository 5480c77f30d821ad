package org.alliancechain.consensus.internal;

import org.alliancechain.consensus.RejectReason;
import org.alliancechain.consensus.VerifiedMessage;
import org.alliancechain.consensus.message.SignedMessage;

/** Stateful checks of CHECKPOINT: above the stable checkpoint, one per sender and height. */
final class CheckpointValidator {
  Verdict validate(Core core, VerifiedMessage received) {
    long height = received.message().message().height();
    if (height <= core.committed.stableHeight()) {
      return Verdict.reject(RejectReason.STALE_HEIGHT, "checkpoint " + height
          + " is at or below the stable checkpoint " + core.committed.stableHeight());
    }
    SignedMessage existing = core.checkpoints.from(received.sender(), height);
    if (existing == null) {
      return Verdict.ACCEPT;
    }
    return existing.equals(received.message())
        ? Verdict.reject(RejectReason.DUPLICATE, "checkpoint already received")
        : Verdict.reject(RejectReason.EQUIVOCATION, "second, different checkpoint for height "
            + height);
  }
}
