package org.alliancechain.consensus.sim;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.alliancechain.consensus.message.Hash;
import org.alliancechain.crypto.HashAlgorithm;
import org.alliancechain.proto.v1.Block;
import org.alliancechain.proto.v1.BlockHeader;

/** Real {@code alliance.v1.Block}s for the simulated hosts, with a stand-in execution. */
public final class SimBlocks {
  public static final HashAlgorithm HASH = HashAlgorithm.SHA_256;
  public static final Hash GENESIS_STATE = Hash.of(HASH.digest(
      "simulated genesis state".getBytes(StandardCharsets.US_ASCII)));

  private SimBlocks() {
  }

  /** The fields a proposer chooses. */
  public record Proposal(String chainId, long height, Hash parent, int proposer, long timestampMs,
      List<ByteString> transactions, long executedHeight, Hash stateRoot) {
  }

  public static byte[] build(Proposal proposal) {
    BlockHeader header = BlockHeader.newBuilder()
        .setChainId(proposal.chainId())
        .setHeight(proposal.height())
        .setPreviousHash(ByteString.copyFrom(proposal.parent().bytes()))
        .setProposer(proposal.proposer())
        .setTimestampMs(proposal.timestampMs())
        .setTransactionCount(proposal.transactions().size())
        .setTransactionsRoot(ByteString.copyFrom(transactionsRoot(proposal.transactions()).bytes()))
        .setExecutedHeight(proposal.executedHeight())
        .setStateRoot(ByteString.copyFrom(proposal.stateRoot().bytes()))
        .setResultsRoot(ByteString.copyFrom(resultsRoot(proposal.stateRoot()).bytes()))
        .build();
    return Block.newBuilder().setHeader(header.toByteString())
        .addAllTransactions(proposal.transactions()).build().toByteArray();
  }

  /** A stand-in for the RFC 6962 root: consensus never looks inside. */
  public static Hash transactionsRoot(List<ByteString> transactions) {
    HashAlgorithm.Incremental digest = HASH.incremental();
    for (ByteString transaction : transactions) {
      digest.update(HASH.digest(transaction.toByteArray()));
    }
    return Hash.of(digest.finish());
  }

  public static Hash resultsRoot(Hash stateRoot) {
    return Hash.of(HASH.digest("results".getBytes(StandardCharsets.US_ASCII), stateRoot.bytes()));
  }

  /** Deterministic execution: the state root after a block is H(previous root || block hash). */
  public static Hash execute(Hash previousRoot, Hash blockHash) {
    return Hash.of(HASH.digest(previousRoot.bytes(), blockHash.bytes()));
  }

  public static Block parse(byte[] encoded) {
    try {
      return Block.parseFrom(encoded);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException(e);
    }
  }

  public static BlockHeader header(byte[] encoded) {
    try {
      return BlockHeader.parseFrom(parse(encoded).getHeader());
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException(e);
    }
  }
}
