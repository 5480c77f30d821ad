package org.alliancechain.node.consensus;

import java.util.HashMap;
import java.util.Map;
import org.alliancechain.consensus.Event;
import org.alliancechain.node.metrics.NodeMetrics;

/**
 * Times the consensus phases of each height at this node: building a proposal, validating one,
 * and agreeing on it (from validated, or proposed, to committed). Used on the consensus thread
 * only.
 */
final class PhaseClock {
  private static final int TRACKED_HEIGHTS_MAX = 1024;

  private final NodeMetrics metrics;
  private final Map<Long, Long> proposalRequestedNanos = new HashMap<>();
  private final Map<Long, Long> validationRequestedNanos = new HashMap<>();
  private final Map<Long, Long> agreementStartedNanos = new HashMap<>();

  PhaseClock(NodeMetrics metrics) {
    this.metrics = metrics;
  }

  void proposalRequested(long height) {
    mark(proposalRequestedNanos, height);
  }

  void validationRequested(long height) {
    mark(validationRequestedNanos, height);
  }

  void delivered(long height) {
    observe("agree", agreementStartedNanos.remove(height));
    proposalRequestedNanos.remove(height);
    validationRequestedNanos.remove(height);
  }

  void observe(Event event) {
    if (event instanceof Event.ProposalReady ready) {
      observe("propose", proposalRequestedNanos.remove(ready.height()));
      mark(agreementStartedNanos, ready.height());
    } else if (event instanceof Event.ProposalValidated validated) {
      observe("validate", validationRequestedNanos.remove(validated.height()));
      mark(agreementStartedNanos, validated.height());
    }
  }

  private static void mark(Map<Long, Long> marks, long height) {
    if (marks.size() >= TRACKED_HEIGHTS_MAX) {
      marks.clear();
    }
    marks.putIfAbsent(height, System.nanoTime());
  }

  private void observe(String phase, Long startedNanos) {
    if (startedNanos != null) {
      metrics.phaseLatency.labelValues(phase).observe((System.nanoTime() - startedNanos) / 1e9);
    }
  }
}
