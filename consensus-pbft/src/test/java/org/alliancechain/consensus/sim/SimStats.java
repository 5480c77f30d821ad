package org.alliancechain.consensus.sim;

import java.util.Map;
import java.util.TreeMap;
import org.alliancechain.consensus.RejectReason;

/** Counters of one run, merged over a campaign: faults injected by kind, rejections, etc. */
public final class SimStats {
  private final Map<String, Long> faults = new TreeMap<>();
  private final Map<RejectReason, Long> rejections = new TreeMap<>();
  private long viewChanges;
  private long syncedBlocks;
  private long honestHalts;
  private long expectedHalts;

  void fault(String kind) {
    faults.merge(kind, 1L, Long::sum);
  }

  void rejected(RejectReason reason) {
    rejections.merge(reason, 1L, Long::sum);
  }

  void viewChanged() {
    viewChanges++;
  }

  void synced(int blocks) {
    syncedBlocks += blocks;
  }

  void halted(boolean honest) {
    if (honest) {
      honestHalts++;
    } else {
      expectedHalts++;
    }
  }

  public Map<String, Long> faults() {
    return faults;
  }

  public Map<RejectReason, Long> rejections() {
    return rejections;
  }

  public long viewChanges() {
    return viewChanges;
  }

  public long syncedBlocks() {
    return syncedBlocks;
  }

  public void mergeInto(SimStats total) {
    faults.forEach((kind, count) -> total.faults.merge(kind, count, Long::sum));
    rejections.forEach((reason, count) -> total.rejections.merge(reason, count, Long::sum));
    total.viewChanges += viewChanges;
    total.syncedBlocks += syncedBlocks;
    total.honestHalts += honestHalts;
    total.expectedHalts += expectedHalts;
  }

  @Override
  public String toString() {
    return "faults injected " + faults + "\nrejections " + rejections + "\nview changes "
        + viewChanges + ", synced blocks " + syncedBlocks + ", halts of faulty replicas "
        + expectedHalts;
  }
}
