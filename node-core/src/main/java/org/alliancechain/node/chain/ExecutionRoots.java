package org.alliancechain.node.chain;

import com.google.protobuf.ByteString;

/**
 * The roots after executing a height, as a later header carries them (ADR 0002).
 *
 * @param height the executed height (0 = genesis state)
 * @param stateRoot root of the state's sparse Merkle tree after it
 * @param resultsRoot RFC 6962 root over the block's TransactionResult bytes
 */
public record ExecutionRoots(long height, ByteString stateRoot, ByteString resultsRoot) {}
