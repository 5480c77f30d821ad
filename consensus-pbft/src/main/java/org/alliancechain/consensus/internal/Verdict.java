package org.alliancechain.consensus.internal;

import org.alliancechain.consensus.RejectReason;

/** What a stateful validator decided about a verified message. */
record Verdict(Kind kind, RejectReason reason, String detail) {
  enum Kind {
    /** Hand it to the state machine now. */
    ACCEPT,
    /** Keep it until the replica enters its view. */
    BUFFER,
    /** Drop it, counting the reason. */
    REJECT,
    /** Drop it silently (the replica's own message echoed back). */
    IGNORE
  }

  static final Verdict ACCEPT = new Verdict(Kind.ACCEPT, null, "");
  static final Verdict BUFFER = new Verdict(Kind.BUFFER, null, "");
  static final Verdict IGNORE = new Verdict(Kind.IGNORE, null, "");

  static Verdict reject(RejectReason reason, String detail) {
    return new Verdict(Kind.REJECT, reason, detail);
  }

  boolean accepted() {
    return kind == Kind.ACCEPT;
  }
}
