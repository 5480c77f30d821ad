package org.alliancechain.node.network;

import com.google.protobuf.InvalidProtocolBufferException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.alliancechain.consensus.CommitCertificates;
import org.alliancechain.consensus.InvalidCertificateException;
import org.alliancechain.consensus.VerifiedCommittedBlock;
import org.alliancechain.node.runtime.ChainSetup;
import org.alliancechain.p2p.PeerChannel;
import org.alliancechain.p2p.PeerNetwork;
import org.alliancechain.proto.v1.Block;
import org.alliancechain.proto.v1.BlockSyncRequest;
import org.alliancechain.proto.v1.BlockSyncResponse;
import org.alliancechain.proto.v1.CommitCertificate;
import org.alliancechain.proto.v1.CommittedBlock;
import org.alliancechain.proto.v1.StatusAnnouncement;
import org.alliancechain.proto.v1.SyncMessage;
import org.alliancechain.storage.Storage;
import org.alliancechain.storage.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Block sync, both sides. A node that is behind (restarted, partitioned, an observer) asks the
 * peer with the highest announced height for committed blocks with their certificates, one
 * batch at a time, verifies every certificate against the genesis validators and hands the
 * blocks to the replica, which delivers them without re-running consensus. It serves the same
 * requests from its own storage. Peers announce their height every second.
 */
final class BlockSync {
  private static final Logger log = LoggerFactory.getLogger(BlockSync.class);
  static final int BLOCKS_PER_REQUEST_MAX = 64;
  private static final long REQUEST_TIMEOUT_MS = 5_000;

  private final String nodeId;
  private final ChainSetup chain;
  private final Storage storage;
  private final PeerNetwork network;
  private final CommitCertificates certificates;
  private final LongSupplier committedHeight;
  private final Consumer<List<VerifiedCommittedBlock>> deliver;
  private final ExecutorService workers;
  private final int responseBytesMax;
  private final Map<String, Long> peerHeights = new ConcurrentHashMap<>();
  private Outstanding outstanding;
  private long targetHeight;
  private volatile long committedAtLastTick = -1;

  private record Outstanding(String peerId, long fromHeight, long deadlineMs) {}

  BlockSync(String nodeId, ChainSetup chain, Storage storage, PeerNetwork network,
      LongSupplier committedHeight, Consumer<List<VerifiedCommittedBlock>> deliver,
      ExecutorService workers, int frameBytesMax) {
    this.nodeId = nodeId;
    this.chain = chain;
    this.storage = storage;
    this.network = network;
    this.certificates = new CommitCertificates(chain.consensusChain());
    this.committedHeight = committedHeight;
    this.deliver = deliver;
    this.workers = workers;
    this.responseBytesMax = frameBytesMax - (64 << 10);
  }

  void peerHeight(String peerId, long height) {
    peerHeights.merge(peerId, height, Math::max);
  }

  void peerGone(String peerId) {
    peerHeights.remove(peerId);
    synchronized (this) {
      if (outstanding != null && outstanding.peerId.equals(peerId)) {
        outstanding = null;
      }
    }
  }

  /** The highest committed height {@code peerId} announced on its current link, 0 if none. */
  long heightOf(String peerId) {
    return peerHeights.getOrDefault(peerId, 0L);
  }

  long bestPeerHeight() {
    return peerHeights.values().stream().mapToLong(Long::longValue).max().orElse(0);
  }

  /** Fetch committed blocks from {@code fromHeight} up to at least {@code knownTipHeight}. */
  synchronized void request(long fromHeight, long knownTipHeight) {
    targetHeight = Math.max(targetHeight, knownTipHeight);
    long from = Math.max(fromHeight, committedHeight.getAsLong() + 1);
    if (from > Math.max(targetHeight, bestPeerHeight())) {
      return;
    }
    if (outstanding != null && System.currentTimeMillis() < outstanding.deadlineMs) {
      return;
    }
    String peer = bestPeerAtLeast(from);
    if (peer == null) {
      return;
    }
    byte[] request = SyncMessage.newBuilder().setRequest(BlockSyncRequest.newBuilder()
        .setFromHeight(from).setMaxBlocks(BLOCKS_PER_REQUEST_MAX)).build().toByteArray();
    outstanding = new Outstanding(peer, from, System.currentTimeMillis() + REQUEST_TIMEOUT_MS);
    log.debug("{} asks {} for blocks from {}", nodeId, peer, from);
    network.send(peer, PeerChannel.BLOCK_SYNC, request);
  }

  /**
   * Called every second: catch up when a peer is clearly ahead, or ahead and this node made no
   * progress since the last tick (an idle chain sends no consensus messages that would reveal
   * the gap); retry a lost request.
   */
  void tick(long lagThreshold) {
    long committed = committedHeight.getAsLong();
    long best = bestPeerHeight();
    boolean stuck = best > committed && committed == committedAtLastTick;
    committedAtLastTick = committed;
    if (stuck || best > committed + lagThreshold || targetHeight > committed) {
      request(committed + 1, best);
    }
  }

  void received(String peerId, byte[] payload) {
    SyncMessage message;
    try {
      message = SyncMessage.parseFrom(payload);
    } catch (InvalidProtocolBufferException e) {
      log.info("dropped a sync message from {} that does not parse: {}", peerId, e.getMessage());
      return;
    }
    switch (message.getKindCase()) {
      case STATUS -> peerHeight(peerId, message.getStatus().getHeight());
      case REQUEST -> offload(() -> serve(peerId, message.getRequest()));
      case RESPONSE -> offload(() -> accept(peerId, message.getResponse()));
      case KIND_NOT_SET -> log.info("dropped an empty sync message from {}", peerId);
    }
  }

  /** Announces this node's height to every peer. */
  void announce(long height, long view) {
    network.broadcast(PeerChannel.BLOCK_SYNC, SyncMessage.newBuilder()
        .setStatus(StatusAnnouncement.newBuilder().setHeight(height).setView(view))
        .build().toByteArray());
  }

  private void offload(Runnable task) {
    try {
      workers.execute(task);
    } catch (RejectedExecutionException e) {
      log.debug("{} dropped a sync message: workers saturated", nodeId);
    }
  }

  private void serve(String peerId, BlockSyncRequest request) {
    BlockSyncResponse.Builder response = BlockSyncResponse.newBuilder();
    try {
      long tip = storage.blocks().tip().map(t -> t.height()).orElse(0L);
      response.setTipHeight(tip);
      long bytes = 0;
      int max = Math.min(Math.max(request.getMaxBlocks(), 1), BLOCKS_PER_REQUEST_MAX);
      for (long height = Math.max(1, request.getFromHeight());
          height <= tip && response.getBlocksCount() < max; height++) {
        byte[] block = storage.blocks().block(height).orElseThrow();
        byte[] certificate = storage.blocks().certificate(height).orElseThrow();
        bytes += block.length + certificate.length;
        if (bytes > responseBytesMax && response.getBlocksCount() > 0) {
          break;
        }
        response.addBlocks(CommittedBlock.newBuilder()
            .setBlock(Block.parseFrom(block))
            .setCertificate(CommitCertificate.parseFrom(certificate)));
      }
    } catch (StorageException | InvalidProtocolBufferException e) {
      log.warn("{} cannot serve blocks to {}: {}", nodeId, peerId, e.getMessage());
      return;
    }
    network.send(peerId, PeerChannel.BLOCK_SYNC,
        SyncMessage.newBuilder().setResponse(response).build().toByteArray());
  }

  private void accept(String peerId, BlockSyncResponse response) {
    peerHeight(peerId, response.getTipHeight());
    List<VerifiedCommittedBlock> verified = new ArrayList<>(response.getBlocksCount());
    for (CommittedBlock block : response.getBlocksList()) {
      try {
        verified.add(certificates.decodeAndVerify(block.toByteArray()));
      } catch (InvalidCertificateException e) {
        log.warn("{} refused synced blocks from {}: {}", nodeId, peerId, e.getMessage());
        break;
      }
    }
    long last;
    synchronized (this) {
      outstanding = null;
      last = verified.isEmpty() ? 0 : verified.get(verified.size() - 1).height();
    }
    if (!verified.isEmpty()) {
      log.info("{} received blocks {}..{} from {} by block sync", nodeId,
          verified.get(0).height(), last, peerId);
      deliver.accept(verified);
    }
    if (!verified.isEmpty() && response.getTipHeight() > last) {
      request(last + 1, response.getTipHeight());
    }
  }

  private String bestPeerAtLeast(long height) {
    String best = null;
    long bestHeight = height - 1;
    for (Map.Entry<String, Long> peer : peerHeights.entrySet()) {
      if (peer.getValue() > bestHeight) {
        best = peer.getKey();
        bestHeight = peer.getValue();
      }
    }
    return best;
  }
}
