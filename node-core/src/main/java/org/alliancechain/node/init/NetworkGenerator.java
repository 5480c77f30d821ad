package org.alliancechain.node.init;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.alliancechain.config.ClientIdentity;
import org.alliancechain.config.ConfigException;
import org.alliancechain.config.Genesis;
import org.alliancechain.config.GenesisBuilder;
import org.alliancechain.config.HostPort;
import org.alliancechain.config.Namespace;
import org.alliancechain.config.NodeConfig;
import org.alliancechain.config.NodeIdentity;
import org.alliancechain.config.NodeSection;
import org.alliancechain.config.Organization;
import org.alliancechain.config.Peer;
import org.alliancechain.crypto.CertificatePem;
import org.alliancechain.crypto.Certificates;
import org.alliancechain.crypto.CryptoException;
import org.alliancechain.crypto.KeyPem;
import org.alliancechain.crypto.NodeCertificateRequest;
import org.alliancechain.crypto.SignatureScheme;
import org.alliancechain.crypto.SigningKey;

/**
 * Generates a whole network: per organization a P-256 CA and an admin key of the suite's scheme;
 * per node a consensus key, a TLS key and a certificate issued by its organization's CA, a
 * node.toml with its ports and peers; the genesis with a sample client and two open namespaces
 * ({@code default} and {@code evidence}). Private keys are written with owner-only permissions.
 */
public final class NetworkGenerator {
  static final String REGULATOR = "regulator";

  private final SecureRandom random = new SecureRandom();
  private final Map<String, X509Certificate> nodeCertificates = new HashMap<>();

  private record NodePlan(String id, String organization, boolean validator, SigningKey key,
      SigningKey tlsKey, int p2pPort, int grpcPort, int adminPort, int metricsPort) {}

  private record OrganizationPlan(String id, SigningKey caKey, X509Certificate ca,
      SigningKey admin) {}

  public GeneratedNetwork generate(NetworkSpec spec, Path directory)
      throws IOException, CryptoException, ConfigException {
    Files.createDirectories(directory);
    Instant now = spec.now().truncatedTo(ChronoUnit.SECONDS);
    Instant notBefore = now.minus(1, ChronoUnit.HOURS);
    Instant notAfter = now.plus(spec.certificateValidity());
    SignatureScheme scheme = spec.suite().defaultScheme();

    List<OrganizationPlan> organizations = new ArrayList<>();
    List<NodePlan> nodes = new ArrayList<>();
    for (int i = 1; i <= spec.validators(); i++) {
      organizations.add(organization("org" + i, scheme, notBefore, notAfter));
      nodes.add(node("node" + i, "org" + i, true, scheme, spec.ports()));
    }
    if (spec.observers() > 0) {
      organizations.add(organization(REGULATOR, scheme, notBefore, notAfter));
      for (int i = 1; i <= spec.observers(); i++) {
        nodes.add(node("observer" + i, REGULATOR, false, scheme, spec.ports()));
      }
    }
    SigningKey client = SigningKey.generate(scheme, random);
    Genesis genesis = genesis(spec, now, organizations, nodes, client, notBefore, notAfter);
    Files.write(directory.resolve(Genesis.FILE_NAME), genesis.bytes());

    List<Path> adminFiles = new ArrayList<>();
    for (OrganizationPlan organization : organizations) {
      Path dir = Files.createDirectories(directory.resolve("organizations").resolve(organization.id));
      writeText(dir.resolve("ca.crt.pem"), CertificatePem.encode(organization.ca));
      writeSecret(dir.resolve("ca.key.pem"), KeyPem.encodePrivate(organization.caKey));
      writeSecret(dir.resolve("admin.key.pem"), KeyPem.encodePrivate(organization.admin));
      adminFiles.add(dir.resolve("admin.key.pem"));
    }
    Path clientFile = directory.resolve("clients").resolve("client1.key.pem");
    Files.createDirectories(clientFile.getParent());
    writeSecret(clientFile, KeyPem.encodePrivate(client));

    List<GeneratedNetwork.NodeFiles> files = new ArrayList<>();
    for (NodePlan node : nodes) {
      files.add(writeNode(spec, directory, genesis, node, nodes));
    }
    return new GeneratedNetwork(directory, genesis, files, clientFile, adminFiles);
  }

  private OrganizationPlan organization(String id, SignatureScheme scheme, Instant notBefore,
      Instant notAfter) throws CryptoException {
    SigningKey caKey = SigningKey.generate(SignatureScheme.ECDSA_P256, random);
    X509Certificate ca = Certificates.createOrganizationCa(id, caKey, notBefore, notAfter);
    return new OrganizationPlan(id, caKey, ca, SigningKey.generate(scheme, random));
  }

  private NodePlan node(String id, String organization, boolean validator, SignatureScheme scheme,
      PortAllocator ports) {
    return new NodePlan(id, organization, validator, SigningKey.generate(scheme, random),
        SigningKey.generate(SignatureScheme.ECDSA_P256, random), ports.next(), ports.next(),
        ports.next(), ports.next());
  }

  private Genesis genesis(NetworkSpec spec, Instant now, List<OrganizationPlan> organizations,
      List<NodePlan> nodes, SigningKey client, Instant notBefore, Instant notAfter)
      throws CryptoException, ConfigException {
    GenesisBuilder builder = new GenesisBuilder(spec.chainId(), spec.suite(), now)
        .consensus(spec.consensus());
    for (OrganizationPlan organization : organizations) {
      String name = organization.id.equals(REGULATOR) ? "Regulator"
          : "Member organization " + organization.id.substring(3);
      builder.organization(new Organization(organization.id, name, organization.ca,
          List.of(organization.admin.publicKey())));
    }
    for (NodePlan node : nodes) {
      OrganizationPlan organization = organizations.stream()
          .filter(o -> o.id.equals(node.organization)).findFirst().orElseThrow();
      X509Certificate tls = Certificates.issueNodeCertificate(new NodeCertificateRequest(node.id,
          node.organization, node.tlsKey.publicKey(), List.of("localhost"), ipOf(spec.host()),
          notBefore, notAfter), organization.ca, organization.caKey);
      nodeCertificates.put(node.id, tls);
      NodeIdentity identity = new NodeIdentity(node.id, node.organization, node.key.publicKey(), tls);
      if (node.validator) {
        builder.validator(identity);
      } else {
        builder.observer(identity);
      }
    }
    String first = organizations.get(0).id;
    builder.client(new ClientIdentity(client.publicKey(), first));
    builder.namespace(new Namespace("default", first, List.of()));
    builder.namespace(new Namespace("evidence", first, List.of()));
    return builder.build();
  }

  private GeneratedNetwork.NodeFiles writeNode(NetworkSpec spec, Path directory, Genesis genesis,
      NodePlan node, List<NodePlan> all) throws IOException {
    Path dir = Files.createDirectories(directory.resolve("nodes").resolve(node.id));
    Files.write(dir.resolve(Genesis.FILE_NAME), genesis.bytes());
    writeSecret(dir.resolve("node.key.pem"), KeyPem.encodePrivate(node.key));
    writeSecret(dir.resolve("tls.key.pem"), KeyPem.encodePrivate(node.tlsKey));
    writeText(dir.resolve("tls.crt.pem"), CertificatePem.encode(nodeCertificates.get(node.id)));
    List<Peer> peers = new ArrayList<>();
    for (NodePlan other : all) {
      if (!other.id.equals(node.id) && (node.validator || other.validator)) {
        peers.add(new Peer(other.id, new HostPort(spec.host(), other.p2pPort)));
      }
    }
    NodeConfig defaults = NodeConfig.defaults(NodeSection.inDirectory(node.id, dir));
    NodeConfig config = defaults
        .withP2p(defaults.p2p().withListen(new HostPort(spec.host(), node.p2pPort)).withPeers(peers))
        .withApi(defaults.api().withListens(new HostPort(spec.host(), node.grpcPort),
            new HostPort("127.0.0.1", node.adminPort), new HostPort(spec.host(), node.metricsPort)))
        .withConsensus(spec.timing());
    Path toml = dir.resolve(NodeConfig.FILE_NAME);
    writeText(toml, config.toToml(dir));
    return new GeneratedNetwork.NodeFiles(node.id, node.validator, dir, toml, node.p2pPort,
        node.grpcPort, node.adminPort, node.metricsPort);
  }

  private static List<String> ipOf(String host) {
    return host.matches("[0-9.]+") || host.contains(":") ? List.of(host) : List.of();
  }

  private static void writeText(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private static void writeSecret(Path file, String pem) throws IOException {
    Files.writeString(file, pem, StandardCharsets.US_ASCII);
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: the operator protects the directory instead
    }
  }
}
