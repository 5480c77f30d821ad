package org.alliancechain.consensus.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.alliancechain.consensus.Action;
import org.alliancechain.consensus.ConsensusLogKeys;
import org.alliancechain.consensus.KeyRange;
import org.alliancechain.consensus.LogEntry;
import org.alliancechain.consensus.codec.LogRecordCodec;
import org.alliancechain.consensus.message.ChainBlock;
import org.alliancechain.consensus.message.ConsensusMessage;
import org.alliancechain.consensus.message.Phase;
import org.alliancechain.consensus.message.PreparedCertificate;
import org.alliancechain.consensus.message.SignedMessage;

/**
 * Hands records to the host as {@link Action.Persist} and runs what depends on them once the
 * host answers {@code Persisted}: persist before you speak.
 */
final class DurableLog {
  private final Outbox out;
  private final Map<Long, Runnable> waiting = new HashMap<>();
  private long nextToken;

  DurableLog(Outbox out) {
    this.out = out;
  }

  /** Persists {@code entries}; {@code then} runs when they are durable. */
  void persist(List<LogEntry> entries, Runnable then) {
    long token = ++nextToken;
    waiting.put(token, then);
    out.add(new Action.Persist(entries, token));
  }

  /** Runs what waited for {@code token}; false if nothing did (a stale or foreign token). */
  boolean onPersisted(long token) {
    Runnable then = waiting.remove(token);
    if (then == null) {
      return false;
    }
    then.run();
    return true;
  }

  int pending() {
    return waiting.size();
  }

  void prune(List<KeyRange> ranges) {
    out.add(new Action.PruneLog(ranges));
  }

  static LogEntry viewEntry(long view, boolean changing) {
    return new LogEntry(ConsensusLogKeys.view(),
        LogRecordCodec.encode(new LogRecordCodec.ViewEntry(view, changing)));
  }

  static LogEntry ownMessage(SignedMessage message, List<ChainBlock> blocks,
      PreparedCertificate prepared) {
    ConsensusMessage content = message.message();
    byte[] key = switch (content.phase()) {
      case VIEW_CHANGE, NEW_VIEW -> ConsensusLogKeys.byView(content.view(), content.phase());
      default -> ConsensusLogKeys.byHeight(content.height(), content.view(), content.phase());
    };
    List<byte[]> encoded = new ArrayList<>(blocks.size());
    for (ChainBlock block : blocks) {
      encoded.add(block.encoded());
    }
    return new LogEntry(key, LogRecordCodec.encode(
        new LogRecordCodec.OwnMessage(message, encoded, prepared)));
  }

  static LogEntry stableCheckpoint(List<SignedMessage> proof) {
    return new LogEntry(ConsensusLogKeys.stableCheckpoint(),
        LogRecordCodec.encode(new LogRecordCodec.StableCheckpoint(proof)));
  }

  static boolean isVote(Phase phase) {
    return phase == Phase.PRE_PREPARE || phase == Phase.PREPARE || phase == Phase.COMMIT;
  }
}
