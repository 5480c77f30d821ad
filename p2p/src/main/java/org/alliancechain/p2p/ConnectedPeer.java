package org.alliancechain.p2p;

import java.net.SocketAddress;

/**
 * An authenticated link as it was when established.
 *
 * @param nodeId the peer's node id, proved by its certificate
 * @param organizationId the member organization the peer belongs to
 * @param role the peer's role in the membership at handshake time
 * @param committedHeight the height the peer announced in its Handshake (a sync hint)
 * @param remoteAddress where the link goes
 * @param outbound true when this node dialled
 */
public record ConnectedPeer(
    String nodeId,
    String organizationId,
    MemberRole role,
    long committedHeight,
    SocketAddress remoteAddress,
    boolean outbound) {}
