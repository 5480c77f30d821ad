package org.alliancechain.config;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.alliancechain.crypto.CryptoSuite;

/**
 * Makes a new genesis in code (as {@code alliance network init} does). {@link #build()} writes the
 * canonical JSON and parses it back, so a built genesis passes exactly the checks a file does and
 * its bytes are the file to hand out.
 */
public final class GenesisBuilder {
  private final String chainId;
  private final CryptoSuite suite;
  private final Instant genesisTime;
  private final List<Organization> organizations = new ArrayList<>();
  private final List<NodeIdentity> validators = new ArrayList<>();
  private final List<NodeIdentity> observers = new ArrayList<>();
  private final List<ClientIdentity> clients = new ArrayList<>();
  private final List<Namespace> namespaces = new ArrayList<>();
  private ConsensusParams consensus = ConsensusParams.defaults();

  public GenesisBuilder(String chainId, CryptoSuite suite, Instant genesisTime) {
    this.chainId = Objects.requireNonNull(chainId, "chainId");
    this.suite = Objects.requireNonNull(suite, "suite");
    this.genesisTime = Objects.requireNonNull(genesisTime, "genesisTime");
  }

  public GenesisBuilder organization(Organization organization) {
    organizations.add(Objects.requireNonNull(organization));
    return this;
  }

  public GenesisBuilder validator(NodeIdentity validator) {
    validators.add(Objects.requireNonNull(validator));
    return this;
  }

  public GenesisBuilder observer(NodeIdentity observer) {
    observers.add(Objects.requireNonNull(observer));
    return this;
  }

  public GenesisBuilder client(ClientIdentity client) {
    clients.add(Objects.requireNonNull(client));
    return this;
  }

  public GenesisBuilder namespace(Namespace namespace) {
    namespaces.add(Objects.requireNonNull(namespace));
    return this;
  }

  public GenesisBuilder consensus(ConsensusParams params) {
    consensus = Objects.requireNonNull(params);
    return this;
  }

  /**
   * The validated genesis.
   *
   * @throws ConfigException listing every rule the content breaks, named as in genesis.json
   */
  public Genesis build() throws ConfigException {
    return Genesis.create(new GenesisFields(chainId, suite, genesisTime, organizations, validators,
        observers, clients, namespaces, consensus));
  }
}
