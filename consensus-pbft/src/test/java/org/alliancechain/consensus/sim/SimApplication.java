package org.alliancechain.consensus.sim;

import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.alliancechain.consensus.Action;
import org.alliancechain.consensus.Event;
import org.alliancechain.consensus.message.ChainBlock;
import org.alliancechain.consensus.message.Hash;
import org.alliancechain.proto.v1.BlockHeader;

/**
 * A simulated node's application: a mempool, a block builder that follows docs/adr/0002 (roots
 * of height − W, empty blocks while a recent block carries transactions), a structural block
 * validator and a deterministic executor. Rebuilt from storage after a crash.
 */
final class SimApplication {
  private static final int BLOCK_TRANSACTIONS_MAX = 8;

  private final SimNode node;
  private final int window;
  private final long divergeFromHeight;
  private final LinkedHashSet<ByteString> mempool = new LinkedHashSet<>();
  private final Set<ByteString> committedTransactions = new HashSet<>();
  private final Map<Hash, BlockHeader> headers = new HashMap<>();
  private final Map<Hash, List<ByteString>> blockTransactions = new HashMap<>();
  private final List<Hash> roots = new ArrayList<>();
  private final List<Action.ValidateProposal> pendingValidations = new ArrayList<>();
  private Action.RequestProposal pendingProposal;

  SimApplication(SimNode node, int window, long divergeFromHeight) {
    this.node = node;
    this.window = window;
    this.divergeFromHeight = divergeFromHeight;
    roots.add(SimBlocks.GENESIS_STATE);
    for (long height = 1; height <= node.storage.height(); height++) {
      execute(node.storage.block(height).block());
    }
  }

  long executedHeight() {
    return roots.size() - 1;
  }

  Hash root(long height) {
    return roots.get((int) height);
  }

  void onTransaction(ByteString transaction) {
    if (committedTransactions.contains(transaction) || !mempool.add(transaction)) {
      return;
    }
    if (mempool.size() == 1) {
      node.step(new Event.WorkPending(true));
    }
    tryBuild();
  }

  void onRequestProposal(Action.RequestProposal request) {
    pendingProposal = request;
    tryBuild();
  }

  void onValidate(Action.ValidateProposal request) {
    pendingValidations.add(request);
    tryValidate();
  }

  /** Executes a delivered block; reports it after a simulated execution delay. */
  void onDeliver(ChainBlock block) {
    Hash root = execute(block);
    boolean hadWork = !mempool.isEmpty();
    mempool.removeAll(blockTransactions.getOrDefault(block.hash(), List.of()));
    node.later(node.cluster.random().nextInt(3), () ->
        node.step(new Event.BlockExecuted(block.height(), block.hash(), root)));
    if (hadWork && mempool.isEmpty()) {
      node.step(new Event.WorkPending(false));
    }
    tryBuild();
    tryValidate();
  }

  private Hash execute(ChainBlock block) {
    remember(block);
    committedTransactions.addAll(blockTransactions.get(block.hash()));
    Hash root = SimBlocks.execute(roots.get(roots.size() - 1), block.hash());
    if (block.height() >= divergeFromHeight) {
      root = SimBlocks.execute(root, root);
    }
    roots.add(root);
    return root;
  }

  private void remember(ChainBlock block) {
    if (!headers.containsKey(block.hash())) {
      headers.put(block.hash(), SimBlocks.header(block.encoded()));
      blockTransactions.put(block.hash(), SimBlocks.parse(block.encoded()).getTransactionsList());
    }
  }

  private void tryBuild() {
    Action.RequestProposal request = pendingProposal;
    if (request == null || executedHeight() < request.height() - window) {
      return;
    }
    List<ByteString> transactions = pickTransactions(request.parentHash());
    if (transactions.isEmpty() && !recentBlockCarriesTransactions(request.parentHash())) {
      return;
    }
    pendingProposal = null;
    BlockHeader parent = headers.get(request.parentHash());
    long timestampMs = Math.max(node.cluster.scheduler().nowMs(),
        parent == null ? 0 : parent.getTimestampMs());
    long executed = Math.max(0, request.height() - window);
    byte[] block = SimBlocks.build(new SimBlocks.Proposal(node.cluster.chain().chainId(),
        request.height(), request.parentHash(), node.index, timestampMs, transactions, executed,
        roots.get((int) executed)));
    node.cluster.checkers().onProposed(block);
    node.later(node.cluster.random().nextInt(3), () ->
        node.step(new Event.ProposalReady(request.view(), request.height(), block)));
  }

  /** Mempool transactions not already in the uncommitted blocks being built on. */
  private List<ByteString> pickTransactions(Hash parent) {
    Set<ByteString> inFlight = new HashSet<>();
    Hash cursor = parent;
    for (int i = 0; i < window && headers.containsKey(cursor); i++) {
      inFlight.addAll(blockTransactions.get(cursor));
      cursor = Hash.of(headers.get(cursor).getPreviousHash().toByteArray());
    }
    List<ByteString> picked = new ArrayList<>();
    for (ByteString transaction : mempool) {
      if (picked.size() < BLOCK_TRANSACTIONS_MAX && !inFlight.contains(transaction)) {
        picked.add(transaction);
      }
    }
    return picked;
  }

  private boolean recentBlockCarriesTransactions(Hash parent) {
    Hash cursor = parent;
    for (int i = 0; i < window && headers.containsKey(cursor); i++) {
      if (!blockTransactions.get(cursor).isEmpty()) {
        return true;
      }
      cursor = Hash.of(headers.get(cursor).getPreviousHash().toByteArray());
    }
    return false;
  }

  private void tryValidate() {
    for (Action.ValidateProposal request : new ArrayList<>(pendingValidations)) {
      if (executedHeight() >= request.height() - window) {
        pendingValidations.remove(request);
        String problem = problem(request);
        node.later(node.cluster.random().nextInt(3), () -> node.step(new Event.ProposalValidated(
            request.view(), request.height(), request.blockHash(), problem == null,
            problem == null ? "" : problem)));
      }
    }
  }

  /** What is structurally wrong with a proposal, or null. */
  private String problem(Action.ValidateProposal request) {
    ChainBlock block = request.block();
    remember(block);
    BlockHeader header = headers.get(block.hash());
    List<ByteString> transactions = blockTransactions.get(block.hash());
    long executed = Math.max(0, request.height() - window);
    BlockHeader parent = headers.get(block.parentHash());
    if (header.getProposer() != node.cluster.chain().validators().primary(request.view())) {
      return "proposer " + header.getProposer() + " is not the primary";
    }
    if (parent != null && header.getTimestampMs() < parent.getTimestampMs()) {
      return "timestamp before the parent's";
    }
    if (header.getTransactionCount() != transactions.size()
        || !SimBlocks.transactionsRoot(transactions).matches(header.getTransactionsRoot().toByteArray())) {
      return "transactions do not match the header";
    }
    if (header.getExecutedHeight() != executed
        || !roots.get((int) executed).matches(header.getStateRoot().toByteArray())) {
      return "state root of height " + executed + " differs from this node's";
    }
    return null;
  }

  int mempoolSize() {
    return mempool.size();
  }
}
