package org.alliancechain.cli.client;

import java.nio.file.Path;
import java.util.Optional;
import org.alliancechain.cli.CliException;
import org.alliancechain.cli.network.NetworkDirectory;
import org.alliancechain.config.ConfigException;
import org.alliancechain.config.Genesis;
import org.alliancechain.config.HostPort;
import org.alliancechain.config.NodeConfig;
import picocli.CommandLine.Option;

/** Where the node's APIs are: explicit addresses, or read from its node.toml. */
public final class ApiOptions {
  static final String DEFAULT_PUBLIC = "127.0.0.1:50051";
  static final String DEFAULT_ADMIN = "127.0.0.1:50052";

  @Option(names = {"-n", "--node"}, paramLabel = "HOST:PORT", description = {
      "The node's public gRPC API ([api] grpc_listen).",
      "Default: from --config, else " + DEFAULT_PUBLIC})
  String node;

  @Option(names = "--admin", paramLabel = "HOST:PORT", description = {
      "The node's admin gRPC API ([api] admin_listen, loopback only).",
      "Default: from --config, else " + DEFAULT_ADMIN})
  String admin;

  @Option(names = {"-c", "--config"}, paramLabel = "NODE_TOML",
      description = "Read the node's addresses from its node.toml")
  Path config;

  @Option(names = "--tls-ca", paramLabel = "PEM", description = {
      "Talk TLS to the API, trusting this CA certificate. Default: with --config and",
      "[api] tls = true, TLS trusting the organization CAs of the node's genesis; else plaintext"})
  Path tlsCa;

  @Option(names = "--timeout", defaultValue = "10", paramLabel = "SECONDS",
      description = "How long to wait for an answer. Default: ${DEFAULT-VALUE}")
  long timeoutSeconds;

  public Endpoint publicApi() throws CliException {
    return new Endpoint(address(node, true, DEFAULT_PUBLIC, "--node"), trust(), "public API");
  }

  public Endpoint adminApi() throws CliException {
    return new Endpoint(address(admin, false, DEFAULT_ADMIN, "--admin"), trust(), "admin API");
  }

  /** node.toml, read once however many endpoints a command opens. */
  private NodeConfig loaded;
  private Optional<TrustedCas> trust;

  private NodeConfig nodeConfig(String fix) throws CliException {
    if (loaded == null) {
      try {
        loaded = NodeConfig.load(config);
      } catch (ConfigException e) {
        throw CliException.badInput(e.getMessage(), fix);
      }
    }
    return loaded;
  }

  private Optional<TrustedCas> trust() throws CliException {
    if (trust == null) {
      trust = readTrust();
    }
    return trust;
  }

  private Optional<TrustedCas> readTrust() throws CliException {
    if (tlsCa != null) {
      return Optional.of(TrustedCas.file(tlsCa));
    }
    String fix = "pass the node's node.toml with its genesis.json beside it, or --tls-ca";
    if (config == null || !nodeConfig(fix).api().tls()) {
      return Optional.empty();
    }
    Path genesisFile = loaded.node().genesisFile();
    try {
      return Optional.of(TrustedCas.organizationsOf(Genesis.load(genesisFile), genesisFile));
    } catch (ConfigException e) {
      throw CliException.badInput(e.getMessage(), fix);
    }
  }

  public long timeoutSeconds() {
    return timeoutSeconds;
  }

  private HostPort address(String given, boolean publicApi, String fallback, String option)
      throws CliException {
    if (given != null) {
      try {
        return HostPort.parse(given);
      } catch (IllegalArgumentException e) {
        throw CliException.badInput(option + " " + given + ": " + e.getMessage(),
            "e.g. " + option + " " + fallback);
      }
    }
    if (config != null) {
      NodeConfig node = nodeConfig("pass the node's node.toml, or " + option);
      return NetworkDirectory.dialable(publicApi ? node.api().grpcListen()
          : node.api().adminListen());
    }
    return HostPort.parse(fallback);
  }
}
