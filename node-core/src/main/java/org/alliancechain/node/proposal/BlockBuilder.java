package org.alliancechain.node.proposal;

import com.google.protobuf.ByteString;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.alliancechain.node.chain.BlockAssembler;
import org.alliancechain.node.chain.BlockAssembler.AssembledBlock;
import org.alliancechain.node.chain.ChainRules;
import org.alliancechain.node.chain.ExecutionRoots;
import org.alliancechain.node.ledger.Ledger;
import org.alliancechain.node.mempool.Mempool;
import org.alliancechain.node.tx.Transaction;
import org.alliancechain.node.tx.TransactionId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The primary's block builder. Holds the replica's standing request for a proposal and answers
 * it when there is something to propose: transactions (after a short delay to fill the block,
 * at once when a block's worth waits), or an empty block when one is needed — to certify the
 * results of the last {@code window} blocks (ADR 0002) or as a configured heartbeat. A proposal
 * of height h waits until this node executed h - window, whose roots its header carries.
 * Runs on its own scheduler thread; the consensus thread only posts requests.
 */
public final class BlockBuilder {
  private static final Logger log = LoggerFactory.getLogger(BlockBuilder.class);
  /** Room left in a block's byte budget for its header and framing. */
  private static final int HEADER_BYTES_RESERVE = 1024;

  private final ChainRules rules;
  private final int proposerIndex;
  private final Mempool mempool;
  private final Ledger ledger;
  private final RecentBlocks recent;
  private final ProposalSink sink;
  private final Clock clock;
  private final long proposalDelayMs;
  private final long heartbeatIntervalMs;
  private final ScheduledExecutorService scheduler;
  private final BlockAssembler assembler;
  private Request current;

  private static final class Request {
    final long view;
    final long height;
    final ByteString parentHash;
    long workSeenAtMs = -1;
    boolean answered;

    Request(long view, long height, ByteString parentHash) {
      this.view = view;
      this.height = height;
      this.parentHash = parentHash;
    }
  }

  public BlockBuilder(ChainRules rules, int proposerIndex, Mempool mempool, Ledger ledger,
      RecentBlocks recent, ProposalSink sink, Clock clock, long proposalDelayMs,
      long heartbeatIntervalMs, ScheduledExecutorService scheduler) {
    this.rules = rules;
    this.proposerIndex = proposerIndex;
    this.mempool = mempool;
    this.ledger = ledger;
    this.recent = recent;
    this.sink = sink;
    this.clock = clock;
    this.proposalDelayMs = proposalDelayMs;
    this.heartbeatIntervalMs = heartbeatIntervalMs;
    this.scheduler = scheduler;
    this.assembler = new BlockAssembler(rules);
  }

  /** The replica asks for a proposal; replaces any earlier request. */
  public void request(long view, long height, byte[] parentHash) {
    scheduler.execute(() -> {
      current = new Request(view, height, ByteString.copyFrom(parentHash));
      attempt();
    });
  }

  /** Transactions arrived: a pending request may now be answered. */
  public void workArrived() {
    scheduler.execute(this::attempt);
  }

  private void attempt() {
    Request request = current;
    if (request == null || request.answered) {
      return;
    }
    CompletableFuture<ExecutionRoots> roots =
        ledger.roots(rules.executedHeightFor(request.height));
    if (!roots.isDone()) {
      roots.whenComplete((r, e) -> scheduler.execute(this::attempt));
      return;
    }
    long nowMs = clock.millis();
    Optional<RecentBlocks.Summary> parent = recent.get(request.parentHash);
    boolean hasWork = mempool.hasWaiting();
    boolean needed = certificationPending(request) || heartbeatDue(parent, nowMs);
    if (!hasWork && !needed) {
      return;
    }
    if (request.workSeenAtMs < 0) {
      request.workSeenAtMs = nowMs;
    }
    long readyAtMs = request.workSeenAtMs + proposalDelayMs;
    if (nowMs < readyAtMs && mempool.stats().transactions() - mempool.stats().reserved()
        < rules.maxBlockTransactions()) {
      scheduler.schedule(this::attempt, readyAtMs - nowMs, TimeUnit.MILLISECONDS);
      return;
    }
    propose(request, roots.join(), parent, nowMs);
  }

  private void propose(Request request, ExecutionRoots roots, Optional<RecentBlocks.Summary> parent,
      long nowMs) {
    List<Transaction> transactions = mempool.reserve(request.height, rules.maxBlockTransactions(),
        rules.maxBlockBytes() - HEADER_BYTES_RESERVE);
    long timestampMs = Math.max(nowMs, parent.map(RecentBlocks.Summary::timestampMs).orElse(0L));
    AssembledBlock block = assembler.assemble(request.height, request.parentHash, proposerIndex,
        timestampMs, transactions, roots);
    Set<TransactionId> ids = new HashSet<>();
    transactions.forEach(tx -> ids.add(tx.id()));
    recent.remember(block.hash(), new RecentBlocks.Summary(request.height, request.parentHash,
        timestampMs, transactions.size(), ids));
    request.answered = true;
    log.debug("proposing block {} ({} transactions) in view {}", request.height,
        transactions.size(), request.view);
    sink.proposalReady(request.view, request.height, block.encoded());
  }

  /**
   * Whether one of the last {@code window} blocks below the requested height carries
   * transactions whose results no committed header certifies yet. An unknown ancestor counts as
   * carrying some: an extra empty block is cheap, an uncertifiable receipt is not.
   */
  private boolean certificationPending(Request request) {
    ByteString hash = request.parentHash;
    for (int i = 0; i < rules.window() && request.height - 1 - i >= 1; i++) {
      Optional<RecentBlocks.Summary> block = recent.get(hash);
      if (block.isEmpty()) {
        return true;
      }
      if (block.get().transactionCount() > 0) {
        return true;
      }
      hash = block.get().parentHash();
    }
    return false;
  }

  private boolean heartbeatDue(Optional<RecentBlocks.Summary> parent, long nowMs) {
    return heartbeatIntervalMs > 0
        && nowMs - parent.map(RecentBlocks.Summary::timestampMs).orElse(0L) >= heartbeatIntervalMs;
  }
}
