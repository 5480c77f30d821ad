package org.alliancechain.cli.network;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.alliancechain.cli.CliException;
import org.alliancechain.config.ConfigException;
import org.alliancechain.config.Genesis;
import org.alliancechain.config.HostPort;
import org.alliancechain.config.NodeConfig;
import org.alliancechain.config.NodeIdentity;
import org.alliancechain.config.Organization;

/**
 * A network directory as {@code alliance network init} lays it out, read back: the genesis,
 * each node's configuration in genesis order (validators first), and the key files.
 */
public record NetworkDirectory(Path directory, Genesis genesis, List<Member> nodes) {

  /** One node of the directory. */
  public record Member(String id, boolean validator, Path nodeToml, NodeConfig config) {
    public HostPort grpc() {
      return dialable(config.api().grpcListen());
    }

    public HostPort admin() {
      return dialable(config.api().adminListen());
    }

    public HostPort metrics() {
      return dialable(config.api().metricsListen());
    }

    public Path logFile() {
      return config.logging().file().orElse(config.node().dataDir().resolve("node.log"));
    }
  }

  public NetworkDirectory {
    nodes = List.copyOf(nodes);
  }

  /** Reads {@code directory}; the error names what is missing and how to create it. */
  public static NetworkDirectory load(Path directory) throws CliException {
    Path genesisFile = directory.resolve(Genesis.FILE_NAME);
    if (!Files.isRegularFile(genesisFile)) {
      throw CliException.badInput(directory + " holds no network (no " + Genesis.FILE_NAME + ")",
          "create one with `alliance network init --out " + directory + "`, or pass the"
              + " directory that network init (or devnet) wrote");
    }
    try {
      Genesis genesis = Genesis.load(genesisFile);
      List<Member> nodes = new ArrayList<>();
      for (NodeIdentity identity : genesis.validators()) {
        nodes.add(member(directory, identity, true));
      }
      for (NodeIdentity identity : genesis.observers()) {
        nodes.add(member(directory, identity, false));
      }
      return new NetworkDirectory(directory, genesis, nodes);
    } catch (ConfigException e) {
      throw CliException.badInput(e.getMessage(), "regenerate the network, or fix the file named");
    }
  }

  private static Member member(Path directory, NodeIdentity identity, boolean validator)
      throws ConfigException {
    Path toml = directory.resolve("nodes").resolve(identity.id()).resolve(NodeConfig.FILE_NAME);
    return new Member(identity.id(), validator, toml, NodeConfig.load(toml));
  }

  public List<Member> validators() {
    return nodes.stream().filter(Member::validator).toList();
  }

  public Optional<Member> node(String id) {
    return nodes.stream().filter(node -> node.id().equals(id)).findFirst();
  }

  /** The sample client admitted in genesis. */
  public Path clientKeyFile() {
    return directory.resolve("clients").resolve("client1.key.pem");
  }

  /** The admin key file of each organization that has one in the directory. */
  public List<AdminKey> adminKeys() {
    List<AdminKey> keys = new ArrayList<>();
    for (Organization organization : genesis.organizations()) {
      Path file = directory.resolve("organizations").resolve(organization.id())
          .resolve("admin.key.pem");
      if (Files.isRegularFile(file)) {
        keys.add(new AdminKey(organization.id(), file));
      }
    }
    return keys;
  }

  /** An organization's admin key file. */
  public record AdminKey(String organization, Path file) {}

  /** A listen address as a client dials it: a wildcard listen address means this machine. */
  public static HostPort dialable(HostPort listen) {
    String host = listen.host();
    if (host.equals("0.0.0.0") || host.equals("[::]") || host.equals("[0:0:0:0:0:0:0:0]")) {
      return new HostPort("127.0.0.1", listen.port());
    }
    return listen;
  }

  /** Whether {@code directory} looks like a network directory at all. */
  public static boolean exists(Path directory) {
    return Files.isRegularFile(directory.resolve(Genesis.FILE_NAME));
  }
}
