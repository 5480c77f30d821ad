package org.alliancechain.consensus.internal;

import org.alliancechain.consensus.RejectReason;
import org.alliancechain.consensus.VerifiedMessage;
import org.alliancechain.consensus.message.ConsensusMessage.ViewChange;

/**
 * Stateful checks of VIEW-CHANGE: for a view after the current one (or the one being changed
 * to), newer than the sender's last one.
 */
final class ViewChangeValidator {
  Verdict validate(Core core, VerifiedMessage received) {
    ViewChange viewChange = received.message().as(ViewChange.class);
    ViewState view = core.view;
    boolean current = view.changing() && viewChange.newView() == view.view();
    if (viewChange.newView() <= view.view() && !current) {
      return Verdict.reject(RejectReason.STALE_VIEW, "VIEW-CHANGE to view "
          + viewChange.newView() + ", the replica is in view " + view.view());
    }
    if (core.viewChanges.viewOf(received.sender()) >= viewChange.newView()) {
      return Verdict.reject(RejectReason.DUPLICATE, "VIEW-CHANGE to view "
          + viewChange.newView() + " is not newer than the sender's last one");
    }
    return Verdict.ACCEPT;
  }
}
