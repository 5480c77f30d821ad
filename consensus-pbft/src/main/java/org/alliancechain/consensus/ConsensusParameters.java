package org.alliancechain.consensus;

/**
 * Tunables of the replica. Every validator of a chain must use the same {@code window} and
 * {@code checkpointInterval} (they come from genesis); the rest is local.
 *
 * @param window W: heights that may be in flight (pre-prepared, not committed) at once; also the
 *     execution-root lag of block headers (docs/adr/0002-execution-roots-lag.md). At least 1.
 * @param checkpointInterval K: a checkpoint every K heights. At least 1.
 * @param logHeightsMax L: the high watermark is the last stable checkpoint + L; nothing above
 *     it is proposed or accepted, which bounds every per-height buffer. At least K + W.
 * @param viewChangeTimeoutBaseMs how long a replica waits for progress before it asks for a new
 *     view, and how long it first waits for a NEW-VIEW; doubled on each view change without a
 *     commit in between.
 * @param viewChangeTimeoutMaxMs the cap of that doubling.
 * @param futureViewsMax messages for views up to the current view + this are buffered until the
 *     replica enters their view; later ones are dropped.
 * @param futureMessagesPerSenderMax how many such future messages are kept per sender.
 * @param checkpointHeightsPerSenderMax how many checkpoint heights above the stable one are kept
 *     per sender (the highest ones).
 */
public record ConsensusParameters(int window, int checkpointInterval, int logHeightsMax,
    long viewChangeTimeoutBaseMs, long viewChangeTimeoutMaxMs, int futureViewsMax,
    int futureMessagesPerSenderMax, int checkpointHeightsPerSenderMax) {

  /** Production defaults: W = 2, K = 16, L = 2K + W, 2 s base timeout capped at 1 min. */
  public static ConsensusParameters defaults() {
    return new ConsensusParameters(2, 16, 34, 2_000, 60_000, 8, 128, 4);
  }

  /** Small numbers so that tests cross checkpoints and watermarks quickly. */
  public static ConsensusParameters forTests() {
    return new ConsensusParameters(2, 4, 10, 1_000, 16_000, 8, 64, 4);
  }

  /** A copy with another window. */
  public ConsensusParameters withWindow(int newWindow) {
    return new ConsensusParameters(newWindow, checkpointInterval,
        Math.max(logHeightsMax, checkpointInterval + newWindow), viewChangeTimeoutBaseMs,
        viewChangeTimeoutMaxMs, futureViewsMax, futureMessagesPerSenderMax,
        checkpointHeightsPerSenderMax);
  }

  /**
   * Checks the ranges.
   *
   * @throws IllegalArgumentException naming the parameter, its value and what would be valid
   */
  public ConsensusParameters validate() {
    require(window >= 1, "window", window, "at least 1");
    require(checkpointInterval >= 1, "checkpointInterval", checkpointInterval, "at least 1");
    require(logHeightsMax >= checkpointInterval + window, "logHeightsMax", logHeightsMax,
        "at least checkpointInterval + window = " + (checkpointInterval + window));
    require(viewChangeTimeoutBaseMs >= 1, "viewChangeTimeoutBaseMs", viewChangeTimeoutBaseMs,
        "at least 1");
    require(viewChangeTimeoutMaxMs >= viewChangeTimeoutBaseMs, "viewChangeTimeoutMaxMs",
        viewChangeTimeoutMaxMs, "at least viewChangeTimeoutBaseMs = " + viewChangeTimeoutBaseMs);
    require(futureViewsMax >= 1, "futureViewsMax", futureViewsMax, "at least 1");
    require(futureMessagesPerSenderMax >= 1, "futureMessagesPerSenderMax",
        futureMessagesPerSenderMax, "at least 1");
    require(checkpointHeightsPerSenderMax >= 2, "checkpointHeightsPerSenderMax",
        checkpointHeightsPerSenderMax, "at least 2");
    return this;
  }

  private static void require(boolean ok, String name, long value, String expected) {
    if (!ok) {
      throw new IllegalArgumentException("consensus parameter " + name + " = " + value
          + " is invalid: must be " + expected);
    }
  }
}
