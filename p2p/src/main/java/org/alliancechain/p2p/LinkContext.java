package org.alliancechain.p2p;

import java.time.Clock;
import java.util.function.LongSupplier;

/**
 * What every link of one network shares: settings, this node's identity and chain, the
 * membership, counters, the registry of live sessions and the listener. Immutable references.
 */
record LinkContext(
    P2pSettings settings,
    TlsIdentity identity,
    ChainIdentity chain,
    Membership membership,
    LongSupplier committedHeight,
    long incarnation,
    Clock clock,
    P2pCounters counters,
    SessionRegistry registry,
    PeerListener listener) {

  /**
   * The protocol version this code speaks, sent in and required of every Handshake: 2 since
   * envelopes carry sequences and are acknowledged (ADR 0040).
   */
  static final int PROTOCOL_VERSION = 2;

  String localId() {
    return identity.nodeId();
  }
}
