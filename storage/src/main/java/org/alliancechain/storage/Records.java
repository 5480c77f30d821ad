package org.alliancechain.storage;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.nio.charset.StandardCharsets;
import org.alliancechain.crypto.HashAlgorithm;
import org.alliancechain.proto.v1.BlockLocationRecord;
import org.alliancechain.proto.v1.ChainTipRecord;
import org.alliancechain.proto.v1.GenesisStateRecord;
import org.alliancechain.proto.v1.PruningRecord;
import org.alliancechain.proto.v1.StateHistoryRecord;
import org.alliancechain.proto.v1.StateValueRecord;
import org.alliancechain.proto.v1.StorageMetadata;
import org.alliancechain.proto.v1.TransactionLocationRecord;

/** Keys and the storage.proto records of blocks, indexes, state values and metadata. */
final class Records {
  static final byte[] CHAIN_KEY = "chain".getBytes(StandardCharsets.UTF_8);
  static final byte[] TIP_KEY = "tip".getBytes(StandardCharsets.UTF_8);
  static final byte[] GENESIS_KEY = "genesis".getBytes(StandardCharsets.UTF_8);
  static final byte[] PRUNING_KEY = "pruning".getBytes(StandardCharsets.UTF_8);

  private static final byte BLOCK = 0x00;
  private static final byte CERTIFICATE = 0x01;
  private static final byte RESULT = 0x02;

  private Records() {}

  /** A state value and the version that set it. */
  record StoredValue(long version, byte[] value) {}

  /** A superseded state value and the versions it was valid for. */
  record HistoricValue(long validFrom, long validUntil, byte[] value) {}

  /** A committed block's height and the state root after executing it. */
  record BlockLocation(long height, byte[] stateRoot) {}

  static byte[] blockKey(long height) {
    return heightKey(height, BLOCK, 9);
  }

  static byte[] certificateKey(long height) {
    return heightKey(height, CERTIFICATE, 9);
  }

  static byte[] resultKey(long height, int index) {
    byte[] key = heightKey(height, RESULT, 13);
    Bytes.putUint32(key, 9, index);
    return key;
  }

  static byte[] resultsPrefix(long height) {
    return heightKey(height, RESULT, 9);
  }

  private static byte[] heightKey(long height, byte kind, int length) {
    byte[] key = new byte[length];
    Bytes.putUint64(key, 0, height);
    key[8] = kind;
    return key;
  }

  /** H(key) || ~version: a key's history, newest first. */
  static byte[] historyKey(byte[] keyHash, long version) {
    byte[] key = new byte[keyHash.length + 8];
    System.arraycopy(keyHash, 0, key, 0, keyHash.length);
    Bytes.putUint64(key, keyHash.length, ~version);
    return key;
  }

  static byte[] encodeMetadata(ChainMetadata metadata) {
    return StorageMetadata.newBuilder()
        .setSchemaVersion(metadata.schemaVersion())
        .setChainId(metadata.chainId())
        .setGenesisHash(ByteString.copyFrom(metadata.genesisHash()))
        .setHashAlgorithm(metadata.hashAlgorithm().displayName())
        .build().toByteArray();
  }

  /** The metadata record as stored; the caller checks its fields. */
  static StorageMetadata decodeMetadata(byte[] bytes) throws StorageCorruptionException {
    try {
      return StorageMetadata.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new StorageCorruptionException("the metadata record does not decode: "
          + e.getMessage(), e);
    }
  }

  static HashAlgorithm hashAlgorithm(String name) {
    for (HashAlgorithm algorithm : HashAlgorithm.values()) {
      if (algorithm.displayName().equals(name)) {
        return algorithm;
      }
    }
    return null;
  }

  static byte[] encodeTip(ChainTip tip) {
    return ChainTipRecord.newBuilder()
        .setHeight(tip.height())
        .setBlockHash(ByteString.copyFrom(tip.blockHash()))
        .setStateRoot(ByteString.copyFrom(tip.stateRoot()))
        .build().toByteArray();
  }

  static ChainTip decodeTip(byte[] bytes) throws StorageCorruptionException {
    try {
      ChainTipRecord record = ChainTipRecord.parseFrom(bytes);
      return new ChainTip(record.getHeight(), record.getBlockHash().toByteArray(),
          record.getStateRoot().toByteArray());
    } catch (InvalidProtocolBufferException | IllegalArgumentException e) {
      throw new StorageCorruptionException("the tip record does not decode: " + e.getMessage(),
          e);
    }
  }

  static byte[] encodeGenesis(byte[] stateRoot) {
    return GenesisStateRecord.newBuilder().setStateRoot(ByteString.copyFrom(stateRoot)).build()
        .toByteArray();
  }

  static byte[] decodeGenesis(byte[] bytes) throws StorageCorruptionException {
    try {
      return GenesisStateRecord.parseFrom(bytes).getStateRoot().toByteArray();
    } catch (InvalidProtocolBufferException e) {
      throw new StorageCorruptionException("the genesis record does not decode: "
          + e.getMessage(), e);
    }
  }

  static byte[] encodePruning(long prunedThroughVersion) {
    return PruningRecord.newBuilder().setPrunedThroughVersion(prunedThroughVersion).build()
        .toByteArray();
  }

  /** The pruned-through version; 0 when nothing was pruned (no record). */
  static long decodePruning(byte[] bytes) throws StorageCorruptionException {
    if (bytes == null) {
      return 0;
    }
    try {
      return PruningRecord.parseFrom(bytes).getPrunedThroughVersion();
    } catch (InvalidProtocolBufferException e) {
      throw new StorageCorruptionException("the pruning record does not decode: "
          + e.getMessage(), e);
    }
  }

  static byte[] encodeBlockLocation(long height, byte[] stateRoot) {
    return BlockLocationRecord.newBuilder().setHeight(height)
        .setStateRoot(ByteString.copyFrom(stateRoot)).build().toByteArray();
  }

  static BlockLocation decodeBlockLocation(byte[] bytes) throws StorageCorruptionException {
    try {
      BlockLocationRecord record = BlockLocationRecord.parseFrom(bytes);
      return new BlockLocation(record.getHeight(), record.getStateRoot().toByteArray());
    } catch (InvalidProtocolBufferException e) {
      throw new StorageCorruptionException("a block index record does not decode: "
          + e.getMessage(), e);
    }
  }

  static byte[] encodeTransactionLocation(long height, int index) {
    return TransactionLocationRecord.newBuilder().setHeight(height).setIndex(index).build()
        .toByteArray();
  }

  static TransactionLocation decodeTransactionLocation(byte[] bytes)
      throws StorageCorruptionException {
    try {
      TransactionLocationRecord record = TransactionLocationRecord.parseFrom(bytes);
      return new TransactionLocation(record.getHeight(), record.getIndex());
    } catch (InvalidProtocolBufferException | IllegalArgumentException e) {
      throw new StorageCorruptionException("a transaction index record does not decode: "
          + e.getMessage(), e);
    }
  }

  static byte[] encodeValue(long version, byte[] value) {
    return StateValueRecord.newBuilder().setVersion(version)
        .setValue(ByteString.copyFrom(value)).build().toByteArray();
  }

  static StoredValue decodeValue(byte[] bytes) throws StorageCorruptionException {
    if (bytes == null) {
      return null;
    }
    try {
      StateValueRecord record = StateValueRecord.parseFrom(bytes);
      return new StoredValue(record.getVersion(), record.getValue().toByteArray());
    } catch (InvalidProtocolBufferException e) {
      throw new StorageCorruptionException("a state value record does not decode: "
          + e.getMessage(), e);
    }
  }

  static byte[] encodeHistoric(long validFrom, long validUntil, byte[] value) {
    return StateHistoryRecord.newBuilder().setValidFrom(validFrom).setValidUntil(validUntil)
        .setValue(ByteString.copyFrom(value)).build().toByteArray();
  }

  static HistoricValue decodeHistoric(byte[] bytes) throws StorageCorruptionException {
    try {
      StateHistoryRecord record = StateHistoryRecord.parseFrom(bytes);
      return new HistoricValue(record.getValidFrom(), record.getValidUntil(),
          record.getValue().toByteArray());
    } catch (InvalidProtocolBufferException e) {
      throw new StorageCorruptionException("a state history record does not decode: "
          + e.getMessage(), e);
    }
  }
}
