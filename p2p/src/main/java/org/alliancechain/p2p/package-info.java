/**
 * The validator mesh: mutually authenticated TLS 1.3 over Netty, length-prefixed envelopes routed by channel, bounded per-peer queues. Knows nothing of PBFT.
 */
package org.alliancechain.p2p;
