package org.alliancechain.node.init;

import java.nio.file.Path;
import java.util.List;
import org.alliancechain.config.Genesis;

/**
 * The files of a generated network.
 *
 * @param directory where everything was written
 * @param genesis the chain's genesis (also written to {@code genesis.json} there)
 * @param nodes each node's directory and node.toml, validators first
 * @param clientKeyFile the sample client's private key (admitted by the first organization)
 * @param adminKeyFiles each organization's admin private key, in organization order
 */
public record GeneratedNetwork(Path directory, Genesis genesis, List<NodeFiles> nodes,
    Path clientKeyFile, List<Path> adminKeyFiles) {

  /** One node's files and ports. */
  public record NodeFiles(String id, boolean validator, Path directory, Path nodeToml,
      int p2pPort, int grpcPort, int adminPort, int metricsPort) {}

  public GeneratedNetwork {
    nodes = List.copyOf(nodes);
    adminKeyFiles = List.copyOf(adminKeyFiles);
  }

  public List<NodeFiles> validators() {
    return nodes.stream().filter(NodeFiles::validator).toList();
  }
}
