package org.alliancechain.node.proposal;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.alliancechain.crypto.BatchVerifier;
import org.alliancechain.crypto.MerkleTree;
import org.alliancechain.node.chain.ChainRules;
import org.alliancechain.node.chain.ExecutionRoots;
import org.alliancechain.node.ledger.Ledger;
import org.alliancechain.node.mempool.Mempool;
import org.alliancechain.node.admission.VerifiedSignatures;
import org.alliancechain.node.tx.InvalidTransactionException;
import org.alliancechain.node.tx.Transaction;
import org.alliancechain.node.tx.TransactionCodec;
import org.alliancechain.node.tx.TransactionId;
import org.alliancechain.proto.v1.Block;
import org.alliancechain.proto.v1.BlockHeader;
import org.alliancechain.storage.StorageException;

/**
 * Checks a proposal before this validator PREPAREs it: limits, transaction root, timestamp,
 * every transaction (format, expiry, not committed, not repeated in the block or an uncommitted
 * ancestor, signature — verified only when this node has not verified that exact signature
 * already), and
 * the execution roots against this node's own execution of height - window (waiting for it if
 * needed). Runs off the consensus thread; answers through the {@link ProposalSink}.
 */
public final class ProposalValidator {
  /** How far ahead of this node's clock a proposal's timestamp may be. */
  static final long CLOCK_DRIFT_MAX_MS = 10_000;

  private final ChainRules rules;
  private final TransactionCodec codec;
  private final Ledger ledger;
  private final RecentBlocks recent;
  private final BatchVerifier verifier;
  private final VerifiedSignatures verified;
  private final Mempool mempool;
  private final ProposalSink sink;
  private final Clock clock;
  private final Executor executor;

  public ProposalValidator(ChainRules rules, Ledger ledger, RecentBlocks recent, Mempool mempool,
      BatchVerifier verifier, VerifiedSignatures verified, ProposalSink sink, Clock clock,
      Executor executor) {
    this.mempool = mempool;
    this.rules = rules;
    this.codec = new TransactionCodec(rules);
    this.verified = verified;
    this.ledger = ledger;
    this.recent = recent;
    this.verifier = verifier;
    this.sink = sink;
    this.clock = clock;
    this.executor = executor;
  }

  /** Validates asynchronously; the answer goes to the sink. */
  public void validate(long view, long height, byte[] blockHash, byte[] encodedBlock) {
    CompletableFuture.supplyAsync(() -> checkContents(height, blockHash, encodedBlock), executor)
        .thenCompose(checked -> checked.problem != null
            ? CompletableFuture.completedFuture(checked.problem)
            : ledger.roots(checked.header.getExecutedHeight())
                .thenApply(roots -> checkRoots(checked, roots, blockHash)))
        .whenComplete((problem, failure) -> {
          String reason = failure != null ? "validation failed: " + failure : problem;
          sink.proposalValidated(view, height, blockHash, reason == null, reason);
        });
  }

  private record Checked(BlockHeader header, Set<TransactionId> ids, String problem) {
    static Checked refused(String problem) {
      return new Checked(null, Set.of(), problem);
    }
  }

  private Checked checkContents(long height, byte[] blockHash, byte[] encodedBlock) {
    Block block;
    BlockHeader header;
    try {
      block = Block.parseFrom(encodedBlock);
      header = BlockHeader.parseFrom(block.getHeader());
    } catch (InvalidProtocolBufferException e) {
      return Checked.refused("block does not parse: " + e.getMessage());
    }
    String problem = checkHeader(height, header, block, encodedBlock.length);
    if (problem != null) {
      return Checked.refused(problem);
    }
    List<Transaction> transactions = new ArrayList<>(block.getTransactionsCount());
    Set<TransactionId> ids = new HashSet<>();
    for (ByteString encoded : block.getTransactionsList()) {
      Transaction transaction;
      try {
        transaction = codec.decode(encoded);
      } catch (InvalidTransactionException e) {
        return Checked.refused("a transaction is invalid: " + e.getMessage());
      }
      problem = checkTransaction(transaction, height, ids, header.getPreviousHash());
      if (problem != null) {
        return Checked.refused(problem);
      }
      transactions.add(transaction);
    }
    problem = checkSignatures(transactions);
    return problem != null ? Checked.refused(problem) : new Checked(header, ids, null);
  }

  private String checkHeader(long height, BlockHeader header, Block block, int encodedBytes) {
    if (header.getHeight() != height || !header.getChainId().equals(rules.chainId())) {
      return "header names height " + header.getHeight() + " of chain '" + header.getChainId()
          + "', expected height " + height + " of '" + rules.chainId() + "'";
    }
    if (header.getTransactionCount() != block.getTransactionsCount()) {
      return "header counts " + header.getTransactionCount() + " transactions, the block holds "
          + block.getTransactionsCount();
    }
    if (block.getTransactionsCount() > rules.maxBlockTransactions()
        || encodedBytes > rules.maxBlockBytes()) {
      return "block has " + block.getTransactionsCount() + " transactions in " + encodedBytes
          + " bytes, the chain allows " + rules.maxBlockTransactions() + " and "
          + rules.maxBlockBytes();
    }
    if (header.getExecutedHeight() != rules.executedHeightFor(height)) {
      return "header carries roots of height " + header.getExecutedHeight() + ", expected "
          + rules.executedHeightFor(height);
    }
    List<byte[]> leaves = new ArrayList<>(block.getTransactionsCount());
    block.getTransactionsList().forEach(tx -> leaves.add(tx.toByteArray()));
    if (!header.getTransactionsRoot().equals(
        ByteString.copyFrom(MerkleTree.rootOf(rules.hash(), leaves)))) {
      return "transactions_root does not match the block's transactions";
    }
    long parentTimestampMs = recent.get(header.getPreviousHash())
        .map(RecentBlocks.Summary::timestampMs).orElse(0L);
    if (header.getTimestampMs() < parentTimestampMs) {
      return "timestamp " + header.getTimestampMs() + " is before the parent's "
          + parentTimestampMs;
    }
    if (header.getTimestampMs() > clock.millis() + CLOCK_DRIFT_MAX_MS) {
      return "timestamp " + header.getTimestampMs() + " is more than " + CLOCK_DRIFT_MAX_MS
          + " ms ahead of this node's clock";
    }
    return null;
  }

  private String checkTransaction(Transaction transaction, long height, Set<TransactionId> ids,
      ByteString parentHash) {
    TransactionId id = transaction.id();
    if (transaction.expiryHeight() < height
        || transaction.expiryHeight() > height + rules.transactionLifetimeBlocks()) {
      return "transaction " + id + " expires at height " + transaction.expiryHeight()
          + ", outside " + height + ".." + (height + rules.transactionLifetimeBlocks());
    }
    if (!ids.add(id)) {
      return "transaction " + id + " appears twice in the block";
    }
    if (inUncommittedAncestor(id, parentHash)) {
      return "transaction " + id + " is already in an uncommitted ancestor block";
    }
    try {
      if (ledger.storage().blocks().isCommitted(id.toByteArray())) {
        return "transaction " + id + " is already committed";
      }
    } catch (StorageException e) {
      return "cannot check transaction " + id + " against storage: " + e.getMessage();
    }
    return null;
  }

  private boolean inUncommittedAncestor(TransactionId id, ByteString parentHash) {
    ByteString hash = parentHash;
    long executed = ledger.executedHeight();
    for (int i = 0; i < 2 * rules.window() + 2; i++) {
      Optional<RecentBlocks.Summary> block = recent.get(hash);
      if (block.isEmpty() || block.get().height() <= executed) {
        return false;
      }
      if (block.get().transactionIds().contains(id)) {
        return true;
      }
      hash = block.get().parentHash();
    }
    return false;
  }

  private String checkSignatures(List<Transaction> transactions) {
    boolean[] valid = verified.verify(transactions, verifier);
    for (int i = 0; i < valid.length; i++) {
      if (!valid[i]) {
        return "transaction " + transactions.get(i).id() + " has an invalid signature";
      }
    }
    return null;
  }

  private String checkRoots(Checked checked, ExecutionRoots roots, byte[] blockHash) {
    BlockHeader header = checked.header;
    if (!header.getStateRoot().equals(roots.stateRoot())
        || !header.getResultsRoot().equals(roots.resultsRoot())) {
      return "execution roots of height " + roots.height() + " differ from this node's:"
          + " the proposer's execution diverged, or this node's did";
    }
    recent.remember(ByteString.copyFrom(blockHash), new RecentBlocks.Summary(header.getHeight(),
        header.getPreviousHash(), header.getTimestampMs(), header.getTransactionCount(),
        checked.ids));
    // While this block may commit, this node must not propose its transactions again.
    mempool.reserveIds(header.getHeight(), checked.ids);
    return null;
  }
}
