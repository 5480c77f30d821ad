package org.alliancechain.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a node starts from: its node.toml and the genesis.json it names, checked against each
 * other. {@link #load} is the one call the daemon makes.
 */
public record ChainConfig(NodeConfig node, Genesis genesis) {
  /** Room for a block's PBFT envelope and commit certificate beside its transactions in one frame. */
  static final int FRAME_OVERHEAD_BYTES = 64 * 1024;
  /** Room for the gRPC request around one signed transaction. */
  static final int REQUEST_OVERHEAD_BYTES = 1024;

  public ChainConfig {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(genesis, "genesis");
  }

  /**
   * Loads node.toml, the genesis.json it names, and checks them against each other and against
   * the files node.toml points at.
   *
   * @throws ConfigException listing every problem found; when node.toml itself is broken its own
   *     problems are reported alone, since the genesis path may be what is broken
   */
  public static ChainConfig load(Path nodeToml) throws ConfigException {
    NodeConfig node = NodeConfig.load(nodeToml);
    Problems problems = new Problems(nodeToml.toString());
    if (!exists(problems, "node.genesis_file", node.node().genesisFile())) {
      problems.throwIfAny();
    }
    Genesis genesis = Genesis.load(node.node().genesisFile());
    check(node, genesis, problems);
    checkFiles(node, genesis, problems);
    problems.throwIfAny();
    return new ChainConfig(node, genesis);
  }

  /**
   * The rules between a node's configuration and the chain's genesis: the node and its peers are
   * validators or observers of the chain, and frames and requests are large enough for its
   * blocks and transactions. Problems name node.toml keys.
   */
  public static List<ConfigProblem> check(NodeConfig node, Genesis genesis) {
    Problems problems = new Problems(NodeConfig.FILE_NAME);
    check(node, genesis, problems);
    return problems.list();
  }

  private static void check(NodeConfig node, Genesis genesis, Problems problems) {
    String members = Stream.concat(genesis.validators().stream(), genesis.observers().stream())
        .map(NodeIdentity::id).collect(Collectors.joining(", "));
    String notMember = "not a validator or observer of genesis.json (expected one of " + members + ")";
    if (genesis.node(node.node().id()).isEmpty()) {
      problems.add("node.id", Problems.quote(node.node().id()), notMember);
    }
    List<Peer> peers = node.p2p().peers();
    for (int i = 0; i < peers.size(); i++) {
      if (genesis.node(peers.get(i).id()).isEmpty()) {
        problems.add("p2p.peers[" + i + "].id", Problems.quote(peers.get(i).id()), notMember);
      }
    }
    long frameMin = (long) genesis.consensus().blockBytesMax() + FRAME_OVERHEAD_BYTES;
    if (node.p2p().frameBytesMax() < frameMin) {
      problems.add("p2p.max_frame_bytes", String.valueOf(node.p2p().frameBytesMax()),
          "too small for blocks of genesis consensus.maxBlockBytes (expected at least " + frameMin
              + ": the block plus " + FRAME_OVERHEAD_BYTES + " bytes of envelope)");
    }
    long messageMin = (long) genesis.consensus().transactionBytesMax() + REQUEST_OVERHEAD_BYTES;
    if (node.api().messageBytesMax() < messageMin) {
      problems.add("api.max_message_bytes", String.valueOf(node.api().messageBytesMax()),
          "too small for transactions of genesis consensus.maxTransactionBytes (expected at least "
              + messageMin + ": the transaction plus " + REQUEST_OVERHEAD_BYTES + " bytes of request)");
    }
  }

  /** The key and certificate files exist, and the TLS certificate is the one genesis lists. */
  private static void checkFiles(NodeConfig node, Genesis genesis, Problems problems) {
    NodeSection section = node.node();
    exists(problems, "node.key_file", section.keyFile());
    exists(problems, "node.tls_key_file", section.tlsKeyFile());
    if (Files.exists(section.dataDir()) && !Files.isDirectory(section.dataDir())) {
      problems.add("node.data_dir", Problems.quote(section.dataDir().toString()), "not a directory");
    }
    if (!exists(problems, "node.tls_cert_file", section.tlsCertFile())) {
      return;
    }
    Optional<NodeIdentity> identity = genesis.node(section.id());
    try {
      X509Certificate certificate = Certificates.parsePem(
          Files.readString(section.tlsCertFile(), StandardCharsets.US_ASCII));
      if (identity.isPresent() && !identity.get().tlsCertificate().equals(certificate)) {
        problems.add("node.tls_cert_file", Problems.quote(Certificates.describe(certificate)),
            "not the TLS certificate genesis.json lists for " + section.id() + " (expected "
                + Problems.quote(Certificates.describe(identity.get().tlsCertificate())) + ")");
      }
    } catch (IOException | CertificateException e) {
      problems.add("node.tls_cert_file", Problems.quote(section.tlsCertFile().toString()),
          "not a readable PEM X.509 certificate (" + e.getMessage() + ")");
    }
  }

  private static boolean exists(Problems problems, String field, Path file) {
    if (Files.isRegularFile(file) && Files.isReadable(file)) {
      return true;
    }
    problems.add(field, null, (Files.exists(file) ? "not a readable file" : "file not found")
        + " (tried " + file + ")");
    return false;
  }
}
