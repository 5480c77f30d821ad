package org.alliancechain.storage;

import java.util.Arrays;
import java.util.Objects;
import org.alliancechain.crypto.HashAlgorithm;

/**
 * The identity a data directory was created for, and its on-disk schema version.
 *
 * @param chainId the chain id, as in genesis
 * @param genesisHash H(genesis.json bytes), 32 bytes
 * @param hashAlgorithm the chain suite's hash
 * @param schemaVersion the layout version of storage.proto ({@link #SCHEMA_VERSION} for this build)
 */
public record ChainMetadata(
    String chainId, byte[] genesisHash, HashAlgorithm hashAlgorithm, int schemaVersion) {

  /** The on-disk layout this build writes and reads. */
  public static final int SCHEMA_VERSION = 1;

  public ChainMetadata {
    Objects.requireNonNull(chainId, "chainId");
    genesisHash = Bytes.copy(genesisHash, "genesisHash");
    Objects.requireNonNull(hashAlgorithm, "hashAlgorithm");
  }

  @Override
  public byte[] genesisHash() {
    return genesisHash.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ChainMetadata that && chainId.equals(that.chainId)
        && Arrays.equals(genesisHash, that.genesisHash) && hashAlgorithm == that.hashAlgorithm
        && schemaVersion == that.schemaVersion;
  }

  @Override
  public int hashCode() {
    return Objects.hash(chainId, Arrays.hashCode(genesisHash), hashAlgorithm, schemaVersion);
  }

  @Override
  public String toString() {
    return "ChainMetadata[chainId=" + chainId + ", genesisHash=" + Bytes.hex(genesisHash)
        + ", hash=" + hashAlgorithm.displayName() + ", schemaVersion=" + schemaVersion + "]";
  }
}
