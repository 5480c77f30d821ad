package org.alliancechain.consensus.internal;

import org.alliancechain.consensus.RejectReason;
import org.alliancechain.consensus.VerifiedMessage;
import org.alliancechain.consensus.message.ConsensusMessage.NewView;

/**
 * Stateful checks of NEW-VIEW: for a later view, or the one being changed to. Any later view is
 * accepted: a NEW-VIEW proves with a quorum of VIEW-CHANGEs that the validators asked for it.
 */
final class NewViewValidator {
  Verdict validate(Core core, VerifiedMessage received) {
    NewView newView = received.message().as(NewView.class);
    ViewState view = core.view;
    if (newView.view() < view.view() || (newView.view() == view.view() && !view.changing())) {
      return Verdict.reject(RejectReason.STALE_VIEW, "NEW-VIEW for view " + newView.view()
          + ", the replica is in view " + view.view());
    }
    org.alliancechain.consensus.message.CommitCertificate tip = core.committed.tipCertificate();
    if (tip != null && newView.view() < tip.view()) {
      // A quorum already committed in a later view: this view is dead, entering it is pointless.
      return Verdict.reject(RejectReason.STALE_VIEW, "NEW-VIEW for view " + newView.view()
          + " is older than the view " + tip.view() + " of the committed tip");
    }
    return Verdict.ACCEPT;
  }
}
