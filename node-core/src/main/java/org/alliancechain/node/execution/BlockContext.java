package org.alliancechain.node.execution;

/** What execution may know about the block besides its transactions. */
public record BlockContext(long height, long timestampMs) {}
