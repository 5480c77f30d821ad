package org.alliancechain.node.execution;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.Optional;
import org.alliancechain.crypto.PublicKey;
import org.alliancechain.node.state.StateKeys;
import org.alliancechain.node.state.StateReader;
import org.alliancechain.proto.v1.AdminRecord;
import org.alliancechain.proto.v1.ClientRecord;
import org.alliancechain.proto.v1.NamespaceRecord;

/** Reads identities and permissions from the state. */
public final class Identities {
  private final StateReader state;

  public Identities(StateReader state) {
    this.state = state;
  }

  /** The organization {@code key} is an admin of, if any. */
  public Optional<String> adminOrganization(PublicKey key) {
    return state.get(StateKeys.admin(key)).map(bytes -> parse(bytes, AdminRecord.parser()))
        .map(AdminRecord::getOrganization);
  }

  /** The client record of {@code key}, revoked or not. */
  public Optional<ClientRecord> client(PublicKey key) {
    return state.get(StateKeys.client(key)).map(bytes -> parse(bytes, ClientRecord.parser()));
  }

  /** Admins and registered, unrevoked clients may send transactions. */
  public boolean isAdmitted(PublicKey key) {
    return adminOrganization(key).isPresent()
        || client(key).map(record -> !record.getRevoked()).orElse(false);
  }

  public Optional<NamespaceRecord> namespace(String name) {
    return state.get(StateKeys.namespace(name)).map(bytes -> parse(bytes, NamespaceRecord.parser()));
  }

  private static <T> T parse(ByteString bytes, com.google.protobuf.Parser<T> parser) {
    try {
      return parser.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      // The state only ever holds records this node type wrote; an unreadable one means the
      // database or the executor is broken, which must stop the node, not be skipped.
      throw new IllegalStateException("state record does not parse: " + e.getMessage(), e);
    }
  }
}
