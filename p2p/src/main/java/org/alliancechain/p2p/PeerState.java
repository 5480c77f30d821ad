package org.alliancechain.p2p;

/** Where the link to a peer stands. */
public enum PeerState {
  /** Authenticated and carrying messages. */
  CONNECTED,
  /** A dial or a handshake is in progress. */
  CONNECTING,
  /** The last attempt failed or the link dropped; a reconnect is scheduled. */
  WAITING_TO_RECONNECT,
  /** Not connected and this node does not dial it (it only accepts the peer's dials). */
  DISCONNECTED
}
