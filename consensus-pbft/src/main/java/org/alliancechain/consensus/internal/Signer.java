package org.alliancechain.consensus.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.alliancechain.consensus.LocalValidator;
import org.alliancechain.consensus.codec.ConsensusCodec;
import org.alliancechain.consensus.message.ChainBlock;
import org.alliancechain.consensus.message.ConsensusMessage;
import org.alliancechain.consensus.message.Phase;
import org.alliancechain.consensus.message.SignedMessage;
import org.alliancechain.crypto.SigningDomain;

/**
 * Signs this validator's messages and remembers, per (phase, view, height), what it signed in
 * the current view (restored from the durable log after a restart), so that it never signs two
 * different PRE-PREPAREs, PREPAREs or COMMITs for one slot, nor two VIEW-CHANGEs or NEW-VIEWs for
 * one view. Checkpoints are not remembered: they are a function of the executed chain.
 */
final class Signer {
  /** The slot a message occupies; checkpoints have none. */
  record Slot(Phase phase, long view, long height) implements Comparable<Slot> {
    @Override
    public int compareTo(Slot other) {
      int byView = Long.compare(view, other.view);
      if (byView != 0) {
        return byView;
      }
      int byHeight = Long.compare(height, other.height);
      return byHeight != 0 ? byHeight : phase.compareTo(other.phase);
    }

    static Slot of(ConsensusMessage message) {
      return switch (message.phase()) {
        case CHECKPOINT -> null;
        case VIEW_CHANGE, NEW_VIEW -> new Slot(message.phase(), message.view(), 0);
        default -> new Slot(message.phase(), message.view(), message.height());
      };
    }
  }

  /** A signed message of a slot, with the blocks stored beside it. */
  record Signed(SignedMessage message, List<ChainBlock> blocks) {
  }

  private final LocalValidator self;
  private final String chainId;
  private final Map<Slot, Signed> slots = new TreeMap<>();

  Signer(LocalValidator self, String chainId) {
    this.self = self;
    this.chainId = chainId;
  }

  int index() {
    return self.index();
  }

  /** What this validator signed for {@code slot}, or null. */
  Signed signedFor(Slot slot) {
    return slots.get(slot);
  }

  /**
   * The signed {@code message}, or null if a different message already occupies its slot (the
   * caller treats that as a broken local invariant, except for VIEW-CHANGE which it reuses).
   */
  SignedMessage sign(ConsensusMessage message, List<ChainBlock> blocks) {
    Slot slot = Slot.of(message);
    if (slot != null) {
      Signed existing = slots.get(slot);
      if (existing != null) {
        return existing.message().message().equals(message) ? existing.message() : null;
      }
    }
    byte[] payload = ConsensusCodec.encodePayload(chainId, message);
    SignedMessage signed = new SignedMessage(payload, self.index(),
        self.key().sign(SigningDomain.CONSENSUS, payload), chainId, message);
    if (slot != null) {
      slots.put(slot, new Signed(signed, blocks));
    }
    return signed;
  }

  /** Remembers a message restored from the durable log. */
  void restore(SignedMessage message, List<ChainBlock> blocks) {
    Slot slot = Slot.of(message.message());
    if (slot != null) {
      slots.put(slot, new Signed(message, blocks));
    }
  }

  /** Forgets slots of views below {@code view}: the replica never signs in them again. */
  void forgetViewsBelow(long view) {
    slots.keySet().removeIf(slot -> slot.view() < view);
  }

  /** Forgets per-height slots at or below {@code height}: they are final. */
  void forgetHeightsUpTo(long height) {
    for (Iterator<Slot> it = slots.keySet().iterator(); it.hasNext(); ) {
      Slot slot = it.next();
      if (slot.height() != 0 && slot.height() <= height) {
        it.remove();
      }
    }
  }

  /** This view's own PRE-PREPAREs, PREPAREs and COMMITs, in slot order. */
  List<Signed> votesOfView(long view) {
    List<Signed> out = new ArrayList<>();
    for (Map.Entry<Slot, Signed> entry : slots.entrySet()) {
      if (entry.getKey().view() == view && entry.getKey().height() > 0) {
        out.add(entry.getValue());
      }
    }
    return out;
  }

  int size() {
    return slots.size();
  }
}
