package org.alliancechain.p2p;

import java.util.Arrays;
import java.util.HexFormat;

/** The chain a link must agree on: its id and its genesis hash, compared in the Handshake. */
public final class ChainIdentity {
  private final String chainId;
  private final byte[] genesisHash;

  public ChainIdentity(String chainId, byte[] genesisHash) {
    if (chainId == null || chainId.isBlank()) {
      throw new IllegalArgumentException("a chain identity needs a chain id");
    }
    if (genesisHash == null || genesisHash.length == 0) {
      throw new IllegalArgumentException("chain " + chainId + " needs its genesis hash");
    }
    this.chainId = chainId;
    this.genesisHash = genesisHash.clone();
  }

  public String chainId() {
    return chainId;
  }

  public byte[] genesisHash() {
    return genesisHash.clone();
  }

  boolean matches(String otherChainId, byte[] otherGenesisHash) {
    return chainId.equals(otherChainId) && Arrays.equals(genesisHash, otherGenesisHash);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ChainIdentity that
        && chainId.equals(that.chainId) && Arrays.equals(genesisHash, that.genesisHash);
  }

  @Override
  public int hashCode() {
    return chainId.hashCode() * 31 + Arrays.hashCode(genesisHash);
  }

  @Override
  public String toString() {
    return chainId + "/" + HexFormat.of().formatHex(genesisHash);
  }
}
