package org.alliancechain.node.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.alliancechain.config.ClientIdentity;
import org.alliancechain.config.ConsensusParams;
import org.alliancechain.config.ConsensusTiming;
import org.alliancechain.config.Genesis;
import org.alliancechain.config.Namespace;
import org.alliancechain.config.NodeIdentity;
import org.alliancechain.config.Organization;
import org.alliancechain.consensus.ChainContext;
import org.alliancechain.consensus.ConsensusParameters;
import org.alliancechain.consensus.ValidatorSet;
import org.alliancechain.consensus.message.Hash;
import org.alliancechain.crypto.PublicKey;
import org.alliancechain.node.chain.ChainRules;
import org.alliancechain.node.execution.GenesisState;

/**
 * What a node derives from genesis for each module: the chain rules, the validator set in genesis
 * order (index = validator id on the wire), the genesis state, consensus parameters.
 */
public record ChainSetup(Genesis genesis, ChainRules rules, ValidatorSet validators,
    List<String> validatorIds, ChainContext consensusChain) {

  public static ChainSetup of(Genesis genesis) {
    ConsensusParams params = genesis.consensus();
    ChainRules rules = new ChainRules(genesis.chainId(), genesis.suite(), params.window(),
        params.checkpointInterval(), params.blockTransactionsMax(), params.blockBytesMax(),
        params.transactionBytesMax(), params.transactionLifetimeBlocks());
    List<PublicKey> keys = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (NodeIdentity validator : genesis.validators()) {
      keys.add(validator.publicKey());
      ids.add(validator.id());
    }
    ValidatorSet validators = new ValidatorSet(keys);
    ChainContext chain = new ChainContext(genesis.chainId(), genesis.suite(),
        Hash.of(genesis.genesisHash()), validators);
    return new ChainSetup(genesis, rules, validators, List.copyOf(ids), chain);
  }

  /** This node's validator index, or empty for an observer. */
  public Optional<Integer> validatorIndex(String nodeId) {
    int index = validatorIds.indexOf(nodeId);
    return index < 0 ? Optional.empty() : Optional.of(index);
  }

  /** The node id of validator {@code index}. */
  public String validatorId(int index) {
    return validatorIds.get(index);
  }

  /** Consensus parameters: W and K from genesis, timeouts from the node's configuration. */
  public ConsensusParameters consensusParameters(ConsensusTiming timing) {
    ConsensusParameters defaults = ConsensusParameters.defaults();
    ConsensusParams params = genesis.consensus();
    return new ConsensusParameters(params.window(), params.checkpointInterval(),
        2 * params.checkpointInterval() + params.window(), timing.viewChangeTimeoutMs(),
        timing.viewChangeTimeoutMaxMs(), defaults.futureViewsMax(),
        defaults.futureMessagesPerSenderMax(), defaults.checkpointHeightsPerSenderMax()).validate();
  }

  /** The state at height 0: admins, initial clients, namespaces. */
  public GenesisState genesisState() {
    List<GenesisState.Admin> admins = new ArrayList<>();
    for (Organization organization : genesis.organizations()) {
      for (PublicKey admin : organization.admins()) {
        admins.add(new GenesisState.Admin(organization.id(), admin));
      }
    }
    List<GenesisState.Client> clients = new ArrayList<>();
    for (ClientIdentity client : genesis.clients()) {
      clients.add(new GenesisState.Client(client.organization(), client.publicKey(), "genesis"));
    }
    List<GenesisState.Namespace> namespaces = new ArrayList<>();
    for (Namespace namespace : genesis.namespaces()) {
      namespaces.add(new GenesisState.Namespace(namespace.name(), namespace.owner(),
          namespace.writers()));
    }
    return new GenesisState(admins, clients, namespaces);
  }
}
