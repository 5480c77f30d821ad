package org.alliancechain.crypto;

import java.util.ArrayList;
import java.util.List;

/** The per-item outcome of a {@link BatchVerifier} batch, in the order of its items. Immutable. */
public final class BatchResult {
  private final boolean[] valid;
  private final int validCount;

  BatchResult(boolean[] valid) {
    this.valid = valid;
    int count = 0;
    for (boolean v : valid) {
      count += v ? 1 : 0;
    }
    this.validCount = count;
  }

  public int size() {
    return valid.length;
  }

  /** Whether item {@code index} carries a valid signature. */
  public boolean isValid(int index) {
    return valid[index];
  }

  public boolean allValid() {
    return validCount == valid.length;
  }

  public int validCount() {
    return validCount;
  }

  /** The indices of the items whose signature did not verify, ascending. */
  public List<Integer> invalidIndices() {
    List<Integer> out = new ArrayList<>(valid.length - validCount);
    for (int i = 0; i < valid.length; i++) {
      if (!valid[i]) {
        out.add(i);
      }
    }
    return List.copyOf(out);
  }

  @Override
  public String toString() {
    return "BatchResult[" + validCount + "/" + valid.length + " valid]";
  }
}
