package org.alliancechain.storage;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.ArrayList;
import java.util.List;
import org.alliancechain.crypto.HashAlgorithm;
import org.alliancechain.proto.v1.Block;
import org.alliancechain.proto.v1.BlockHeader;
import org.alliancechain.proto.v1.CommitCertificate;
import org.alliancechain.proto.v1.SignedTransaction;

/**
 * What storage needs from a block's bytes: its header, its hash H(header bytes), and its
 * transaction ids H(body) in block order.
 */
record DecodedBlock(BlockHeader header, byte[] hash, List<byte[]> transactionIds) {

  /** Decodes {@code blockBytes}; transaction ids only if {@code withTransactionIds}. */
  static DecodedBlock decode(byte[] blockBytes, HashAlgorithm algorithm,
      boolean withTransactionIds) throws InvalidProtocolBufferException {
    Block block = Block.parseFrom(blockBytes);
    ByteString headerBytes = block.getHeader();
    BlockHeader header = BlockHeader.parseFrom(headerBytes);
    byte[] hash = algorithm.digest(headerBytes.toByteArray());
    List<byte[]> ids = new ArrayList<>(withTransactionIds ? block.getTransactionsCount() : 0);
    if (withTransactionIds) {
      for (ByteString transaction : block.getTransactionsList()) {
        ids.add(algorithm.digest(SignedTransaction.parseFrom(transaction).getBody()
            .toByteArray()));
      }
    }
    return new DecodedBlock(header, hash, ids);
  }

  /** Decodes the header of stored block bytes, which must decode: else the store is corrupt. */
  static DecodedBlock decodeStored(byte[] blockBytes, long height, HashAlgorithm algorithm,
      String location) throws StorageCorruptionException {
    try {
      return decode(blockBytes, algorithm, false);
    } catch (InvalidProtocolBufferException e) {
      throw new StorageCorruptionException("storage in " + location + " holds a block at height "
          + height + " that does not decode (" + e.getMessage() + "). Restore the directory"
          + " from a backup, or move it away and resync from peers.", e);
    }
  }

  static CommitCertificate decodeCertificate(byte[] bytes) throws InvalidProtocolBufferException {
    return CommitCertificate.parseFrom(bytes);
  }
}
