package org.alliancechain.consensus.codec;

import com.google.protobuf.InvalidProtocolBufferException;
import org.alliancechain.consensus.message.ChainBlock;
import org.alliancechain.consensus.message.Hash;
import org.alliancechain.crypto.HashAlgorithm;
import org.alliancechain.proto.v1.Block;
import org.alliancechain.proto.v1.BlockHeader;

/** Reads what consensus needs from a serialized {@code alliance.v1.Block}. */
public final class BlockCodec {
  private BlockCodec() {
  }

  /**
   * The block in {@code encoded}: its hash is {@code hashAlgorithm} over the exact header bytes.
   *
   * @throws DecodeException if the bytes are not a Block with a header of {@code chainId}, a
   *     height of at least 1 and a 32-byte previous hash
   */
  public static ChainBlock decode(byte[] encoded, HashAlgorithm hashAlgorithm, String chainId)
      throws DecodeException {
    try {
      Block block = Block.parseFrom(encoded);
      byte[] headerBytes = block.getHeader().toByteArray();
      BlockHeader header = BlockHeader.parseFrom(headerBytes);
      if (!header.getChainId().equals(chainId)) {
        throw new DecodeException("block header is for chain '" + header.getChainId()
            + "', expected '" + chainId + "'");
      }
      long height = Fields.number(header.getHeight(), "block height");
      if (height < 1) {
        throw new DecodeException("block height must be at least 1, got 0");
      }
      Hash parent = Fields.hash(header.getPreviousHash(), "block previous_hash");
      return new ChainBlock(Hash.of(hashAlgorithm.digest(headerBytes)), height, parent, encoded);
    } catch (InvalidProtocolBufferException e) {
      throw new DecodeException("not a serialized alliance.v1.Block: " + e.getMessage(), e);
    }
  }
}
