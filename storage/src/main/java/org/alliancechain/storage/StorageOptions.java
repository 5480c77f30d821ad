package org.alliancechain.storage;

import java.util.Arrays;
import java.util.Objects;
import org.alliancechain.crypto.HashAlgorithm;

/**
 * What a node opens its storage with. The chain identity (chain id, genesis hash, suite hash) is
 * written into a new directory and checked against an existing one.
 *
 * @param chainId the chain id, as in genesis
 * @param genesisHash H(genesis.json bytes), 32 bytes; also the previous hash of height 1
 * @param hashAlgorithm the chain suite's hash: block hashes, transaction ids, the state tree
 * @param retainedStateVersions how many state versions (heights) stay readable and provable,
 *     counting the latest; older ones are pruned as blocks commit. At least 1.
 * @param syncWrites fsync every commit before it returns (on by default; off only for tests and
 *     benchmarks that say so)
 * @param verifyChecksumsOnOpen read every SST file at open to check its checksums (slow on a
 *     large directory; the tip is always checked)
 * @param tuning RocksDB sizing
 */
public record StorageOptions(
    String chainId,
    byte[] genesisHash,
    HashAlgorithm hashAlgorithm,
    int retainedStateVersions,
    boolean syncWrites,
    boolean verifyChecksumsOnOpen,
    StorageTuning tuning) {

  /** Default number of retained state versions. */
  public static final int RETAINED_STATE_VERSIONS_DEFAULT = 100;

  public StorageOptions {
    if (chainId == null || chainId.isBlank()) {
      throw new IllegalArgumentException("chainId must be the non-empty chain id of genesis");
    }
    Objects.requireNonNull(hashAlgorithm, "hashAlgorithm");
    if (genesisHash == null || genesisHash.length != HashAlgorithm.DIGEST_LENGTH) {
      throw new IllegalArgumentException("genesisHash must be " + HashAlgorithm.DIGEST_LENGTH
          + " bytes, was " + (genesisHash == null ? "null" : genesisHash.length + " bytes"));
    }
    if (retainedStateVersions < 1) {
      throw new IllegalArgumentException(
          "retainedStateVersions must be at least 1 (the latest state), was "
              + retainedStateVersions);
    }
    Objects.requireNonNull(tuning, "tuning");
    genesisHash = genesisHash.clone();
  }

  /** Options with every default: synced writes, {@value #RETAINED_STATE_VERSIONS_DEFAULT} versions. */
  public static StorageOptions of(String chainId, byte[] genesisHash, HashAlgorithm hash) {
    return new StorageOptions(chainId, genesisHash, hash, RETAINED_STATE_VERSIONS_DEFAULT, true,
        false, StorageTuning.defaults());
  }

  @Override
  public byte[] genesisHash() {
    return genesisHash.clone();
  }

  public StorageOptions withRetainedStateVersions(int value) {
    return new StorageOptions(chainId, genesisHash, hashAlgorithm, value, syncWrites,
        verifyChecksumsOnOpen, tuning);
  }

  public StorageOptions withSyncWrites(boolean value) {
    return new StorageOptions(chainId, genesisHash, hashAlgorithm, retainedStateVersions, value,
        verifyChecksumsOnOpen, tuning);
  }

  public StorageOptions withVerifyChecksumsOnOpen(boolean value) {
    return new StorageOptions(chainId, genesisHash, hashAlgorithm, retainedStateVersions,
        syncWrites, value, tuning);
  }

  public StorageOptions withTuning(StorageTuning value) {
    return new StorageOptions(chainId, genesisHash, hashAlgorithm, retainedStateVersions,
        syncWrites, verifyChecksumsOnOpen, value);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof StorageOptions that && chainId.equals(that.chainId)
        && Arrays.equals(genesisHash, that.genesisHash) && hashAlgorithm == that.hashAlgorithm
        && retainedStateVersions == that.retainedStateVersions && syncWrites == that.syncWrites
        && verifyChecksumsOnOpen == that.verifyChecksumsOnOpen && tuning.equals(that.tuning);
  }

  @Override
  public int hashCode() {
    return Objects.hash(chainId, Arrays.hashCode(genesisHash), hashAlgorithm,
        retainedStateVersions, syncWrites, verifyChecksumsOnOpen, tuning);
  }

  @Override
  public String toString() {
    return "StorageOptions[chainId=" + chainId + ", genesisHash=" + Bytes.shortHex(genesisHash)
        + ", hash=" + hashAlgorithm.displayName() + ", retainedStateVersions="
        + retainedStateVersions + ", syncWrites=" + syncWrites + ", verifyChecksumsOnOpen="
        + verifyChecksumsOnOpen + ", tuning=" + tuning + "]";
  }
}
