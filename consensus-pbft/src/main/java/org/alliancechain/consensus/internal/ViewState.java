package org.alliancechain.consensus.internal;

import java.util.BitSet;
import java.util.Collection;
import java.util.TreeMap;
import org.alliancechain.consensus.message.Hash;

/**
 * The view the replica is in (or changing to) and the per-height instances of that view. Every
 * transition bumps {@link #epoch()}, so work that waited for the disk can tell whether the view
 * it belonged to is still current.
 */
final class ViewState {
  private long view;
  private boolean changing;
  private long epoch;
  private long anchorHeight = -1;
  private Hash anchorHash;
  private final TreeMap<Long, Instance> instances = new TreeMap<>();
  private byte[] newViewEnvelope;
  private final BitSet newViewSentTo = new BitSet();
  /** Height of the standing RequestProposal, or 0. */
  long requestedHeight;
  /** Whether the primary is persisting its NEW-VIEW. */
  boolean newViewPending;

  long view() {
    return view;
  }

  boolean changing() {
    return changing;
  }

  /** Whether normal-case messages of view {@code v} are processed now. */
  boolean active(long v) {
    return !changing && v == view;
  }

  long epoch() {
    return epoch;
  }

  /** Leaves the current view for {@code target}, waiting for its NEW-VIEW. */
  void beginChange(long target) {
    view = target;
    changing = true;
    reset();
  }

  /** Enters {@code target} (normal case), whose NEW-VIEW started from this anchor. */
  void enter(long target, long baseHeight, Hash baseHash, byte[] envelope) {
    view = target;
    changing = false;
    reset();
    anchorHeight = baseHeight;
    anchorHash = baseHash;
    newViewEnvelope = envelope;
  }

  /** Resumes {@code target} after a restart, as the durable log recorded it. */
  void restore(long target, boolean isChanging) {
    view = target;
    changing = isChanging;
    epoch++;
  }

  /** Restores the anchor and NEW-VIEW of the current view after a restart, keeping instances. */
  void restoreNewView(long baseHeight, Hash baseHash, byte[] envelope) {
    anchorHeight = baseHeight;
    anchorHash = baseHash;
    newViewEnvelope = envelope;
  }

  /** The NEW-VIEW envelope of this view, if this replica holds one. */
  byte[] newViewEnvelope() {
    return newViewEnvelope;
  }

  private void reset() {
    epoch++;
    instances.clear();
    anchorHeight = -1;
    anchorHash = null;
    newViewEnvelope = null;
    newViewSentTo.clear();
    requestedHeight = 0;
    newViewPending = false;
  }

  /** The block hash the view's NEW-VIEW started from at {@code height}, or null. */
  Hash anchorAt(long height) {
    return height == anchorHeight ? anchorHash : null;
  }

  long anchorHeight() {
    return anchorHeight;
  }

  void setNewViewEnvelope(byte[] envelope) {
    newViewEnvelope = envelope;
  }

  /** The NEW-VIEW envelope to send {@code validator}, once per view, or null. */
  byte[] newViewFor(int validator) {
    if (newViewEnvelope == null || newViewSentTo.get(validator)) {
      return null;
    }
    newViewSentTo.set(validator);
    return newViewEnvelope;
  }

  /** Allows one more resend to every laggard (called when a block is delivered). */
  void forgetContacts() {
    newViewSentTo.clear();
  }

  /** True the first time {@code validator} is named in this view (for one-off resends). */
  boolean firstContact(int validator) {
    if (newViewSentTo.get(validator)) {
      return false;
    }
    newViewSentTo.set(validator);
    return true;
  }

  Instance instance(long height) {
    return instances.get(height);
  }

  Instance instanceOrCreate(long height) {
    return instances.computeIfAbsent(height, Instance::new);
  }

  Collection<Instance> instances() {
    return instances.values();
  }

  /** The highest height with a proposal in this view, or 0. */
  long highestProposal() {
    for (Instance instance : instances.descendingMap().values()) {
      if (instance.acceptedHash != null) {
        return instance.height;
      }
    }
    return 0;
  }

  void pruneUpTo(long height) {
    instances.headMap(height, true).clear();
  }

  int size() {
    return instances.size();
  }

  int messageCount() {
    int count = 0;
    for (Instance instance : instances.values()) {
      count += instance.messageCount();
    }
    return count;
  }
}
