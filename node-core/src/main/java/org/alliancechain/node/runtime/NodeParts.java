package org.alliancechain.node.runtime;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.alliancechain.config.ChainConfig;
import org.alliancechain.config.NodeConfig;
import org.alliancechain.config.NodeIdentity;
import org.alliancechain.consensus.Event;
import org.alliancechain.consensus.LocalValidator;
import org.alliancechain.consensus.MessageVerifier;
import org.alliancechain.consensus.Replica;
import org.alliancechain.crypto.BatchVerifier;
import org.alliancechain.node.admission.TransactionAdmission;
import org.alliancechain.node.admission.VerifiedSignatures;
import org.alliancechain.node.consensus.ConsensusDriver;
import org.alliancechain.node.ledger.Ledger;
import org.alliancechain.node.mempool.Mempool;
import org.alliancechain.node.metrics.MetricsHttpServer;
import org.alliancechain.node.metrics.NodeMetrics;
import org.alliancechain.node.network.NodeNetwork;
import org.alliancechain.node.proposal.BlockBuilder;
import org.alliancechain.node.proposal.ProposalValidator;
import org.alliancechain.node.proposal.RecentBlocks;
import org.alliancechain.node.state.StateReader;
import org.alliancechain.node.threads.CpuPriority;
import org.alliancechain.node.threads.DaemonThreads;
import org.alliancechain.node.tx.TransactionCodec;
import org.alliancechain.p2p.P2pException;
import org.alliancechain.p2p.TlsIdentity;
import org.alliancechain.storage.Storage;
import org.alliancechain.storage.StorageException;
import org.alliancechain.storage.StorageOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The components of one node, built in dependency order and closed in reverse. */
final class NodeParts {
  private static final Logger log = LoggerFactory.getLogger(NodeParts.class);
  /** The name RocksDB gives the threads of its compaction ("low priority") pool. */
  private static final String ROCKSDB_COMPACTION_THREADS = "rocksdb:low";

  final ChainConfig config;
  final String nodeId;
  final ChainSetup chain;
  final Optional<Integer> validatorIndex;
  final NodeMetrics metrics = new NodeMetrics();
  final Mempool mempool;
  final TransactionCodec idCodec;
  final RecentBlocks recent = new RecentBlocks();
  final VerifiedSignatures verifiedSignatures = new VerifiedSignatures();
  final ScheduledExecutorService scheduler;
  final ScheduledExecutorService builderThread;
  final ExecutorService logWriter;
  final ExecutorService validationPool;
  Storage storage;
  Ledger ledger;
  ConsensusDriver driver;
  TransactionAdmission admission;
  Optional<BlockBuilder> builder = Optional.empty();
  ProposalValidator validator;
  NodeNetwork network;
  MetricsHttpServer metricsServer;
  TlsIdentity tls;
  private boolean closed;

  NodeParts(ChainConfig config) throws NodeStartException {
    this.config = config;
    this.nodeId = config.node().node().id();
    this.chain = ChainSetup.of(config.genesis());
    this.validatorIndex = chain.validatorIndex(nodeId);
    this.mempool = new Mempool(config.node().mempool());
    this.idCodec = new TransactionCodec(chain.rules());
    this.scheduler =
        Executors.newScheduledThreadPool(2, DaemonThreads.named("scheduler-" + nodeId));
    this.builderThread =
        Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("builder-" + nodeId));
    this.logWriter =
        Executors.newSingleThreadExecutor(DaemonThreads.named("consensus-log-" + nodeId));
    this.validationPool =
        Executors.newFixedThreadPool(2, DaemonThreads.named("validate-" + nodeId));
  }

  void build(Node node) throws NodeStartException {
    NodeConfig nodeConfig = config.node();
    NodeIdentity identity = chain.genesis().node(nodeId).orElseThrow(() -> new NodeStartException(
        "node id '" + nodeId + "' is not a validator or observer in genesis"));
    NodeKeys keys = NodeKeys.load(nodeConfig.node(), identity);
    tls = keys.tls();
    openStorage(nodeConfig);
    ledger = new Ledger(nodeId, chain, storage, mempool, metrics, recent, node.new LedgerEvents());
    ledger.onTransactionsStored(ids -> ids.forEach(verifiedSignatures::forget));
    try {
      ledger.open();
    } catch (StorageException e) {
      throw new NodeStartException("cannot commit the genesis state: " + e.getMessage(), e);
    }
    LocalValidator local = validatorIndex
        .map(index -> new LocalValidator(index, keys.signingKey())).orElse(null);
    Replica replica = new Replica(chain.consensusChain(),
        chain.consensusParameters(nodeConfig.consensus()), local,
        ReplicaRestore.load(storage, chain));
    driver = new ConsensusDriver(nodeId, replica, new Host(node), scheduler, metrics);
    admission = new TransactionAdmission(chain.rules(), mempool, SignatureThreads.VERIFIER,
        verifiedSignatures, id -> isCommitted(id.toByteArray()), this::latestState,
        () -> driver.status().committedHeight(), node::countRefusal);
    Node.Proposals proposals = node.new Proposals();
    validatorIndex.ifPresent(index -> builder = Optional.of(new BlockBuilder(chain.rules(), index,
        mempool, ledger, recent, proposals, Clock.systemUTC(),
        nodeConfig.consensus().proposalDelayMs(), nodeConfig.consensus().heartbeatIntervalMs(),
        builderThread)));
    validator = new ProposalValidator(chain.rules(), ledger, recent, mempool,
        SignatureThreads.VERIFIER,
        verifiedSignatures, proposals, Clock.systemUTC(), validationPool);
    MessageVerifier verifier = new MessageVerifier(chain.consensusChain(),
        chain.consensusParameters(nodeConfig.consensus()));
    network = new NodeNetwork(nodeId, chain, NetworkSettings.of(nodeConfig.p2p()), keys.tls(),
        storage, new NodeNetwork.Inbound(verifier, driver::submitPeerMessage,
            blocks -> driver.submit(new Event.SyncedBlocks(blocks)), admission, node::signalWork,
            mempool::snapshot),
        () -> driver.status().committedHeight(), () -> driver.status().view(), metrics,
        scheduler);
    registerGauges(node);
  }

  void startServing(Node node) throws NodeStartException {
    try {
      metricsServer = MetricsHttpServer.start(socket(config.node().api().metricsListen()), metrics,
          node.new Health());
    } catch (IOException e) {
      throw new NodeStartException("cannot serve metrics on " + config.node().api().metricsListen()
          + ": " + e.getMessage() + " (is the port taken? set [api] metrics_listen)", e);
    }
    try {
      network.start();
    } catch (P2pException e) {
      throw new NodeStartException("cannot start p2p on " + config.node().p2p().listen() + ": "
          + e.getMessage(), e);
    }
    driver.start();
  }

  private void openStorage(NodeConfig nodeConfig) throws NodeStartException {
    try {
      storage = Storage.open(nodeConfig.node().dataDir().resolve("ledger"),
          StorageOptions.of(chain.rules().chainId(), chain.genesis().genesisHash(),
              chain.rules().hash()));
    } catch (StorageException e) {
      throw new NodeStartException(e.getMessage(), e);
    }
    // RocksDB starts its compaction threads when a database opens; they are bulk work too.
    int lowered = CpuPriority.lowerThreadsNamed(ROCKSDB_COMPACTION_THREADS);
    log.debug("{} lowered the CPU priority of {} RocksDB compaction threads", nodeId, lowered);
  }

  private boolean isCommitted(byte[] id) {
    try {
      return storage.blocks().isCommitted(id);
    } catch (StorageException e) {
      throw new IllegalStateException("cannot read the transaction index: " + e.getMessage(), e);
    }
  }

  private StateReader latestState() {
    return key -> {
      try {
        return storage.state().get(key.toByteArray()).map(com.google.protobuf.ByteString::copyFrom);
      } catch (StorageException e) {
        throw new IllegalStateException("cannot read state: " + e.getMessage(), e);
      }
    };
  }

  private void registerGauges(Node node) {
    metrics.gauge("alliance_mempool_transactions", "Transactions waiting in the mempool",
        () -> mempool.stats().transactions());
    metrics.gauge("alliance_mempool_bytes", "Bytes of the transactions in the mempool",
        () -> mempool.stats().bytes());
    metrics.gauge("alliance_peers_connected", "Peers with an authenticated link",
        () -> network.peers().stream().filter(peer -> peer.connection().isPresent()).count());
    metrics.gauge("alliance_storage_bytes", "Bytes the ledger database occupies",
        () -> storage.sizeBytes());
    metrics.gauge("alliance_sync_lag_blocks", "Heights the best-known peer is ahead",
        () -> Math.max(0, network.bestPeerHeight() - ledger.executedHeight()));
  }

  private static InetSocketAddress socket(org.alliancechain.config.HostPort address) {
    return new InetSocketAddress(address.bindHost(), address.port());
  }

  /**
   * The signature checker of every node in this process: a pool of one thread per core, at the
   * lowered priority of admission work ({@link CpuPriority}). A caller of {@code verify} checks
   * chunks of its own batch too, at its own priority: a validator checking a proposal's unknown
   * transactions is not held back by the pool's priority.
   */
  private static final class SignatureThreads {
    static final BatchVerifier VERIFIER = create();

    private static BatchVerifier create() {
      int threads = Runtime.getRuntime().availableProcessors();
      ThreadFactory factory = CpuPriority.bulk(DaemonThreads.numbered("alliance-verify-"));
      return BatchVerifier.using(Executors.newFixedThreadPool(threads, factory), threads);
    }
  }

  synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    closeQuietly(metricsServer);
    closeQuietly(network);
    closeQuietly(driver);
    builderThread.shutdownNow();
    validationPool.shutdownNow();
    closeQuietly(ledger);
    logWriter.shutdown();
    try {
      logWriter.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    scheduler.shutdownNow();
    closeQuietly(storage);
    log.info("{} stopped", nodeId);
  }

  private static void closeQuietly(AutoCloseable closeable) {
    if (closeable == null) {
      return;
    }
    try {
      closeable.close();
    } catch (Exception e) {
      log.warn("closing {} failed: {}", closeable.getClass().getSimpleName(), e.toString());
    }
  }

  /** The replica's actions, performed off the consensus thread. */
  private final class Host implements org.alliancechain.node.consensus.ConsensusHost {
    private final Node node;

    Host(Node node) {
      this.node = node;
    }

    @Override
    public void send(int validator, byte[] envelope) {
      network.sendConsensus(validator, envelope);
    }

    @Override
    public void broadcast(byte[] envelope) {
      network.broadcastConsensus(envelope);
    }

    @Override
    public void persist(List<org.alliancechain.consensus.LogEntry> entries, Runnable done) {
      logWriter.execute(() -> {
        try {
          storage.consensusLog().save(entries.stream()
              .map(e -> new org.alliancechain.storage.LogEntry(e.key(), e.value())).toList());
          done.run();
        } catch (StorageException e) {
          node.halt("cannot persist consensus votes: " + e.getMessage());
        }
      });
    }

    @Override
    public void prune(List<org.alliancechain.consensus.KeyRange> ranges) {
      logWriter.execute(() -> {
        try {
          for (org.alliancechain.consensus.KeyRange range : ranges) {
            storage.consensusLog().deleteRange(range.from(), range.to());
          }
        } catch (StorageException e) {
          log.warn("{} could not prune the consensus log: {}", nodeId, e.getMessage());
        }
      });
    }

    @Override
    public void requestProposal(long view, long height, byte[] parentHash) {
      builder.ifPresent(b -> b.request(view, height, parentHash));
    }

    @Override
    public void validateProposal(long view, long height, byte[] blockHash,
        org.alliancechain.consensus.message.ChainBlock block) {
      validator.validate(view, height, blockHash, block.encoded());
    }

    @Override
    public void deliver(long height, org.alliancechain.consensus.message.ChainBlock block,
        org.alliancechain.consensus.message.CommitCertificate certificate) {
      // Committed now, executed later: drop its transactions from the mempool at once, so no
      // proposal repeats them while the ledger catches up. A block this node never validated
      // (synced, or certified before its proposal arrived) is read for its ids off this thread.
      var summary = recent.get(com.google.protobuf.ByteString.copyFrom(block.hash().bytes()));
      if (summary.isPresent()) {
        mempool.removeCommitted(height, summary.get().transactionIds());
      } else {
        validationPool.execute(
            () -> mempool.removeCommitted(height, idCodec.idsOf(block.encoded())));
      }
      ledger.deliver(height, block, certificate);
      node.delivered(height);
    }

    @Override
    public void requestSync(long fromHeight, long knownTipHeight) {
      network.requestSync(fromHeight, knownTipHeight);
    }

    @Override
    public void halt(String reason) {
      node.halt(reason);
    }
  }
}
