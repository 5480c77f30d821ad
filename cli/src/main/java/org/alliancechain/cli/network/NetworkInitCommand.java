package org.alliancechain.cli.network;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.alliancechain.cli.CliException;
import org.alliancechain.cli.ExitCode;
import org.alliancechain.config.ConfigException;
import org.alliancechain.config.Genesis;
import org.alliancechain.crypto.CryptoException;
import org.alliancechain.crypto.CryptoSuite;
import org.alliancechain.node.init.GeneratedNetwork;
import org.alliancechain.node.init.NetworkGenerator;
import org.alliancechain.node.init.NetworkSpec;
import org.alliancechain.node.init.PortAllocator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code alliance network init}: keys, certificates, genesis and node.toml files of a network. */
@Command(name = "init", header = "Generates the keys, certificates, genesis and node configs of a network.",
    description = {
    "Generates a network: per member organization a CA and an admin key, per node a consensus",
    "key, a TLS key and certificate and a node.toml, the genesis.json, and a sample client key.",
    "With --compose also a docker-compose.yml, a prometheus.yml and each node's",
    "node.docker.toml for the image of docker/Dockerfile."})
public final class NetworkInitCommand implements Callable<Integer> {
  /** The first port of the compose layout (and of docker/docker-compose.yml). */
  public static final int COMPOSE_BASE_PORT = 26600;

  @Option(names = "--out", required = true, paramLabel = "DIR",
      description = "Directory to create the network in (must not hold one already)")
  Path out;

  @Option(names = "--validators", defaultValue = "4", paramLabel = "N",
      description = "Validators, one member organization each (1..100). Default: ${DEFAULT-VALUE}")
  int validators;

  @Option(names = "--observers", defaultValue = "0", paramLabel = "M",
      description = "Non-voting observers of a 'regulator' organization. Default: ${DEFAULT-VALUE}")
  int observers;

  @Option(names = "--suite", defaultValue = "intl", paramLabel = "SUITE",
      description = "Crypto suite: intl (SHA-256, Ed25519) or sm (SM3, SM2). Default: ${DEFAULT-VALUE}")
  String suite;

  @Option(names = "--chain-id", defaultValue = "alliance-local", paramLabel = "ID",
      description = "The chain's id (a-z 0-9 . _ -). Default: ${DEFAULT-VALUE}")
  String chainId;

  @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "HOST",
      description = "Address the nodes listen on and dial each other at. Default: ${DEFAULT-VALUE}")
  String host;

  @Option(names = "--base-port", paramLabel = "PORT", description = {
      "Consecutive ports from PORT (p2p, gRPC, admin, metrics per node).",
      "Default: ports free right now, or " + COMPOSE_BASE_PORT + " with --compose"})
  Integer basePort;

  @Option(names = "--compose", description = "Also write docker-compose.yml, prometheus.yml and"
      + " node.docker.toml files for Docker")
  boolean compose;

  @Override
  public Integer call() throws CliException {
    GeneratedNetwork network = generate(spec());
    if (compose) {
      DockerFiles.write(network);
    }
    print(network);
    return ExitCode.OK;
  }

  private NetworkSpec spec() throws CliException {
    CryptoSuite chosen;
    try {
      chosen = CryptoSuite.fromId(suite);
    } catch (CryptoException e) {
      throw CliException.badInput(e.getMessage(), "use --suite intl or --suite sm");
    }
    if (validators < 1 || validators > 100 || observers < 0 || observers > 100) {
      throw CliException.badInput("--validators must be 1..100 and --observers 0..100",
          "4 validators tolerate one faulty validator; 7 tolerate two");
    }
    NetworkSpec spec = NetworkSpec.local(chainId, chosen, validators, observers);
    spec = new NetworkSpec(chainId, chosen, validators, observers, host, spec.ports(),
        spec.consensus(), spec.timing(), spec.now(), spec.certificateValidity());
    Integer base = basePort != null ? basePort : compose ? Integer.valueOf(COMPOSE_BASE_PORT) : null;
    if (base != null) {
      int needed = 4 * (validators + observers);
      if (base < 1024 || base + needed - 1 > 65535) {
        throw CliException.badInput("--base-port " + base + " leaves no room for " + needed
            + " ports", "choose a port between 1024 and " + (65536 - needed));
      }
      spec = spec.withPorts(PortAllocator.sequential(base));
    }
    return spec;
  }

  /** Generates into {@code out}, refusing a directory that already holds a network. */
  GeneratedNetwork generate(NetworkSpec spec) throws CliException {
    return generate(spec, out);
  }

  /** Generates a network into {@code directory}, which must not hold one already. */
  public static GeneratedNetwork generate(NetworkSpec spec, Path directory) throws CliException {
    if (Files.exists(directory.resolve(Genesis.FILE_NAME))
        || Files.exists(directory.resolve("nodes"))) {
      throw CliException.badInput(directory + " already holds a network; its keys are never"
          + " overwritten", "choose another --out directory, or delete this one first");
    }
    try {
      return new NetworkGenerator().generate(spec, directory);
    } catch (ConfigException e) {
      throw CliException.badInput(e.getMessage(), "check --chain-id and --host");
    } catch (IllegalArgumentException e) {
      throw CliException.badInput(e.getMessage(), null);
    } catch (IOException e) {
      throw CliException.badInput("cannot write the network to " + directory + ": " + e,
          "check the directory's permissions and free space");
    } catch (CryptoException e) {
      throw CliException.failed("cannot generate keys or certificates: " + e.getMessage());
    }
  }

  private void print(GeneratedNetwork network) {
    System.out.println("Created chain '" + network.genesis().chainId() + "' (suite "
        + network.genesis().suite().id() + ") in " + network.directory());
    System.out.println("  genesis       " + network.directory().resolve(Genesis.FILE_NAME)
        + " (hash " + network.genesis().genesisHashHex() + ")");
    System.out.println("  client key    " + network.clientKeyFile() + " (admitted in genesis)");
    for (Path admin : network.adminKeyFiles()) {
      System.out.println("  admin key     " + admin);
    }
    System.out.printf("%n  %-10s %-9s %6s %6s %6s %7s  %s%n", "node", "role", "p2p", "grpc",
        "admin", "metrics", "config");
    for (GeneratedNetwork.NodeFiles node : network.nodes()) {
      System.out.printf("  %-10s %-9s %6d %6d %6d %7d  %s%n", node.id(),
          node.validator() ? "validator" : "observer", node.p2pPort(), node.grpcPort(),
          node.adminPort(), node.metricsPort(), node.nodeToml());
    }
    System.out.println();
    System.out.println("Start each node:  alliance node start --config "
        + network.nodes().get(0).nodeToml());
    if (compose) {
      System.out.println("Or with Docker:   docker build -f docker/Dockerfile -t "
          + DockerFiles.IMAGE + " .   (from the repository root)");
      System.out.println("                  export ALLIANCE_UID=$(id -u) ALLIANCE_GID=$(id -g)");
      System.out.println("                  docker compose -f "
          + network.directory().resolve(DockerFiles.COMPOSE_FILE) + " up -d");
    }
    System.out.println("Keep organizations/*/ca.key.pem and admin.key.pem offline in production.");
  }
}
