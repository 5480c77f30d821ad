package org.alliancechain.consensus.message;

import java.util.Objects;

/**
 * A block as consensus sees it: its hash (the suite hash of the exact {@code Block.header}
 * bytes), the height and parent hash read from its header, and the serialized {@code Block}
 * bytes exactly as they travel. The replica never looks at transactions; the host does.
 * Equal when the hashes are equal.
 *
 * @param hash hash of the header bytes
 * @param height {@code BlockHeader.height}
 * @param parentHash {@code BlockHeader.previous_hash}
 * @param encoded the serialized {@code alliance.v1.Block}; not copied, never modified
 */
public record ChainBlock(Hash hash, long height, Hash parentHash, byte[] encoded) {
  public ChainBlock {
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(parentHash, "parentHash");
    Objects.requireNonNull(encoded, "encoded");
    if (height < 1) {
      throw new IllegalArgumentException("a block height starts at 1, got " + height);
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ChainBlock that && hash.equals(that.hash);
  }

  @Override
  public int hashCode() {
    return hash.hashCode();
  }

  @Override
  public String toString() {
    return "Block[" + height + " " + hash + " parent " + parentHash + ", " + encoded.length + " bytes]";
  }
}
