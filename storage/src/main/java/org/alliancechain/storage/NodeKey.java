package org.alliancechain.storage;

/**
 * Where a tree node is stored: the version that wrote it and its path. Encoded as
 * version(8) || path (storage.proto); a version's root record is the bare version(8).
 */
record NodeKey(long version, NibblePath path) {
  /** Versions spread by a large odd factor, so that (v, p) and (v + 1, p') rarely collide. */
  @Override
  public int hashCode() {
    return Long.hashCode(version) * 0x9e3779b1 + path.hashCode();
  }

  byte[] encode() {
    byte[] out = new byte[8 + path.encodedLength()];
    Bytes.putUint64(out, 0, version);
    path.encodeInto(out, 8);
    return out;
  }

  static NodeKey decode(byte[] key) throws StorageCorruptionException {
    if (key.length < 9) {
      throw new StorageCorruptionException("a state tree node key has " + key.length
          + " bytes, at least 9 expected");
    }
    return new NodeKey(Bytes.getUint64(key, 0), NibblePath.decode(key, 8));
  }

  /** The key of the root record of {@code version}. */
  static byte[] rootKey(long version) {
    return Bytes.uint64(version);
  }
}
