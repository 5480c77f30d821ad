package org.alliancechain.cli.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.alliancechain.cli.CliRun;
import org.alliancechain.cli.ExitCode;
import org.alliancechain.cli.devnet.LocalNetwork;
import org.alliancechain.cli.devnet.NodeLauncher;
import org.alliancechain.cli.network.NetworkDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node process with {@code [api] tls = true}: its APIs present the node's TLS certificate,
 * issued by its organization's CA, and the CLI verifies it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiTlsTest {
  @TempDir
  static Path directory;

  private LocalNetwork network;
  private NetworkDirectory.Member node;
  private Path out;

  @BeforeAll
  void startNodeWithTls() throws Exception {
    out = directory.resolve("net");
    assertThat(CliRun.run("network", "init", "--validators", "1", "--out", out.toString())
        .exitCode()).isZero();
    NetworkDirectory files = NetworkDirectory.load(out);
    node = files.node("node1").orElseThrow();
    String toml = Files.readString(node.nodeToml());
    assertThat(toml).contains("tls = false");
    Files.writeString(node.nodeToml(), toml.replace("tls = false", "tls = true"));
    network = new LocalNetwork(files, new NodeLauncher(List.of("-Xmx512m")));
    network.startAll();
    network.awaitReady(List.of("node1"), Duration.ofSeconds(120));
  }

  @AfterAll
  void stopNode() throws Exception {
    if (network != null) {
      network.close();
    }
  }

  @Test
  void withItsConfigTheCliTrustsTheOrganizationCasOfGenesis() {
    CliRun status = CliRun.run("status", "--config", node.nodeToml().toString());
    assertThat(status.exitCode()).as(status.toString()).isZero();
    assertThat(status.out()).contains("ready       yes");
    CliRun peers = CliRun.run("peers", "--config", node.nodeToml().toString());
    assertThat(peers.exitCode()).as("the admin API speaks TLS too: " + peers).isZero();
  }

  @Test
  void anExplicitCaWorksAndAWrongOneIsRefused() throws Exception {
    String grpc = node.grpc().toString();
    Path orgCa = out.resolve("organizations/org1/ca.crt.pem");
    CliRun right = CliRun.run("status", "--node", grpc, "--tls-ca", orgCa.toString());
    assertThat(right.exitCode()).as(right.toString()).isZero();

    Path otherCa = directory.resolve("other-ca.pem");
    try (TestServers servers = new TestServers()) {
      servers.tls(otherCa);
    }
    CliRun wrong = CliRun.run("status", "--node", grpc, "--tls-ca", otherCa.toString());
    assertThat(wrong.exitCode()).isEqualTo(ExitCode.UNREACHABLE);
    assertThat(wrong.err()).contains("TLS handshake").contains(otherCa.toString());
  }

  @Test
  void plaintextAgainstTheTlsApiSaysToPassTheCa() {
    CliRun plain = CliRun.run("status", "--node", node.grpc().toString());
    assertThat(plain.exitCode()).isEqualTo(ExitCode.UNREACHABLE);
    assertThat(plain.err()).contains("expects TLS").contains("--tls-ca");
  }
}
