package org.alliancechain.node.api;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import org.alliancechain.storage.BlockCommit;
import org.alliancechain.storage.BlockStore;
import org.alliancechain.storage.ChainMetadata;
import org.alliancechain.storage.ChainTip;
import org.alliancechain.storage.ConsensusLog;
import org.alliancechain.storage.StateChange;
import org.alliancechain.storage.StateStore;
import org.alliancechain.storage.Storage;
import org.alliancechain.storage.StorageException;
import org.alliancechain.storage.TransactionLocation;

/** The real storage, counting the blocks read through it: how far a stream has gone. */
final class CountingStorage implements Storage {
  private final Storage storage;
  final AtomicInteger blocksRead = new AtomicInteger();
  private final BlockStore blocks;

  CountingStorage(Storage storage) {
    this.storage = storage;
    BlockStore real = storage.blocks();
    this.blocks = new BlockStore() {
      @Override
      public Optional<ChainTip> tip() {
        return real.tip();
      }

      @Override
      public Optional<byte[]> block(long height) throws StorageException {
        blocksRead.incrementAndGet();
        return real.block(height);
      }

      @Override
      public Optional<byte[]> certificate(long height) throws StorageException {
        return real.certificate(height);
      }

      @Override
      public List<byte[]> results(long height) throws StorageException {
        return real.results(height);
      }

      @Override
      public Optional<byte[]> result(long height, int index) throws StorageException {
        return real.result(height, index);
      }

      @Override
      public OptionalLong heightOf(byte[] blockHash) throws StorageException {
        return real.heightOf(blockHash);
      }

      @Override
      public Optional<TransactionLocation> locate(byte[] transactionId) throws StorageException {
        return real.locate(transactionId);
      }

      @Override
      public boolean isCommitted(byte[] transactionId) throws StorageException {
        return real.isCommitted(transactionId);
      }
    };
  }

  @Override
  public ChainMetadata metadata() {
    return storage.metadata();
  }

  @Override
  public byte[] commitGenesis(List<StateChange> changes) throws StorageException {
    return storage.commitGenesis(changes);
  }

  @Override
  public byte[] commitBlock(BlockCommit commit) throws StorageException {
    return storage.commitBlock(commit);
  }

  @Override
  public BlockStore blocks() {
    return blocks;
  }

  @Override
  public StateStore state() {
    return storage.state();
  }

  @Override
  public ConsensusLog consensusLog() {
    return storage.consensusLog();
  }

  @Override
  public long sizeBytes() {
    return storage.sizeBytes();
  }

  @Override
  public void verifyChecksums() throws StorageException {
    storage.verifyChecksums();
  }

  @Override
  public void close() {
    storage.close();
  }
}
