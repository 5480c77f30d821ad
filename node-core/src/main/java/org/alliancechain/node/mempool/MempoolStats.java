package org.alliancechain.node.mempool;

import org.alliancechain.config.MempoolLimits;

/** A consistent snapshot of the mempool's occupancy. */
public record MempoolStats(int transactions, long bytes, int reserved, int senders,
    MempoolLimits limits) {}
