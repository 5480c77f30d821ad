package org.alliancechain.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/** Block reads over the key-value store. */
final class KvBlockStore implements BlockStore {
  private final KvStore store;
  private final Supplier<ChainTip> tip;

  KvBlockStore(KvStore store, Supplier<ChainTip> tip) {
    this.store = store;
    this.tip = tip;
  }

  @Override
  public Optional<ChainTip> tip() {
    return Optional.ofNullable(tip.get());
  }

  @Override
  public Optional<byte[]> block(long height) throws StorageException {
    return Optional.ofNullable(store.live().get(Column.BLOCKS, Records.blockKey(height)));
  }

  @Override
  public Optional<byte[]> certificate(long height) throws StorageException {
    return Optional.ofNullable(store.live().get(Column.BLOCKS, Records.certificateKey(height)));
  }

  @Override
  public List<byte[]> results(long height) throws StorageException {
    List<byte[]> results = new ArrayList<>();
    byte[] prefix = Records.resultsPrefix(height);
    store.live().scan(Column.BLOCKS, prefix, Bytes.prefixEnd(prefix), (key, value) -> {
      results.add(value);
      return true;
    });
    return results;
  }

  @Override
  public Optional<byte[]> result(long height, int index) throws StorageException {
    return Optional.ofNullable(store.live().get(Column.BLOCKS, Records.resultKey(height, index)));
  }

  @Override
  public OptionalLong heightOf(byte[] blockHash) throws StorageException {
    Objects.requireNonNull(blockHash, "blockHash");
    byte[] bytes = store.live().get(Column.BLOCK_INDEX, blockHash);
    return bytes == null ? OptionalLong.empty()
        : OptionalLong.of(Records.decodeBlockLocation(bytes).height());
  }

  @Override
  public Optional<TransactionLocation> locate(byte[] transactionId) throws StorageException {
    Objects.requireNonNull(transactionId, "transactionId");
    byte[] bytes = store.live().get(Column.TX_INDEX, transactionId);
    return bytes == null ? Optional.empty()
        : Optional.of(Records.decodeTransactionLocation(bytes));
  }

  @Override
  public boolean isCommitted(byte[] transactionId) throws StorageException {
    Objects.requireNonNull(transactionId, "transactionId");
    return store.mayContain(Column.TX_INDEX, transactionId)
        && store.live().get(Column.TX_INDEX, transactionId) != null;
  }
}
