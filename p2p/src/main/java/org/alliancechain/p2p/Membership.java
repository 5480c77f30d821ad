package org.alliancechain.p2p;

/**
 * Who may hold a p2p link: implemented by the node, first from genesis and later from on-chain
 * governance. The network reads {@link #current()} at every TLS handshake and whenever the node
 * calls {@link PeerNetwork#recheckMembership()}, so a change takes effect without a restart.
 * Implementations must be thread-safe and fast (called on Netty threads during handshakes).
 */
@FunctionalInterface
public interface Membership {
  MembershipSnapshot current();

  /** A membership that never changes, e.g. straight from genesis. */
  static Membership fixed(MembershipSnapshot snapshot) {
    return () -> snapshot;
  }
}
