package org.alliancechain.node.chain;

import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.List;
import org.alliancechain.crypto.MerkleTree;
import org.alliancechain.node.tx.Transaction;
import org.alliancechain.proto.v1.Block;
import org.alliancechain.proto.v1.BlockHeader;

/** Builds a proposal: header fields, transaction root, and the exact bytes that get hashed. */
public final class BlockAssembler {
  private final ChainRules rules;

  public BlockAssembler(ChainRules rules) {
    this.rules = rules;
  }

  /** A block at {@code height} on {@code parentHash} whose header carries {@code roots}. */
  public AssembledBlock assemble(long height, ByteString parentHash, int proposer, long timestampMs,
      List<Transaction> transactions, ExecutionRoots roots) {
    if (roots.height() != rules.executedHeightFor(height)) {
      throw new IllegalArgumentException("the header of height " + height + " carries the roots of"
          + " height " + rules.executedHeightFor(height) + ", got those of " + roots.height());
    }
    List<byte[]> leaves = new ArrayList<>(transactions.size());
    Block.Builder block = Block.newBuilder();
    for (Transaction transaction : transactions) {
      leaves.add(transaction.encoded().toByteArray());
      block.addTransactions(transaction.encoded());
    }
    BlockHeader header = BlockHeader.newBuilder()
        .setChainId(rules.chainId())
        .setHeight(height)
        .setPreviousHash(parentHash)
        .setProposer(proposer)
        .setTimestampMs(timestampMs)
        .setTransactionCount(transactions.size())
        .setTransactionsRoot(ByteString.copyFrom(MerkleTree.rootOf(rules.hash(), leaves)))
        .setExecutedHeight(roots.height())
        .setStateRoot(roots.stateRoot())
        .setResultsRoot(roots.resultsRoot())
        .build();
    ByteString headerBytes = header.toByteString();
    byte[] encoded = block.setHeader(headerBytes).build().toByteArray();
    ByteString hash = ByteString.copyFrom(rules.hash().digest(headerBytes.toByteArray()));
    return new AssembledBlock(hash, header, encoded, List.copyOf(transactions));
  }

  /** A block ready to propose, with its hash and the transactions it holds. */
  public record AssembledBlock(ByteString hash, BlockHeader header, byte[] encoded,
      List<Transaction> transactions) {}
}
