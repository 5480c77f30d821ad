package org.alliancechain.p2p;

import java.net.SocketAddress;

/**
 * An authenticated link as it was when established.
 *
 * @param nodeId the peer's node id, proved by its certificate
 * @param organizationId the member organization the peer belongs to
 * @param role the peer's role in the membership at handshake time
 * @param committedHeight the height the peer announced in its Handshake (a sync hint)
 * @param remoteAddress where the link goes, as the socket sees it (for an inbound link, the
 *     peer's outgoing port, not its listen port; see {@link PeerStatus#configuredAddress()})
 * @param outbound true when this node dialled
 * @param establishedAtMs when the link was established (TLS and Handshake done), milliseconds
 *     since the Unix epoch; 0 when unknown
 */
public record ConnectedPeer(
    String nodeId,
    String organizationId,
    MemberRole role,
    long committedHeight,
    SocketAddress remoteAddress,
    boolean outbound,
    long establishedAtMs) {

  /** A link whose establishment time is not known ({@code establishedAtMs} 0). */
  public ConnectedPeer(String nodeId, String organizationId, MemberRole role,
      long committedHeight, SocketAddress remoteAddress, boolean outbound) {
    this(nodeId, organizationId, role, committedHeight, remoteAddress, outbound, 0);
  }
}
