package org.alliancechain.p2p;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Keeps a listener bug from breaking a link: an exception is logged, never propagated. */
final class SafeListener implements PeerListener {
  private static final Logger log = LoggerFactory.getLogger(SafeListener.class);
  private final PeerListener delegate;

  SafeListener(PeerListener delegate) {
    this.delegate = delegate;
  }

  @Override
  public void onMessage(String peerId, PeerChannel channel, byte[] payload) {
    try {
      delegate.onMessage(peerId, channel, payload);
    } catch (RuntimeException e) {
      log.error("peer listener failed on a {} message from {}; message lost", channel, peerId, e);
    }
  }

  @Override
  public void onConnected(ConnectedPeer peer) {
    try {
      delegate.onConnected(peer);
    } catch (RuntimeException e) {
      log.error("peer listener failed on connect of {}", peer.nodeId(), e);
    }
  }

  @Override
  public void onDisconnected(String peerId, CloseReason reason) {
    try {
      delegate.onDisconnected(peerId, reason);
    } catch (RuntimeException e) {
      log.error("peer listener failed on disconnect of {}", peerId, e);
    }
  }
}
