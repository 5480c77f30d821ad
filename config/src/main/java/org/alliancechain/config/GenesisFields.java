package org.alliancechain.config;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.alliancechain.crypto.CryptoSuite;

/** The content of a genesis.json, without the file bytes it was read from. */
record GenesisFields(
    String chainId,
    CryptoSuite suite,
    Instant genesisTime,
    List<Organization> organizations,
    List<NodeIdentity> validators,
    List<NodeIdentity> observers,
    List<ClientIdentity> clients,
    List<Namespace> namespaces,
    ConsensusParams consensus) {
  GenesisFields {
    Objects.requireNonNull(chainId, "chainId");
    Objects.requireNonNull(suite, "suite");
    Objects.requireNonNull(genesisTime, "genesisTime");
    organizations = List.copyOf(organizations);
    validators = List.copyOf(validators);
    observers = List.copyOf(observers);
    clients = List.copyOf(clients);
    namespaces = List.copyOf(namespaces);
    Objects.requireNonNull(consensus, "consensus");
  }
}
