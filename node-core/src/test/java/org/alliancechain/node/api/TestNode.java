package org.alliancechain.node.api;

import com.google.protobuf.ByteString;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;
import org.alliancechain.config.Genesis;
import org.alliancechain.consensus.ReplicaStatus;
import org.alliancechain.consensus.message.Hash;
import org.alliancechain.node.admission.AdmissionOutcome;
import org.alliancechain.node.chain.ChainRules;
import org.alliancechain.node.mempool.MempoolStats;
import org.alliancechain.node.tx.TransactionId;
import org.alliancechain.p2p.P2pMetrics;
import org.alliancechain.p2p.PeerStatus;
import org.alliancechain.storage.ChainTip;
import org.alliancechain.storage.Storage;

/**
 * NodeServices over a {@link TestChain}: real admission, mempool and storage. What only a
 * running network has (peers and their traffic, the replica's view) is whatever the test sets.
 */
public final class TestNode implements NodeServices {
  private final TestChain chain;
  public final AtomicBoolean ready = new AtomicBoolean(true);
  public volatile List<PeerStatus> peers = List.of();
  public final Map<String, Long> peerHeights = new ConcurrentHashMap<>();
  public volatile P2pMetrics p2pMetrics =
      new P2pMetrics(Map.of(), 0, 0, 0, 0, Map.of(), Map.of());
  public volatile boolean validator = true;
  public volatile long view;
  /** What storage() hands out; the chain's own storage unless a test wraps it. */
  public volatile Storage storage;

  TestNode(TestChain chain) {
    this.chain = chain;
    this.storage = chain.storage;
  }

  @Override
  public ChainRules rules() {
    return chain.rules;
  }

  @Override
  public Genesis genesis() {
    return chain.keys.genesis;
  }

  @Override
  public String nodeId() {
    return "v0";
  }

  @Override
  public boolean isValidator() {
    return validator;
  }

  @Override
  public Storage storage() {
    return storage;
  }

  @Override
  public List<AdmissionOutcome> submit(List<ByteString> transactions) {
    return chain.admission.admit(transactions);
  }

  @Override
  public CompletableFuture<CommittedTransaction> awaitCommit(TransactionId id) {
    return chain.awaitCommit(id);
  }

  @Override
  public Optional<ReplicaStatus> consensus() {
    if (!validator) {
      return Optional.empty();
    }
    ChainTip tip = chain.tip().orElseThrow();
    int primary = (int) (view % genesis().validators().size());
    return Optional.of(new ReplicaStatus(view, primary, false, tip.height(),
        Hash.of(tip.blockHash()), 0, List.of(new ReplicaStatus.InFlight(tip.height() + 1,
            "pre-prepared", Hash.of(new byte[32]))), false, null));
  }

  @Override
  public List<PeerStatus> peers() {
    return peers;
  }

  @Override
  public P2pMetrics p2pMetrics() {
    return p2pMetrics;
  }

  @Override
  public MempoolStats mempool() {
    return chain.mempool.stats();
  }

  @Override
  public Map<String, Long> mempoolRejections() {
    return Map.copyOf(chain.rejections);
  }

  @Override
  public long peerHeight(String peerId) {
    return peerHeights.getOrDefault(peerId, 0L);
  }

  @Override
  public long bestPeerHeight() {
    return chain.tipHeight();
  }

  @Override
  public boolean ready() {
    return ready.get();
  }

  @Override
  public long viewChanges() {
    return view;
  }

  @Override
  public AutoCloseable onBlockStored(LongConsumer listener) {
    chain.listeners.add(listener);
    return () -> chain.listeners.remove(listener);
  }

  /** Listeners registered now, to check that streams clean up. */
  public int blockListeners() {
    return chain.listeners.size();
  }
}
