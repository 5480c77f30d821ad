package org.alliancechain.consensus.internal;

import java.util.EnumMap;
import java.util.Map;
import org.alliancechain.consensus.Action;
import org.alliancechain.consensus.TimerKind;

/** The armed timers by kind, each with the id of its latest setting. */
final class Timers {
  private final Outbox out;
  private final Map<TimerKind, Long> armed = new EnumMap<>(TimerKind.class);
  private long nextId;

  Timers(Outbox out) {
    this.out = out;
  }

  void set(TimerKind kind, long delayMs) {
    long id = ++nextId;
    armed.put(kind, id);
    out.add(new Action.SetTimer(kind, id, delayMs));
  }

  void cancel(TimerKind kind) {
    if (armed.remove(kind) != null) {
      out.add(new Action.CancelTimer(kind));
    }
  }

  boolean armed(TimerKind kind) {
    return armed.containsKey(kind);
  }

  /** Whether a firing with {@code id} is the current setting of {@code kind}; consumes it if so. */
  boolean fire(TimerKind kind, long id) {
    Long current = armed.get(kind);
    if (current == null || current != id) {
      return false;
    }
    armed.remove(kind);
    return true;
  }
}
