package org.alliancechain.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A node's own configuration, read from {@code node.toml}: identity and files, p2p, API, consensus
 * timers, mempool limits and logging. Everything the validators must agree on is in
 * {@link Genesis} instead. Every key is described in {@code config/README.md}.
 */
public record NodeConfig(
    NodeSection node,
    P2pConfig p2p,
    ApiConfig api,
    ConsensusTiming consensus,
    MempoolLimits mempool,
    LoggingConfig logging) {
  /** The conventional file name, and the name problems use when the configuration has no file. */
  public static final String FILE_NAME = "node.toml";

  public NodeConfig {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(p2p, "p2p");
    Objects.requireNonNull(api, "api");
    Objects.requireNonNull(consensus, "consensus");
    Objects.requireNonNull(mempool, "mempool");
    Objects.requireNonNull(logging, "logging");
  }

  /** The configuration of {@code node} with every other key at its default. */
  public static NodeConfig defaults(NodeSection node) {
    return new NodeConfig(node, P2pConfig.defaults(), ApiConfig.defaults(), ConsensusTiming.defaults(),
        MempoolLimits.defaults(), LoggingConfig.defaults());
  }

  /**
   * A configuration for tests on loopback: files named as {@link NodeSection#inDirectory} names
   * them, p2p on {@code basePort}, gRPC, admin and metrics on the next three ports, and short
   * consensus timers.
   */
  public static NodeConfig forTests(String id, Path directory, int basePort) {
    P2pConfig p2p = P2pConfig.defaults().withListen(new HostPort("127.0.0.1", basePort));
    ApiConfig api = ApiConfig.defaults().withListens(new HostPort("127.0.0.1", basePort + 1),
        new HostPort("127.0.0.1", basePort + 2), new HostPort("127.0.0.1", basePort + 3));
    return new NodeConfig(NodeSection.inDirectory(id, directory), p2p, api, ConsensusTiming.forTests(),
        MempoolLimits.defaults(), LoggingConfig.defaults());
  }

  /**
   * Reads and validates {@code file}; relative paths in it are resolved against its directory.
   *
   * @throws ConfigException listing every problem: a missing file (with the path tried), a TOML
   *     syntax error (with line and column), or each bad, missing or unknown key
   */
  public static NodeConfig load(Path file) throws ConfigException {
    String label = file.toString();
    String text = ConfigFiles.utf8(ConfigFiles.read(file), label);
    Path directory = file.toAbsolutePath().normalize().getParent();
    return parse(text, label, directory);
  }

  /**
   * Parses and validates node.toml text.
   *
   * @param file the name problems give the file
   * @param baseDirectory what relative paths are resolved against
   */
  public static NodeConfig parse(String toml, String file, Path baseDirectory) throws ConfigException {
    Problems problems = new Problems(file);
    NodeConfig config = new NodeConfigParser(problems, baseDirectory.toAbsolutePath().normalize())
        .parse(ConfigFiles.parseToml(toml, file));
    NodeConfigRules.check(config, problems);
    problems.throwIfAny();
    return config;
  }

  /**
   * The rules that span keys (distinct ports, loopback admin, ordered back-offs, peers), for a
   * configuration built in code; {@link #parse} and {@link #load} apply them already.
   */
  public List<ConfigProblem> validate() {
    Problems problems = new Problems(FILE_NAME);
    NodeConfigRules.check(this, problems);
    return problems.list();
  }

  /**
   * This configuration as node.toml text that {@link #parse} reads back to an equal record; paths
   * inside {@code baseDirectory} are written relative to it, so the directory can be moved.
   */
  public String toToml(Path baseDirectory) {
    return NodeConfigWriter.write(this, baseDirectory.toAbsolutePath().normalize());
  }

  public NodeConfig withP2p(P2pConfig newP2p) {
    return new NodeConfig(node, newP2p, api, consensus, mempool, logging);
  }

  public NodeConfig withApi(ApiConfig newApi) {
    return new NodeConfig(node, p2p, newApi, consensus, mempool, logging);
  }

  public NodeConfig withConsensus(ConsensusTiming newConsensus) {
    return new NodeConfig(node, p2p, api, newConsensus, mempool, logging);
  }

  public NodeConfig withMempool(MempoolLimits newMempool) {
    return new NodeConfig(node, p2p, api, consensus, newMempool, logging);
  }

  public NodeConfig withLogging(LoggingConfig newLogging) {
    return new NodeConfig(node, p2p, api, consensus, mempool, newLogging);
  }
}
