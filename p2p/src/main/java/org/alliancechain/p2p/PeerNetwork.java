package org.alliancechain.p2p;

import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The node's view of the validator mesh: authenticated links to member nodes carrying opaque
 * payloads on three channels. Thread-safe; {@link #send} and {@link #broadcast} never block
 * (they queue, bounded, or say why not). Inbound payloads go to the {@link PeerListener}.
 */
public interface PeerNetwork extends AutoCloseable {

  /**
   * A network over Netty and TLS 1.3, not yet listening: call {@link #start()}.
   *
   * @param committedHeight read at each handshake, announced to the peer as a sync hint
   */
  static PeerNetwork create(P2pSettings settings, TlsIdentity identity, ChainIdentity chain,
      Membership membership, LongSupplier committedHeight, PeerListener listener) {
    return new NettyPeerNetwork(settings, identity, chain, membership, committedHeight, listener);
  }

  /**
   * Binds the listener and starts dialling the configured peers (its own id among them is
   * skipped). Call once.
   *
   * @throws P2pException if the address cannot be bound or the TLS setup is unusable
   */
  void start() throws P2pException;

  /** The port the listener is bound to (the chosen one when the settings say 0). */
  int listenPort();

  /** This node's id. */
  String localNodeId();

  /**
   * Queues {@code payload} for {@code peerId} on {@code channel}. The bytes are copied, so the
   * caller may reuse the array. Payloads on one channel to one peer arrive in order, each once;
   * an {@link SendResult#ACCEPTED accepted} one survives a replaced or dropped link and is lost
   * only if either node restarts. A full queue answers per the channel's {@link QueuePolicy};
   * a peer without a link right now gets {@link SendResult#NOT_CONNECTED} (nothing queued).
   */
  SendResult send(String peerId, PeerChannel channel, byte[] payload);

  /**
   * Queues {@code payload} for every peer connected now (copied once, shared by all).
   *
   * @return the result per peer it was offered to
   */
  Map<String, SendResult> broadcast(PeerChannel channel, byte[] payload);

  /**
   * Starts dialling {@code peer} (a member added at run time), unless it is already dialled or
   * is this node. Its link still needs the membership to admit it.
   */
  void addPeer(PeerAddress peer);

  /**
   * Stops dialling {@code nodeId}. An existing link stays up until it drops or {@link
   * #recheckMembership()} closes it; the peer may still dial in while it is a member.
   */
  void removePeer(String nodeId);

  /** The configured peers and every connected one, with their link state. */
  List<PeerStatus> peers();

  /** A snapshot of the counters. */
  P2pMetrics metrics();

  /**
   * Checks every live link's certificate against the current membership and closes those that
   * no longer pass (reason {@link CloseReason#MEMBERSHIP_REVOKED}): a removed member, an expired
   * certificate. Call after the membership changed; the network also does it every minute, and
   * new links are always checked against the current membership.
   *
   * @return how many links were closed
   */
  int recheckMembership();

  /** Says goodbye to every peer, stops dialling and listening, and releases the threads. */
  @Override
  void close();
}
