/**
 * Committed blocks, indexes, authenticated state and the consensus log on RocksDB, committed atomically and durably. The only module that touches RocksDB.
 */
package org.alliancechain.storage;
