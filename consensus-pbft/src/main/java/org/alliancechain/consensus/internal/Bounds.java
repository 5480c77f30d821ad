package org.alliancechain.consensus.internal;

import org.alliancechain.consensus.RejectReason;

/** The view and height bounds every normal-case validator applies first. */
final class Bounds {
  private Bounds() {
  }

  /** Current view: accept; a later one within reach (or the one being changed to): buffer. */
  static Verdict view(Core core, int sender, long view, long height) {
    ViewState state = core.view;
    if (view > state.view()) {
      core.changes.noteLaterView(sender, view, height);
    }
    if (view < state.view()) {
      return Verdict.reject(RejectReason.STALE_VIEW, "view " + view + " < current view "
          + state.view());
    }
    if (state.active(view)) {
      return Verdict.ACCEPT;
    }
    if (view - state.view() > core.parameters.futureViewsMax()) {
      return Verdict.reject(RejectReason.FUTURE_VIEW, "view " + view + " is more than "
          + core.parameters.futureViewsMax() + " views ahead of " + state.view());
    }
    return Verdict.BUFFER;
  }

  /**
   * Above the final heights and at most the high watermark. A height already committed here is
   * still accepted while the view has an instance for it (a NEW-VIEW re-proposed it, and others
   * may need this replica's votes there).
   */
  static Verdict height(Core core, int sender, long height) {
    CommittedChain committed = core.committed;
    if (height <= committed.stableHeight()) {
      return Verdict.reject(RejectReason.STALE_HEIGHT, "height " + height
          + " is at or below the stable checkpoint " + committed.stableHeight());
    }
    if (height > core.highWatermark()) {
      core.sync.noteFutureHeight(sender, height);
      return Verdict.reject(RejectReason.FUTURE_HEIGHT, "height " + height
          + " is above the high watermark " + core.highWatermark());
    }
    if (height <= committed.height() && core.view.instance(height) == null) {
      return Verdict.reject(RejectReason.STALE_HEIGHT, "height " + height
          + " is already committed (tip " + committed.height() + ")");
    }
    return Verdict.ACCEPT;
  }
}
