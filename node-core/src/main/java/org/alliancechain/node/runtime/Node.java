package org.alliancechain.node.runtime;

import com.google.protobuf.ByteString;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.alliancechain.config.ChainConfig;
import org.alliancechain.config.Genesis;
import org.alliancechain.consensus.Event;
import org.alliancechain.consensus.ReplicaStatus;
import org.alliancechain.consensus.message.Hash;
import org.alliancechain.node.admission.AdmissionOutcome;
import org.alliancechain.node.api.NodeServices;
import org.alliancechain.node.api.ServerTls;
import org.alliancechain.node.chain.ChainRules;
import org.alliancechain.node.ledger.LedgerListener;
import org.alliancechain.node.mempool.MempoolStats;
import org.alliancechain.node.metrics.HealthCheck;
import org.alliancechain.node.metrics.NodeMetrics;
import org.alliancechain.node.proposal.BlockBuilder;
import org.alliancechain.node.proposal.ProposalSink;
import org.alliancechain.node.tx.Transaction;
import org.alliancechain.node.tx.TransactionId;
import org.alliancechain.p2p.P2pMetrics;
import org.alliancechain.p2p.PeerStatus;
import org.alliancechain.storage.Storage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running validator or observer: the one place where consensus, p2p, storage, execution and
 * the mempool are wired together. {@link #start} brings it up from its configuration; {@link
 * #close} shuts it down gracefully (stop accepting, finish the block being stored, close the
 * database).
 */
public final class Node implements NodeServices, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Node.class);

  private final NodeParts parts;
  private final String nodeId;
  private final ChainSetup chain;
  private final boolean validator;
  private final Map<String, AtomicLong> rejections = new ConcurrentHashMap<>();
  private volatile String haltReason;
  private volatile boolean workPending;
  /** The highest height the replica delivered as committed (its status lags within a step). */
  private volatile long deliveredHeight;

  private Node(NodeParts parts) {
    this.parts = parts;
    this.nodeId = parts.nodeId;
    this.chain = parts.chain;
    this.validator = parts.validatorIndex.isPresent();
  }

  /** Opens storage, restores consensus, joins the network and starts serving metrics. */
  public static Node start(ChainConfig config) throws NodeStartException {
    NodeParts parts = new NodeParts(config);
    Node node = new Node(parts);
    try {
      parts.build(node);
      parts.startServing(node);
    } catch (NodeStartException | RuntimeException e) {
      node.close();
      throw e;
    }
    log.info("{} started as {} of chain {} (suite {}, {} validators), p2p port {}",
        node.nodeId, node.validator ? "validator " + parts.validatorIndex.get() : "observer",
        node.chain.rules().chainId(), node.chain.rules().suite().id(),
        node.chain.validators().size(), parts.network.listenPort());
    return node;
  }

  /** The p2p port actually bound (useful when configured as 0). */
  public int p2pPort() {
    return parts.network.listenPort();
  }

  public InetSocketAddress metricsAddress() {
    return parts.metricsServer.address();
  }

  public NodeMetrics metrics() {
    return parts.metrics;
  }

  /** Why the node stopped taking part, or null while it runs normally. */
  public String haltReason() {
    return haltReason;
  }

  void halt(String reason) {
    if (haltReason == null) {
      haltReason = reason;
      log.error("{} HALTED and stopped voting: {}", nodeId, reason);
      parts.driver.close();
    }
  }

  /**
   * Tells the block builder when transactions wait, and the replica when they wait for the
   * primary. They do not while this node's own execution lags: the next block's header carries
   * the roots of height committed + 1 - window, which this node must have executed to validate
   * it (and a primary, to propose it), so until then the wait is for this node's ledger, and
   * the replica's progress timer must not turn a slow disk or CPU into view changes (each new
   * primary would face the same backlog). Once the ledger catches up, the timer runs again.
   */
  synchronized void signalWork() {
    boolean waiting = parts.mempool.hasWaiting();
    if (waiting) {
      parts.builder.ifPresent(BlockBuilder::workArrived);
    }
    long committed = validator
        ? Math.max(deliveredHeight, parts.driver.status().committedHeight()) : 0;
    boolean pending = waiting && (!validator || parts.ledger.executedHeight()
        >= parts.chain.rules().executedHeightFor(committed + 1));
    if (pending != workPending) {
      workPending = pending;
      parts.driver.submit(new Event.WorkPending(pending));
    }
  }

  /** The replica delivered {@code height} as committed: the wait may now be for the ledger. */
  void delivered(long height) {
    deliveredHeight = Math.max(deliveredHeight, height);
    signalWork();
  }

  void countRefusal(AdmissionOutcome outcome) {
    String label = outcome.rejection().name().toLowerCase(java.util.Locale.ROOT);
    rejections.computeIfAbsent(label, key -> new AtomicLong()).incrementAndGet();
    parts.metrics.mempoolRejections.labelValues(label).inc();
  }

  // NodeServices

  @Override
  public ChainRules rules() {
    return chain.rules();
  }

  @Override
  public Genesis genesis() {
    return chain.genesis();
  }

  @Override
  public String nodeId() {
    return nodeId;
  }

  @Override
  public boolean isValidator() {
    return validator;
  }

  @Override
  public Storage storage() {
    return parts.storage;
  }

  @Override
  public List<AdmissionOutcome> submit(List<ByteString> transactions) {
    List<AdmissionOutcome> outcomes = parts.admission.admit(transactions);
    List<Transaction> admitted = new ArrayList<>(outcomes.size());
    for (AdmissionOutcome outcome : outcomes) {
      if (outcome.accepted()) {
        admitted.add(outcome.transaction());
      }
    }
    parts.network.forward(admitted);
    signalWork();
    return outcomes;
  }

  @Override
  public CompletableFuture<CommittedTransaction> awaitCommit(TransactionId id) {
    return parts.ledger.awaitCommit(id);
  }

  @Override
  public Optional<ReplicaStatus> consensus() {
    return validator ? Optional.of(parts.driver.status()) : Optional.empty();
  }

  @Override
  public List<PeerStatus> peers() {
    return parts.network.peers();
  }

  @Override
  public P2pMetrics p2pMetrics() {
    return parts.network.metrics();
  }

  @Override
  public MempoolStats mempool() {
    return parts.mempool.stats();
  }

  @Override
  public Map<String, Long> mempoolRejections() {
    Map<String, Long> counts = new java.util.TreeMap<>();
    rejections.forEach((reason, count) -> counts.put(reason, count.get()));
    return counts;
  }

  /**
   * The identity the API presents when {@code [api] tls} is on: the node's TLS certificate
   * chain and key, the same the p2p layer uses, which clients check against the organization's
   * CA certificate.
   */
  public ServerTls apiTls() {
    return new ServerTls(parts.tls.certificateChain(), parts.tls.privateKey());
  }

  @Override
  public long peerHeight(String peerId) {
    return parts.network.peerHeight(peerId);
  }

  @Override
  public long bestPeerHeight() {
    return parts.network.bestPeerHeight();
  }

  @Override
  public boolean ready() {
    return notReadyReason() == null;
  }

  @Override
  public long viewChanges() {
    return parts.driver.viewChanges();
  }

  @Override
  public AutoCloseable onBlockStored(LongConsumer listener) {
    return parts.ledger.onBlockStored(listener);
  }

  String notReadyReason() {
    if (haltReason != null) {
      return "halted: " + haltReason;
    }
    long executed = parts.ledger.executedHeight();
    long behind = parts.network.bestPeerHeight() - executed;
    if (behind > chain.rules().window() + 1L) {
      return "catching up: " + behind + " heights behind the best peer";
    }
    if (chain.validators().size() > 1 && parts.network.peers().stream()
        .noneMatch(peer -> peer.connection().isPresent())) {
      return "no peer connected";
    }
    return null;
  }

  /** Stops accepting, finishes the block being stored, closes the database. Idempotent. */
  @Override
  public void close() {
    parts.close();
  }

  /** The ledger's events, forwarded to the replica and the node. */
  final class LedgerEvents implements LedgerListener {
    @Override
    public void executed(long height, ByteString blockHash, ByteString stateRoot) {
      parts.driver.submit(new Event.BlockExecuted(height, Hash.of(blockHash.toByteArray()),
          Hash.of(stateRoot.toByteArray())));
      signalWork();
    }

    @Override
    public void halted(String reason) {
      halt(reason);
    }
  }

  /** The block builder's and validator's answers, into the consensus queue. */
  final class Proposals implements ProposalSink {
    @Override
    public void proposalReady(long view, long height, byte[] block) {
      parts.driver.submit(new Event.ProposalReady(view, height, block));
    }

    @Override
    public void proposalValidated(long view, long height, byte[] blockHash, boolean valid,
        String reason) {
      if (!valid) {
        log.warn("[{} v={} h={}] refused the proposal {}: {}", nodeId, view, height,
            Hash.of(blockHash), reason);
      }
      parts.driver.submit(new Event.ProposalValidated(view, height, Hash.of(blockHash), valid,
          reason == null ? "" : reason));
    }
  }

  /** /healthz and /readyz. */
  final class Health implements HealthCheck {
    @Override
    public String unhealthyReason() {
      return haltReason == null ? null : "halted: " + haltReason;
    }

    @Override
    public String notReadyReason() {
      return Node.this.notReadyReason();
    }
  }
}
