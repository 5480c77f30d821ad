package org.alliancechain.consensus.message;

/** The kinds of consensus messages, with the code the durable log uses in its keys. */
public enum Phase {
  PRE_PREPARE(1),
  PREPARE(2),
  COMMIT(3),
  CHECKPOINT(4),
  VIEW_CHANGE(5),
  NEW_VIEW(6);

  private final int code;

  Phase(int code) {
    this.code = code;
  }

  /** A stable one-byte code, part of the durable log's key layout. */
  public int code() {
    return code;
  }

  /** The phase with {@code code}, or {@code null} if none has it. */
  public static Phase ofCode(int code) {
    for (Phase phase : values()) {
      if (phase.code == code) {
        return phase;
      }
    }
    return null;
  }
}
