/**
 * Throughput and latency of the p2p layer between two nodes over TLS 1.3 on loopback; see
 * {@link org.alliancechain.bench.p2p.P2pThroughput}.
 */
package org.alliancechain.bench.p2p;
