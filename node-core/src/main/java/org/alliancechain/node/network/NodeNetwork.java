package org.alliancechain.node.network;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.alliancechain.config.Genesis;
import org.alliancechain.config.NodeIdentity;
import org.alliancechain.config.Organization;
import org.alliancechain.consensus.MessageVerifier;
import org.alliancechain.consensus.VerifiedCommittedBlock;
import org.alliancechain.consensus.VerifiedMessage;
import org.alliancechain.node.admission.TransactionAdmission;
import org.alliancechain.node.metrics.NodeMetrics;
import org.alliancechain.node.runtime.ChainSetup;
import org.alliancechain.node.threads.CpuPriority;
import org.alliancechain.node.threads.DaemonThreads;
import org.alliancechain.node.tx.Transaction;
import org.alliancechain.p2p.ChainIdentity;
import org.alliancechain.p2p.CloseReason;
import org.alliancechain.p2p.ConnectedPeer;
import org.alliancechain.p2p.Member;
import org.alliancechain.p2p.MemberRole;
import org.alliancechain.p2p.Membership;
import org.alliancechain.p2p.MembershipSnapshot;
import org.alliancechain.p2p.P2pException;
import org.alliancechain.p2p.P2pMetrics;
import org.alliancechain.p2p.P2pSettings;
import org.alliancechain.p2p.PeerChannel;
import org.alliancechain.p2p.PeerListener;
import org.alliancechain.p2p.PeerNetwork;
import org.alliancechain.p2p.PeerStatus;
import org.alliancechain.p2p.TlsIdentity;
import org.alliancechain.storage.Storage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node on the network: the p2p mesh, with consensus, transaction gossip and block sync on
 * their channels, and the node's status announced to its peers every second.
 */
public final class NodeNetwork implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(NodeNetwork.class);

  private static final long ANNOUNCE_INTERVAL_MS = 1_000;

  private final ChainSetup chain;
  private final String nodeId;
  private final PeerNetwork network;
  private final TransactionGossipService gossip;
  private final BlockSync sync;
  private final ExecutorService workers;
  private final ExecutorService verifierPool;
  private final ScheduledExecutorService scheduler;
  private final LongSupplier committedHeight;
  private final LongSupplier view;
  private ScheduledFuture<?> announcer;

  /**
   * Collaborators that receive what arrives from peers; {@code heldTransactions} gives the
   * mempool's contents, sent to a validator when a link to it is established.
   */
  public record Inbound(MessageVerifier verifier, Consumer<VerifiedMessage> consensus,
      Consumer<List<VerifiedCommittedBlock>> syncedBlocks, TransactionAdmission admission,
      Runnable afterGossipAdmitted, Supplier<List<Transaction>> heldTransactions) {}

  public NodeNetwork(String nodeId, ChainSetup chain, P2pSettings settings, TlsIdentity tls,
      Storage storage, Inbound inbound, LongSupplier committedHeight, LongSupplier view,
      NodeMetrics metrics, ScheduledExecutorService scheduler) {
    this.chain = chain;
    this.nodeId = nodeId;
    this.scheduler = scheduler;
    this.committedHeight = committedHeight;
    this.view = view;
    int cores = Runtime.getRuntime().availableProcessors();
    // Most of the workers' CPU is admitting gossiped transactions: bulk work (CpuPriority).
    this.workers = boundedPool(
        CpuPriority.bulk(DaemonThreads.named("network-work-" + nodeId)), cores, 1024);
    this.verifierPool = boundedPool(DaemonThreads.named("consensus-verify-" + nodeId), cores,
        16_384);
    Genesis genesis = chain.genesis();
    // The network needs its listener at creation, and the routing needs the network to answer:
    // the listener forwards to the routing once both exist (before start(), so nothing is lost).
    DeferredListener listener = new DeferredListener();
    this.network = PeerNetwork.create(settings, tls,
        new ChainIdentity(genesis.chainId(), genesis.genesisHash()),
        Membership.fixed(membership(genesis)), committedHeight, listener);
    this.gossip = new TransactionGossipService(inbound.admission(),
        inbound.afterGossipAdmitted(), this::broadcastToValidators, workers, scheduler);
    this.sync = new BlockSync(nodeId, chain, storage, network, committedHeight,
        inbound.syncedBlocks(), workers, settings.frameBytesMax());
    listener.target = new PeerRouting(inbound.verifier(), verifierPool, inbound.consensus(),
        gossip, sync, metrics, peer -> catchUp(peer, inbound.heldTransactions()));
  }

  /** Forwards to the routing set after construction. */
  private static final class DeferredListener implements PeerListener {
    volatile PeerListener target;

    @Override
    public void onMessage(String peerId, PeerChannel channel, byte[] payload) {
      target.onMessage(peerId, channel, payload);
    }

    @Override
    public void onConnected(ConnectedPeer peer) {
      target.onConnected(peer);
    }

    @Override
    public void onDisconnected(String peerId, CloseReason reason) {
      target.onDisconnected(peerId, reason);
    }
  }

  public void start() throws P2pException {
    network.start();
    long lagThreshold = 2L * chain.rules().window() + 2;
    announcer = scheduler.scheduleWithFixedDelay(() -> {
      sync.announce(committedHeight.getAsLong(), view.getAsLong());
      sync.tick(lagThreshold);
    }, ANNOUNCE_INTERVAL_MS, ANNOUNCE_INTERVAL_MS, TimeUnit.MILLISECONDS);
  }

  public int listenPort() {
    return network.listenPort();
  }

  public void sendConsensus(int validator, byte[] envelope) {
    network.send(chain.validatorId(validator), PeerChannel.CONSENSUS, envelope);
  }

  public void broadcastConsensus(byte[] envelope) {
    sendToValidators(PeerChannel.CONSENSUS, envelope);
  }

  /** Gossips transactions this node admitted from its clients. */
  public void forward(List<Transaction> admitted) {
    if (!admitted.isEmpty()) {
      gossip.forward(admitted);
    }
  }

  public void requestSync(long fromHeight, long knownTipHeight) {
    sync.request(fromHeight, knownTipHeight);
  }

  public long bestPeerHeight() {
    return sync.bestPeerHeight();
  }

  /** The highest committed height {@code peerId} announced on its current link, 0 if none. */
  public long peerHeight(String peerId) {
    return sync.heightOf(peerId);
  }

  public List<PeerStatus> peers() {
    return network.peers();
  }

  public P2pMetrics metrics() {
    return network.metrics();
  }

  /**
   * Sends a validator that just linked up everything this node holds: what was admitted while
   * the link was down (a send to an unlinked peer is refused, not queued), or what a restarted
   * validator lost with its mempool. The receiver drops what it already has before verifying.
   */
  private void catchUp(ConnectedPeer peer, Supplier<List<Transaction>> held) {
    if (peer.role() != MemberRole.VALIDATOR) {
      return;
    }
    try {
      workers.execute(() -> gossip.sendAll(held.get(),
          payload -> network.send(peer.nodeId(), PeerChannel.TRANSACTIONS, payload)));
    } catch (RejectedExecutionException e) {
      log.debug("{} skipped sending its mempool to {}: workers saturated", nodeId, peer.nodeId());
    }
  }

  private void broadcastToValidators(byte[] payload) {
    sendToValidators(PeerChannel.TRANSACTIONS, payload);
  }

  private void sendToValidators(PeerChannel channel, byte[] payload) {
    for (String validator : chain.validatorIds()) {
      if (!validator.equals(nodeId)) {
        network.send(validator, channel, payload);
      }
    }
  }

  static MembershipSnapshot membership(Genesis genesis) {
    Map<String, java.security.cert.X509Certificate> cas = new HashMap<>();
    for (Organization organization : genesis.organizations()) {
      cas.put(organization.id(), organization.caCertificate());
    }
    Map<String, Member> members = new HashMap<>();
    for (NodeIdentity validator : genesis.validators()) {
      members.put(validator.id(), new Member(validator.id(), validator.organization(),
          MemberRole.VALIDATOR, Optional.of(validator.tlsCertificate())));
    }
    for (NodeIdentity observer : genesis.observers()) {
      members.put(observer.id(), new Member(observer.id(), observer.organization(),
          MemberRole.OBSERVER, Optional.of(observer.tlsCertificate())));
    }
    return new MembershipSnapshot(cas, members);
  }

  private static ExecutorService boundedPool(ThreadFactory factory, int threads, int queued) {
    ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(queued), factory);
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  @Override
  public void close() {
    if (announcer != null) {
      announcer.cancel(false);
    }
    gossip.close();
    network.close();
    workers.shutdownNow();
    verifierPool.shutdownNow();
  }
}
