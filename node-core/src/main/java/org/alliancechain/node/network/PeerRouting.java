package org.alliancechain.node.network;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.alliancechain.consensus.MessageVerifier;
import org.alliancechain.consensus.VerificationResult;
import org.alliancechain.consensus.VerifiedMessage;
import org.alliancechain.node.metrics.NodeMetrics;
import org.alliancechain.p2p.CloseReason;
import org.alliancechain.p2p.ConnectedPeer;
import org.alliancechain.p2p.PeerChannel;
import org.alliancechain.p2p.PeerListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes what peers send by channel, off the Netty threads: consensus envelopes to the message
 * verifier pool and then to the consensus queue, transaction gossip to admission, block-sync
 * messages to block sync.
 */
final class PeerRouting implements PeerListener {
  private static final Logger log = LoggerFactory.getLogger(PeerRouting.class);

  private final MessageVerifier verifier;
  private final ExecutorService verifierPool;
  private final Consumer<VerifiedMessage> consensus;
  private final TransactionGossipService gossip;
  private final BlockSync sync;
  private final NodeMetrics metrics;
  private final Consumer<ConnectedPeer> linked;

  PeerRouting(MessageVerifier verifier, ExecutorService verifierPool,
      Consumer<VerifiedMessage> consensus, TransactionGossipService gossip, BlockSync sync,
      NodeMetrics metrics, Consumer<ConnectedPeer> linked) {
    this.verifier = verifier;
    this.verifierPool = verifierPool;
    this.consensus = consensus;
    this.gossip = gossip;
    this.sync = sync;
    this.metrics = metrics;
    this.linked = linked;
  }

  @Override
  public void onMessage(String peerId, PeerChannel channel, byte[] payload) {
    switch (channel) {
      case CONSENSUS -> verifyConsensus(peerId, payload);
      case TRANSACTIONS -> gossip.received(peerId, payload);
      case BLOCK_SYNC -> sync.received(peerId, payload);
    }
  }

  @Override
  public void onConnected(ConnectedPeer peer) {
    sync.peerHeight(peer.nodeId(), peer.committedHeight());
    linked.accept(peer);
  }

  @Override
  public void onDisconnected(String peerId, CloseReason reason) {
    sync.peerGone(peerId);
  }

  private void verifyConsensus(String peerId, byte[] envelope) {
    try {
      verifierPool.execute(() -> {
        VerificationResult result = verifier.verify(envelope);
        if (result instanceof VerificationResult.Accepted accepted) {
          consensus.accept(accepted.message());
        } else if (result instanceof VerificationResult.Refused refused) {
          metrics.consensusRejections.labelValues(refused.reason().name().toLowerCase()).inc();
          log.debug("dropped a consensus message from {} (claims validator {}): {} ({})", peerId,
              refused.claimedSigner(), refused.reason(), refused.detail());
        }
      });
    } catch (RejectedExecutionException e) {
      metrics.consensusRejections.labelValues("verifier_saturated").inc();
    }
  }
}
