package org.alliancechain.cli.network;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.alliancechain.cli.CliException;
import org.alliancechain.config.ConfigException;
import org.alliancechain.config.HostPort;
import org.alliancechain.config.NodeConfig;
import org.alliancechain.config.Peer;
import org.alliancechain.node.init.GeneratedNetwork;

/**
 * The Docker side of a generated network: one container per node from the image of
 * {@code docker/Dockerfile}. Each node's directory is mounted at {@link #NODE_DIR}, so its keys,
 * genesis and data stay on the host (backups copy that directory); {@code node.docker.toml} is
 * its node.toml with container addresses: p2p, gRPC and metrics on all interfaces, peers by
 * service name, the admin service on the container's loopback.
 */
public final class DockerFiles {
  public static final String IMAGE = "alliancechain:latest";
  public static final String COMPOSE_FILE = "docker-compose.yml";
  public static final String PROMETHEUS_FILE = "prometheus.yml";
  public static final String DOCKER_TOML = "node.docker.toml";
  /** Where a node's directory is mounted in its container. */
  public static final String NODE_DIR = "/var/lib/alliance";

  private DockerFiles() {}

  /** Writes node.docker.toml in each node directory, docker-compose.yml and prometheus.yml. */
  public static void write(GeneratedNetwork network) throws CliException {
    try {
      for (GeneratedNetwork.NodeFiles node : network.nodes()) {
        NodeConfig local = NodeConfig.load(node.nodeToml());
        Files.writeString(node.directory().resolve(DOCKER_TOML),
            containerConfig(local, network).toToml(node.directory()), StandardCharsets.UTF_8);
      }
      Files.writeString(network.directory().resolve(COMPOSE_FILE),
          compose(network, "./", "./" + PROMETHEUS_FILE), StandardCharsets.UTF_8);
      Files.writeString(network.directory().resolve(PROMETHEUS_FILE), prometheus(network),
          StandardCharsets.UTF_8);
    } catch (IOException | ConfigException e) {
      throw CliException.badInput("cannot write the Docker files to " + network.directory()
          + ": " + e.getMessage(), "check the directory's permissions");
    }
  }

  /**
   * The node's configuration as its container sees the network. The public API listens on every
   * interface there, so it speaks TLS (the node's certificate; clients trust its organization's
   * CA, or use --config, which trusts genesis's CAs).
   */
  static NodeConfig containerConfig(NodeConfig local, GeneratedNetwork network) {
    List<Peer> peers = new ArrayList<>();
    for (Peer peer : local.p2p().peers()) {
      peers.add(new Peer(peer.id(), new HostPort(peer.id(), peer.address().port())));
    }
    return local
        .withP2p(local.p2p().withListen(anyInterface(local.p2p().listen())).withPeers(peers))
        .withApi(local.api().withListens(anyInterface(local.api().grpcListen()),
            new HostPort("127.0.0.1", local.api().adminListen().port()),
            anyInterface(local.api().metricsListen())).withTls(true));
  }

  private static HostPort anyInterface(HostPort address) {
    return new HostPort("0.0.0.0", address.port());
  }

  /**
   * The compose file.
   *
   * @param nodesPrefix how the compose file's directory reaches the network directory
   *     ({@code ./} when it sits in it)
   * @param prometheusFile the scrape configuration, relative to the compose file
   */
  public static String compose(GeneratedNetwork network, String nodesPrefix,
      String prometheusFile) {
    StringBuilder yaml = new StringBuilder();
    yaml.append("# ").append(network.validators().size()).append(" validators");
    int observers = network.nodes().size() - network.validators().size();
    if (observers > 0) {
      yaml.append(" and ").append(observers).append(" observers");
    }
    yaml.append(" of chain '").append(network.genesis().chainId())
        .append("', written by `alliance network init --compose`.\n")
        .append("# Build the image from the repository root: docker build -f docker/Dockerfile -t ")
        .append(IMAGE).append(" .\n")
        .append("# Containers run as ALLIANCE_UID:ALLIANCE_GID so they can read the node keys"
            + " (mode 0600):\n")
        .append("#   export ALLIANCE_UID=$(id -u) ALLIANCE_GID=$(id -g); docker compose up -d\n")
        .append("name: alliancechain\n")
        .append("services:\n");
    for (GeneratedNetwork.NodeFiles node : network.nodes()) {
      service(yaml, node, nodesPrefix);
    }
    yaml.append("  prometheus:\n")
        .append("    image: prom/prometheus:v2.53.2\n")
        .append("    volumes:\n")
        .append("      - ").append(prometheusFile).append(":/etc/prometheus/prometheus.yml:ro\n")
        .append("    ports:\n")
        .append("      - \"127.0.0.1:9090:9090\"\n")
        .append("    networks: [alliance]\n")
        .append("networks:\n")
        .append("  alliance: {}\n");
    return yaml.toString();
  }

  private static void service(StringBuilder yaml, GeneratedNetwork.NodeFiles node,
      String nodesPrefix) {
    yaml.append("  ").append(node.id()).append(":\n")
        .append("    image: ").append(IMAGE).append('\n')
        .append("    user: \"${ALLIANCE_UID:-10001}:${ALLIANCE_GID:-10001}\"\n")
        .append("    command: [\"node\", \"start\", \"--config\", \"").append(NODE_DIR).append('/')
        .append(DOCKER_TOML).append("\"]\n")
        .append("    environment:\n")
        .append("      ALLIANCE_METRICS_PORT: \"").append(node.metricsPort()).append("\"\n")
        .append("    volumes:\n")
        .append("      - ").append(nodesPrefix).append("nodes/").append(node.id()).append(':')
        .append(NODE_DIR).append('\n')
        .append("    ports:\n")
        .append("      - \"127.0.0.1:").append(node.grpcPort()).append(':').append(node.grpcPort())
        .append("\"\n")
        .append("      - \"127.0.0.1:").append(node.metricsPort()).append(':')
        .append(node.metricsPort()).append("\"\n")
        .append("    networks: [alliance]\n")
        .append("    stop_grace_period: 30s\n")
        .append("    restart: unless-stopped\n");
  }

  /** A Prometheus scrape configuration for every node's metrics port. */
  public static String prometheus(GeneratedNetwork network) {
    StringBuilder yaml = new StringBuilder()
        .append("# Scrapes every node of chain '").append(network.genesis().chainId())
        .append("' (written by `alliance network init --compose`).\n")
        .append("global:\n")
        .append("  scrape_interval: 5s\n")
        .append("scrape_configs:\n")
        .append("  - job_name: alliance\n")
        .append("    static_configs:\n")
        .append("      - targets:\n");
    for (GeneratedNetwork.NodeFiles node : network.nodes()) {
      yaml.append("          - \"").append(node.id()).append(':').append(node.metricsPort())
          .append("\"\n");
    }
    return yaml.toString();
  }
}
