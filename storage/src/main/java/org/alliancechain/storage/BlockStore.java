package org.alliancechain.storage;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Committed blocks, their certificates and results, and the indexes by block hash and
 * transaction id. Thread-safe; every read sees whole commits only. Byte arrays returned are the
 * caller's.
 */
public interface BlockStore {
  /** The last committed height, or empty before the genesis state is committed. */
  Optional<ChainTip> tip();

  /** The alliance.v1.Block bytes committed at {@code height} (1..tip). */
  Optional<byte[]> block(long height) throws StorageException;

  /** The alliance.v1.CommitCertificate bytes of the block at {@code height}. */
  Optional<byte[]> certificate(long height) throws StorageException;

  /** The TransactionResult bytes of the block at {@code height}, in block order (empty list for
   * an empty block or an uncommitted height). */
  List<byte[]> results(long height) throws StorageException;

  /** The TransactionResult bytes of one transaction. */
  Optional<byte[]> result(long height, int index) throws StorageException;

  /** The height of the committed block whose header hashes to {@code blockHash}. */
  OptionalLong heightOf(byte[] blockHash) throws StorageException;

  /** Where the transaction with id {@code transactionId} was committed. */
  Optional<TransactionLocation> locate(byte[] transactionId) throws StorageException;

  /**
   * Whether {@code transactionId} is committed: the mempool's per-transaction replay check. A
   * bloom filter answers most absent ids without reading a data block.
   */
  boolean isCommitted(byte[] transactionId) throws StorageException;
}
