package org.alliancechain.storage;

import java.util.Arrays;
import java.util.Objects;

/**
 * The last committed height.
 *
 * @param height the tip height; 0 when only the genesis state is committed
 * @param blockHash hash of the tip block's header bytes; the genesis hash at height 0
 * @param stateRoot root of the state tree after executing the tip height
 */
public record ChainTip(long height, byte[] blockHash, byte[] stateRoot) {
  public ChainTip {
    if (height < 0) {
      throw new IllegalArgumentException("height must be >= 0, was " + height);
    }
    blockHash = Bytes.copy(blockHash, "blockHash");
    stateRoot = Bytes.copy(stateRoot, "stateRoot");
  }

  @Override
  public byte[] blockHash() {
    return blockHash.clone();
  }

  @Override
  public byte[] stateRoot() {
    return stateRoot.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ChainTip that && height == that.height
        && Arrays.equals(blockHash, that.blockHash) && Arrays.equals(stateRoot, that.stateRoot);
  }

  @Override
  public int hashCode() {
    return Objects.hash(height, Arrays.hashCode(blockHash), Arrays.hashCode(stateRoot));
  }

  @Override
  public String toString() {
    return "ChainTip[height=" + height + ", blockHash=" + Bytes.shortHex(blockHash)
        + ", stateRoot=" + Bytes.shortHex(stateRoot) + "]";
  }
}
