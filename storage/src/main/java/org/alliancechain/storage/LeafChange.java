package org.alliancechain.storage;

/**
 * A change of one leaf of the tree: the key hash and the new value hash, or null to delete.
 */
record LeafChange(byte[] keyHash, byte[] valueHash) {
  boolean isDelete() {
    return valueHash == null;
  }
}
