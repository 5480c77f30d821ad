package org.alliancechain.node.state;

import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import org.alliancechain.crypto.PublicKey;
import org.alliancechain.node.codec.ProtoKeys;

/**
 * The layout of the authenticated state: every key is {@code namespace || 0x00 || key}, user
 * namespaces never start with '_', and the node's own records live under reserved namespaces
 * (see proto/alliance/v1/state.proto).
 */
public final class StateKeys {
  public static final String ADMINS = "_admins";
  public static final String CLIENTS = "_clients";
  public static final String NAMESPACES = "_namespaces";
  public static final String ANCHORS = "_anchors";

  private static final ByteString SEPARATOR = ByteString.copyFrom(new byte[] {0});

  private StateKeys() {}

  /** The state key of {@code key} in {@code namespace}. */
  public static ByteString of(String namespace, ByteString key) {
    return ByteString.copyFrom(namespace, StandardCharsets.UTF_8).concat(SEPARATOR).concat(key);
  }

  public static ByteString admin(PublicKey key) {
    return of(ADMINS, ProtoKeys.toProto(key).toByteString());
  }

  public static ByteString client(PublicKey key) {
    return of(CLIENTS, ProtoKeys.toProto(key).toByteString());
  }

  public static ByteString namespace(String name) {
    return of(NAMESPACES, ByteString.copyFrom(name, StandardCharsets.UTF_8));
  }

  public static ByteString anchor(String digestAlgorithm, ByteString digest) {
    return of(ANCHORS, ByteString.copyFrom(digestAlgorithm, StandardCharsets.UTF_8)
        .concat(SEPARATOR).concat(digest));
  }
}
