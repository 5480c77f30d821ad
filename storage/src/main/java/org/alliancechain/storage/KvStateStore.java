package org.alliancechain.storage;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.alliancechain.crypto.HashAlgorithm;
import org.alliancechain.crypto.SparseMerkleProof;

/**
 * State reads over the key-value store. A read at a version runs on a snapshot and checks the
 * version against the tip and pruning records of that same snapshot, so a commit that prunes
 * meanwhile can never make it read half a version.
 */
final class KvStateStore implements StateStore {
  private final KvStore store;
  private final HashAlgorithm algorithm;
  private final int retainedVersions;
  private final Supplier<ChainTip> tip;
  private final LongSupplier prunedThrough;
  private final NodeCache nodeCache;
  private final StateValueCache valueCache;

  KvStateStore(KvStore store, HashAlgorithm algorithm, int retainedVersions,
      Supplier<ChainTip> tip, LongSupplier prunedThrough, NodeCache nodeCache,
      StateValueCache valueCache) {
    this.nodeCache = nodeCache;
    this.valueCache = valueCache;
    this.store = store;
    this.algorithm = algorithm;
    this.retainedVersions = retainedVersions;
    this.tip = tip;
    this.prunedThrough = prunedThrough;
  }

  @Override
  public long latestVersion() {
    ChainTip current = tip.get();
    return current == null ? -1 : current.height();
  }

  @Override
  public long oldestRetainedVersion() {
    ChainTip current = tip.get();
    return current == null ? -1 : oldest(current.height(), prunedThrough.getAsLong());
  }

  private long oldest(long latest, long pruned) {
    return Math.max(pruned, Math.max(0, latest - retainedVersions + 1));
  }

  @Override
  public Optional<byte[]> get(byte[] key) throws StorageException {
    Objects.requireNonNull(key, "key");
    Records.StoredValue stored = Records.decodeValue(valueCache.read(store.live(), key));
    return stored == null ? Optional.empty() : Optional.of(stored.value());
  }

  @Override
  public Optional<byte[]> get(byte[] key, long version) throws StorageException {
    Objects.requireNonNull(key, "key");
    try (KvStore.KvSnapshot snapshot = store.snapshot()) {
      checkRetained(snapshot, version);
      return Optional.ofNullable(valueAt(snapshot, key, version));
    }
  }

  @Override
  public byte[] root(long version) throws StorageException {
    try (KvStore.KvSnapshot snapshot = store.snapshot()) {
      checkRetained(snapshot, version);
      return StateWriter.hash(loadRoot(snapshot, version));
    }
  }

  @Override
  public StateProof prove(byte[] key, long version) throws StorageException {
    Objects.requireNonNull(key, "key");
    try (KvStore.KvSnapshot snapshot = store.snapshot()) {
      checkRetained(snapshot, version);
      TreeHasher hasher = new TreeHasher(algorithm);
      TreeChild root = loadRoot(snapshot, version);
      byte[] keyHash = hasher.hash(key);
      TreeProver.Path path = TreeProver.prove(nodeCache.over(NodeSource.of(snapshot, store.location())), root,
          keyHash);
      byte[] value = valueAt(snapshot, key, version);
      TreeChild.Leaf leaf = path.leaf();
      boolean leafIsKey = leaf != null && Arrays.equals(leaf.keyHash(), keyHash);
      if (value == null ? leafIsKey
          : !leafIsKey || !Arrays.equals(leaf.valueHash(), hasher.hash(value))) {
        throw new StorageCorruptionException("storage in " + store.location() + ": the state"
            + " tree and the stored value of key " + Bytes.shortHex(key) + " disagree at version "
            + version + ". Restore the directory from a backup, or move it away and resync.");
      }
      Optional<SparseMerkleProof.Leaf> proofLeaf = leaf == null ? Optional.empty()
          : Optional.of(new SparseMerkleProof.Leaf(leaf.keyHash(), leaf.valueHash()));
      return new StateProof(version, StateWriter.hash(root), key, value,
          SparseMerkleProof.of(proofLeaf, path.siblings()));
    }
  }

  /** The value of {@code key} at {@code version} as {@code view} has it, or null. */
  private byte[] valueAt(KvView view, byte[] key, long version) throws StorageException {
    Records.StoredValue latest = Records.decodeValue(view.get(Column.STATE, key));
    if (latest != null && latest.version() <= version) {
      return latest.value();
    }
    byte[] keyHash = algorithm.digest(key);
    KvView.Entry entry = view.first(Column.STATE_HISTORY, Records.historyKey(keyHash, version),
        Bytes.prefixEnd(keyHash));
    if (entry == null) {
      return null;
    }
    Records.HistoricValue historic = Records.decodeHistoric(entry.value());
    return version < historic.validUntil() ? historic.value() : null;
  }

  private void checkRetained(KvView view, long version) throws StorageException {
    byte[] tipBytes = view.get(Column.METADATA, Records.TIP_KEY);
    if (tipBytes == null) {
      throw new VersionNotRetainedException("state version " + version
          + " cannot be read: no state is committed yet (commit the genesis state first)");
    }
    long latest = Records.decodeTip(tipBytes).height();
    long oldest = oldest(latest,
        Records.decodePruning(view.get(Column.METADATA, Records.PRUNING_KEY)));
    if (version < oldest || version > latest) {
      throw new VersionNotRetainedException("state version " + version + " cannot be read:"
          + " versions " + oldest + " to " + latest + " are retained (" + retainedVersions
          + " kept; older ones are pruned, newer ones not committed yet)");
    }
  }

  static TreeChild loadRoot(KvView view, long version, String location)
      throws StorageException {
    byte[] bytes = view.get(Column.STATE_TREE, NodeKey.rootKey(version));
    if (bytes == null) {
      throw new StorageCorruptionException("storage in " + location + " is missing the state"
          + " tree root of retained version " + version + ". Restore the directory from a"
          + " backup, or move it away and resync from peers.");
    }
    return TreeCodec.decodeRoot(bytes, version);
  }

  private TreeChild loadRoot(KvView view, long version) throws StorageException {
    return loadRoot(view, version, store.location());
  }
}
