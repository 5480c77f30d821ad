package org.alliancechain.node.mempool;

/** A consistent snapshot of the mempool's occupancy. */
public record MempoolStats(int transactions, long bytes, int reserved, int senders,
    MempoolLimits limits) {}
