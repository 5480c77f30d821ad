/**
 * The authenticated, bounded validator mesh: mutually authenticated TLS 1.3 links between member
 * nodes, checked against the current {@link org.alliancechain.p2p.Membership}, carrying opaque
 * payloads on three channels with bounded per-channel outbound queues. The only module that
 * touches Netty's sockets; it never parses a payload. Start at {@link
 * org.alliancechain.p2p.PeerNetwork}.
 */
package org.alliancechain.p2p;
