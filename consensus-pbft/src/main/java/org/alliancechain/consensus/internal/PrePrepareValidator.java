package org.alliancechain.consensus.internal;

import org.alliancechain.consensus.RejectReason;
import org.alliancechain.consensus.VerifiedMessage;
import org.alliancechain.consensus.message.ConsensusMessage.PrePrepare;

/**
 * Stateful checks of a PRE-PREPARE (the verifier already checked signature, primary and block):
 * view and height bounds, not above a NEW-VIEW's anchor, one proposal per view and height.
 */
final class PrePrepareValidator {
  Verdict validate(Core core, VerifiedMessage received) {
    PrePrepare prePrepare = received.message().as(PrePrepare.class);
    if (prePrepare.height() <= core.committed.height()) {
      return Verdict.reject(RejectReason.STALE_HEIGHT, "PRE-PREPARE for committed height "
          + prePrepare.height());
    }
    Verdict height = Bounds.height(core, received.sender(), prePrepare.height());
    if (!height.accepted()) {
      return height;
    }
    Verdict view = Bounds.view(core, received.sender(), prePrepare.view(),
        prePrepare.height());
    if (!view.accepted()) {
      return view;
    }
    if (prePrepare.height() <= core.view.anchorHeight()) {
      return Verdict.reject(RejectReason.STALE_HEIGHT, "PRE-PREPARE for height "
          + prePrepare.height() + " at or below the view's NEW-VIEW base "
          + core.view.anchorHeight());
    }
    Instance instance = core.view.instance(prePrepare.height());
    if (instance != null && instance.proposal != null) {
      return instance.proposal.equals(received.message())
          ? Verdict.reject(RejectReason.DUPLICATE, "PRE-PREPARE already received")
          : Verdict.reject(RejectReason.EQUIVOCATION, "second PRE-PREPARE for view "
              + prePrepare.view() + " height " + prePrepare.height() + ": "
              + prePrepare.blockHash() + " after " + instance.proposalHash());
    }
    return Verdict.ACCEPT;
  }
}
