package org.alliancechain.p2p;

/**
 * The logical channel a payload travels on. Each channel has its own bounded outbound queue per
 * peer, and the sender drains the channels round-robin so that none starves the others.
 */
public enum PeerChannel {
  /** Consensus messages: small, latency-sensitive. */
  CONSENSUS,
  /** Transaction gossip. */
  TRANSACTIONS,
  /** Block sync requests, responses and status announcements: large, bulk. */
  BLOCK_SYNC
}
