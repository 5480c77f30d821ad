package org.alliancechain.config;

import java.util.Objects;

/** One entry of {@code [[p2p.peers]]}: a validator or observer of genesis.json and where to dial it. */
public record Peer(String id, HostPort address) {
  public Peer {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(address, "address");
  }
}
