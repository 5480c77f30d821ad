package org.alliancechain.config;

/**
 * {@code [consensus]} of node.toml: this node's timers. The protocol parameters every validator
 * must agree on (window, checkpoint interval, block limits) are in genesis.json instead.
 *
 * @param viewChangeTimeoutMs how long a backup waits for progress before asking for a view change
 * @param viewChangeTimeoutMaxMs the cap of that timeout as it doubles on consecutive view changes
 * @param proposalDelayMs how long the primary waits to fill a block before proposing it
 * @param heartbeatIntervalMs the primary proposes an empty block after this long without
 *     transactions; 0 = never
 */
public record ConsensusTiming(
    long viewChangeTimeoutMs, long viewChangeTimeoutMaxMs, long proposalDelayMs, long heartbeatIntervalMs) {
  static final Bounds VIEW_CHANGE_TIMEOUT_MS = Bounds.of(10, 600_000);
  static final Bounds VIEW_CHANGE_TIMEOUT_MAX_MS = Bounds.of(10, 3_600_000);
  static final Bounds PROPOSAL_DELAY_MS = Bounds.of(0, 60_000);
  static final Bounds HEARTBEAT_INTERVAL_MS = Bounds.of(0, 86_400_000);

  public ConsensusTiming {
    VIEW_CHANGE_TIMEOUT_MS.require("view_change_timeout_ms", viewChangeTimeoutMs);
    VIEW_CHANGE_TIMEOUT_MAX_MS.require("view_change_timeout_max_ms", viewChangeTimeoutMaxMs);
    PROPOSAL_DELAY_MS.require("proposal_delay_ms", proposalDelayMs);
    HEARTBEAT_INTERVAL_MS.require("heartbeat_interval_ms", heartbeatIntervalMs);
  }

  public static ConsensusTiming defaults() {
    return new ConsensusTiming(2_000, 30_000, 100, 0);
  }

  /** Short timers for tests on loopback, where a lost primary should be replaced quickly. */
  public static ConsensusTiming forTests() {
    return new ConsensusTiming(300, 3_000, 5, 0);
  }
}
