/**
 * Committed blocks, indexes, authenticated state and the consensus log on RocksDB, committed
 * atomically and durably. The only module that touches RocksDB.
 *
 * <p>How a node uses it:
 *
 * <pre>{@code
 * StorageOptions options = StorageOptions.of(chainId, genesisHash, suite.hash())
 *     .withRetainedStateVersions(100);                  // sync on by default
 * try (Storage storage = Storage.open(dataDir, options)) { // refuses another chain, newer schema,
 *                                                          // a corrupt or inconsistent tip
 *   if (storage.blocks().tip().isEmpty()) {
 *     storage.commitGenesis(genesisChanges);             // version 0
 *   }
 *   // per height, in order, after executing the block:
 *   byte[] stateRoot = storage.commitBlock(
 *       new BlockCommit(blockBytes, certificateBytes, resultBytes, stateChanges));
 *   // reads, from any thread:
 *   storage.blocks().isCommitted(transactionId);         // mempool replay check
 *   storage.state().get(key);                            // latest value
 *   storage.state().prove(key, version).toProto();       // SparseMerkleProof for a client
 *   storage.consensusLog().save(entries);                // the replica's votes, synced
 * }
 * }</pre>
 *
 * <p>Errors are {@link org.alliancechain.storage.StorageException}s: a {@link
 * org.alliancechain.storage.StorageWriteException} means stop voting (the storage then refuses
 * every write until restart); a {@link org.alliancechain.storage.StorageCorruptionException}
 * names the directory and file and says to restore or resync. {@link
 * org.alliancechain.storage.Storage#inMemory} gives the same behaviour without a disk for other
 * modules' tests. Layout: docs/adr/0030-storage-layout.md; failures: docs/adr/0032.
 */
package org.alliancechain.storage;
