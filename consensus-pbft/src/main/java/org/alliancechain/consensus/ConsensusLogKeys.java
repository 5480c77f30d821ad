package org.alliancechain.consensus;

import java.nio.ByteBuffer;
import org.alliancechain.consensus.message.Phase;

/**
 * The key layout of the durable consensus log. Keys sort as unsigned bytes, numbers are
 * big-endian, so a {@link KeyRange} by height or view is one {@code deleteRange}. Values are
 * serialized {@code alliance.v1.ConsensusLogRecord}s.
 *
 * <pre>
 * 0x01                                   ViewRecord: the view entered or being changed to
 * 0x02 | height (8) | view (8) | phase (1) OwnMessageRecord: own PRE-PREPARE, PREPARE, COMMIT
 * 0x03 | view (8) | phase (1)             OwnMessageRecord: own VIEW-CHANGE, NEW-VIEW
 * 0x04                                   StableCheckpointRecord: the last stable checkpoint
 * </pre>
 *
 * <p>The replica prunes with {@link Action.PruneLog} after a checkpoint becomes stable: records
 * of heights at or below it, and VIEW-CHANGE / NEW-VIEW records of views below the current one.
 * Records it would prune are ignored when loaded, so a lost prune is harmless.
 */
public final class ConsensusLogKeys {
  static final byte VIEW = 0x01;
  static final byte BY_HEIGHT = 0x02;
  static final byte BY_VIEW = 0x03;
  static final byte STABLE_CHECKPOINT = 0x04;

  private ConsensusLogKeys() {
  }

  /** The key of the view record. */
  public static byte[] view() {
    return new byte[] {VIEW};
  }

  /** The key of the stable checkpoint record. */
  public static byte[] stableCheckpoint() {
    return new byte[] {STABLE_CHECKPOINT};
  }

  /** The key of an own PRE-PREPARE, PREPARE or COMMIT. */
  public static byte[] byHeight(long height, long view, Phase phase) {
    return ByteBuffer.allocate(18).put(BY_HEIGHT).putLong(height).putLong(view)
        .put((byte) phase.code()).array();
  }

  /** The key of an own VIEW-CHANGE or NEW-VIEW. */
  public static byte[] byView(long view, Phase phase) {
    return ByteBuffer.allocate(10).put(BY_VIEW).putLong(view).put((byte) phase.code()).array();
  }

  /** Every per-height record of heights at or below {@code height}. */
  public static KeyRange heightsUpTo(long height) {
    return new KeyRange(new byte[] {BY_HEIGHT},
        ByteBuffer.allocate(9).put(BY_HEIGHT).putLong(height + 1).array());
  }

  /** Every per-view record of views below {@code view}. */
  public static KeyRange viewsBelow(long view) {
    return new KeyRange(new byte[] {BY_VIEW}, ByteBuffer.allocate(9).put(BY_VIEW).putLong(view).array());
  }
}
