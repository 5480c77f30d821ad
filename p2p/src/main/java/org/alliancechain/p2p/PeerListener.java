package org.alliancechain.p2p;

/**
 * The node's side of the network. Every method is called on a Netty event-loop thread and
 * <strong>must not block</strong>: hand the message to your own queue and return. Payloads of
 * one peer and channel arrive in the order the peer sent them; calls for one peer never overlap,
 * and for one peer {@link #onConnected} and {@link #onDisconnected} strictly alternate.
 */
public interface PeerListener {
  /** An application payload from an authenticated member; the array is the caller's to keep. */
  void onMessage(String peerId, PeerChannel channel, byte[] payload);

  /** A link to {@code peer} is authenticated and ready for {@link PeerNetwork#send}. */
  default void onConnected(ConnectedPeer peer) {}

  /**
   * The link to {@code peerId} closed; sends now return {@link SendResult#NOT_CONNECTED}, unless
   * the reason is {@link CloseReason#DUPLICATE}: another link replaced it, and {@link
   * #onConnected} for that one follows at once. Payloads already accepted stay queued for the
   * peer either way (ADR 0040).
   */
  default void onDisconnected(String peerId, CloseReason reason) {}
}
