package org.alliancechain.consensus;

/** The replica's timers; each kind runs at most once at a time. */
public enum TimerKind {
  /**
   * Runs in a view while the replica waits for progress (work is pending or a proposal is in
   * flight); when it fires the replica asks for the next view.
   */
  PROGRESS,
  /** Runs while the replica waits for the NEW-VIEW of the view it asked for. */
  VIEW_CHANGE
}
