package org.alliancechain.node.execution;

import com.google.protobuf.ByteString;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.alliancechain.crypto.PublicKey;
import org.alliancechain.node.codec.ProtoKeys;
import org.alliancechain.node.state.StateKeys;
import org.alliancechain.node.state.StateOverlay;
import org.alliancechain.proto.v1.AdminRecord;
import org.alliancechain.proto.v1.ClientRecord;
import org.alliancechain.proto.v1.NamespaceRecord;

/** The state at height 0, from genesis: admins, initial clients and namespaces. */
public record GenesisState(List<Admin> admins, List<Client> clients, List<Namespace> namespaces) {

  public record Admin(String organization, PublicKey key) {}

  public record Client(String organization, PublicKey key, String label) {}

  /** A namespace; {@code writers} empty means every admitted identity may write. */
  public record Namespace(String name, String ownerOrganization, List<PublicKey> writers) {
    public Namespace {
      writers = List.copyOf(writers);
    }
  }

  public GenesisState {
    admins = List.copyOf(admins);
    clients = List.copyOf(clients);
    namespaces = List.copyOf(namespaces);
  }

  /** The state changes that create this genesis state from an empty state, ordered by key. */
  public Map<ByteString, Optional<ByteString>> changes() {
    StateOverlay state = new StateOverlay(key -> Optional.empty());
    for (Admin admin : admins) {
      state.put(StateKeys.admin(admin.key()),
          AdminRecord.newBuilder().setOrganization(admin.organization()).build().toByteString());
    }
    for (Client client : clients) {
      state.put(StateKeys.client(client.key()), ClientRecord.newBuilder()
          .setOrganization(client.organization())
          .setLabel(client.label())
          .build().toByteString());
    }
    for (Namespace namespace : namespaces) {
      NamespaceRecord.Builder record = NamespaceRecord.newBuilder()
          .setOwnerOrganization(namespace.ownerOrganization());
      namespace.writers().forEach(writer -> record.addWriters(ProtoKeys.toProto(writer)));
      state.put(StateKeys.namespace(namespace.name()), record.build().toByteString());
    }
    return state.changes();
  }
}
