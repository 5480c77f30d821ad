package org.alliancechain.consensus.internal;

import java.util.Map;
import org.alliancechain.consensus.RejectReason;
import org.alliancechain.consensus.VerifiedMessage;
import org.alliancechain.consensus.message.ConsensusMessage.Prepare;
import org.alliancechain.consensus.message.ConsensusMessage.Vote;
import org.alliancechain.consensus.message.SignedMessage;

/**
 * Stateful checks of PREPARE and COMMIT: view and height bounds, no PREPARE from the primary
 * (its PRE-PREPARE is its prepare), one vote per sender per view, height and phase.
 */
final class VoteValidator {
  Verdict validate(Core core, VerifiedMessage received) {
    Vote vote = (Vote) received.message().message();
    Verdict height = Bounds.height(core, received.sender(), vote.height());
    if (!height.accepted()) {
      return height;
    }
    Verdict view = Bounds.view(core, received.sender(), vote.view(), vote.height());
    if (!view.accepted()) {
      return view;
    }
    if (vote instanceof Prepare && received.sender() == core.validators.primary(vote.view())) {
      return Verdict.reject(RejectReason.NOT_PRIMARY, "the primary of view " + vote.view()
          + " sent a PREPARE; its PRE-PREPARE stands for it");
    }
    Instance instance = core.view.instance(vote.height());
    if (instance == null) {
      return Verdict.ACCEPT;
    }
    Map<Integer, SignedMessage> votes =
        vote instanceof Prepare ? instance.prepares : instance.commits;
    SignedMessage existing = votes.get(received.sender());
    if (existing == null) {
      return Verdict.ACCEPT;
    }
    return existing.equals(received.message())
        ? Verdict.reject(RejectReason.DUPLICATE, vote.phase() + " already received")
        : Verdict.reject(RejectReason.EQUIVOCATION, "second " + vote.phase() + " for view "
            + vote.view() + " height " + vote.height() + ": " + vote.blockHash());
  }
}
