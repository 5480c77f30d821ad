package org.alliancechain.consensus.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.alliancechain.consensus.Action;
import org.alliancechain.consensus.RejectReason;

/** The actions of the current step, the rejection counters and the halted flag. */
final class Outbox {
  private List<Action> actions = new ArrayList<>();
  private final Map<RejectReason, Long> rejections = new EnumMap<>(RejectReason.class);
  private String haltReason;

  void add(Action action) {
    if (haltReason == null) {
      actions.add(action);
    }
  }

  void reject(int sender, RejectReason reason, String detail) {
    rejections.merge(reason, 1L, Long::sum);
    add(new Action.Rejected(sender, reason, detail));
  }

  /** Stops the replica: this step's halt is its last action; later steps do nothing. */
  void halt(String reason) {
    if (haltReason == null) {
      actions.add(new Action.Halt(reason));
      haltReason = reason;
    }
  }

  boolean halted() {
    return haltReason != null;
  }

  String haltReason() {
    return haltReason;
  }

  List<Action> drain() {
    List<Action> out = actions;
    actions = new ArrayList<>();
    return out;
  }

  Map<RejectReason, Long> rejections() {
    return Map.copyOf(rejections);
  }
}
