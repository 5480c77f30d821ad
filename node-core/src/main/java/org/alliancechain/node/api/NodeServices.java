package org.alliancechain.node.api;

import com.google.protobuf.ByteString;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongConsumer;
import org.alliancechain.config.Genesis;
import org.alliancechain.consensus.ReplicaStatus;
import org.alliancechain.node.admission.AdmissionOutcome;
import org.alliancechain.node.chain.ChainRules;
import org.alliancechain.node.mempool.MempoolStats;
import org.alliancechain.node.tx.TransactionId;
import org.alliancechain.p2p.P2pMetrics;
import org.alliancechain.p2p.PeerStatus;
import org.alliancechain.storage.Storage;

/**
 * What the gRPC services read from and hand work to. The running node implements it; the
 * services never reach into the node's threads directly. All methods are thread-safe.
 */
public interface NodeServices {
  ChainRules rules();

  Genesis genesis();

  /** This node's id in genesis. */
  String nodeId();

  /** A voting validator (true) or a non-voting observer (false). */
  boolean isValidator();

  /** Committed blocks, results, indexes and state: the read model. */
  Storage storage();

  /** Checks and admits transactions (gossiping the admitted ones); one outcome per input. */
  List<AdmissionOutcome> submit(List<ByteString> transactions);

  /**
   * Completes when the transaction's block is executed and stored here. Never completes for a
   * transaction that is never committed: callers bound the wait.
   */
  CompletableFuture<CommittedTransaction> awaitCommit(TransactionId id);

  /** The replica's view of consensus; empty on an observer. */
  Optional<ReplicaStatus> consensus();

  List<PeerStatus> peers();

  P2pMetrics p2pMetrics();

  MempoolStats mempool();

  /** Admission refusals since start, by reason label. */
  Map<String, Long> mempoolRejections();

  /** The highest committed height {@code peerId} announced on its current link, 0 if none. */
  long peerHeight(String peerId);

  /** The highest committed height any connected peer announced. */
  long bestPeerHeight();

  /** Caught up with peers and taking part (what /readyz answers). */
  boolean ready();

  /** Views entered since start after the first. */
  long viewChanges();

  /**
   * Calls {@code listener} with each height right after its block is stored; the returned
   * handle stops the calls. Listeners run on the committing thread and must not block.
   */
  AutoCloseable onBlockStored(LongConsumer listener);

  /** A transaction executed and stored at this node. */
  record CommittedTransaction(TransactionId id, long height, int index, ByteString result) {}
}
