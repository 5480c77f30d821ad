package org.alliancechain.storage;

/** Where tree nodes are read from. */
@FunctionalInterface
interface NodeSource {
  /** The node at {@code key}, whose hash its parent holds; a missing node is corruption. */
  TreeNode load(NodeKey key, byte[] hash) throws StorageException;

  /** Reads nodes from the state_tree column of {@code view}. */
  static NodeSource of(KvView view, String location) {
    return (key, hash) -> {
      byte[] bytes = view.get(Column.STATE_TREE, key.encode());
      if (bytes == null) {
        throw new StorageCorruptionException("storage in " + location
            + " is missing state tree node " + key + ". Restore the directory from a backup,"
            + " or move it away and resync from peers.");
      }
      return TreeCodec.decodeNode(bytes, key, hash);
    };
  }
}
