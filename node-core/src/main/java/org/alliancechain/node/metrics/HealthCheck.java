package org.alliancechain.node.metrics;

/** What {@code /healthz} and {@code /readyz} answer. */
public interface HealthCheck {
  /** Null when healthy, otherwise why not (e.g. the node halted on diverged execution). */
  String unhealthyReason();

  /** Null when ready (caught up with peers, taking part), otherwise why not. */
  String notReadyReason();
}
