package org.alliancechain.cli.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * Every client command against a real single-validator node running as its own process
 * (`alliance node start`), started the way devnet starts its validators.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientCommandsTest {
  private static final Pattern TX_ID = Pattern.compile("(?m)^(?:put|delete|anchor|register-client)"
      + ".* ([0-9a-f]{64})$");

  @TempDir
  static Path directory;

  private LocalNetwork network;
  private NetworkDirectory.Member node;
  private String config;
  private Path genesis;
  private Path clientKey;

  @BeforeAll
  void startNode() throws Exception {
    Path out = directory.resolve("net");
    assertThat(CliRun.run("network", "init", "--validators", "1", "--out", out.toString())
        .exitCode()).isZero();
    NetworkDirectory files = NetworkDirectory.load(out);
    network = new LocalNetwork(files, new NodeLauncher(List.of("-Xmx512m")));
    network.startAll();
    network.awaitReady(List.of("node1"), Duration.ofSeconds(120));
    node = files.node("node1").orElseThrow();
    config = node.nodeToml().toString();
    genesis = out.resolve("genesis.json");
    clientKey = files.clientKeyFile();
  }

  @AfterAll
  void stopNode() throws Exception {
    if (network != null) {
      network.close();
      assertThat(network.process("node1").exitCode()).as("stopped by SIGTERM, gracefully")
          .hasValue(143);
    }
  }

  @Test
  void statusAndPeersDescribeTheNode() {
    CliRun status = CliRun.run("status", "--config", config);
    assertThat(status.exitCode()).as(status.toString()).isZero();
    assertThat(status.out()).contains("node1  validator of chain 'alliance-local' (suite intl)")
        .contains("ready       yes").contains("view        0, primary node1")
        .contains("consensus   committed");

    CliRun json = CliRun.run("status", "--node", node.grpc().toString(), "--json");
    assertThat(json.exitCode()).isZero();
    assertThat(json.out()).contains("\"nodeId\": \"node1\"").contains("\"ready\": true");

    CliRun peers = CliRun.run("peers", "--config", config);
    assertThat(peers.exitCode()).as(peers.toString()).isZero();
    assertThat(peers.out()).contains("0 of 0 peers connected");
  }

  @Test
  void submitReadAndVerifyAnAnchoredDocument() throws Exception {
    Path document = Files.writeString(directory.resolve("contract.txt"), "terms and conditions");
    CliRun anchor = CliRun.run("tx", "submit", "anchor", "--config", config, "--key-file",
        clientKey.toString(), "--file", document.toString(), "--meta", "case=2026-42");
    assertThat(anchor.exitCode()).as(anchor.toString()).isZero();
    assertThat(anchor.out()).contains("committed at height").contains(": success");
    String id = transactionId(anchor);

    Path receipt = directory.resolve("anchor.receipt");
    CliRun get = CliRun.run("tx", "get", id, "--config", config, "--out", receipt.toString(),
        "--wait", "30");
    assertThat(get.exitCode()).as(get.toString()).isZero();
    assertThat(get.out()).contains("result      success").contains("anchored    sha-256")
        .contains("receipt     complete");

    CliRun valid = CliRun.run("verify", "--receipt", receipt.toString(), "--genesis",
        genesis.toString());
    assertThat(valid.exitCode()).as(valid.toString()).isZero();
    assertThat(valid.out()).contains("VALID receipt").contains(id).contains("by node1 (1 of 1)");

    byte[] bytes = Files.readAllBytes(receipt);
    bytes[bytes.length / 2] ^= 0x01;
    Path tampered = Files.write(directory.resolve("tampered.receipt"), bytes);
    CliRun invalid = CliRun.run("verify", "--receipt", tampered.toString(), "--genesis",
        genesis.toString());
    assertThat(invalid.exitCode()).as(invalid.toString()).isEqualTo(ExitCode.INVALID_RECEIPT);
    assertThat(invalid.out()).startsWith("INVALID: ").contains("check failed");
  }

  @Test
  void putDeleteAndReadTheBlock() {
    CliRun put = CliRun.run("tx", "submit", "put", "--config", config, "--key-file",
        clientKey.toString(), "color", "blue");
    assertThat(put.exitCode()).as(put.toString()).isZero();
    Matcher height = Pattern.compile("committed at height (\\d+)").matcher(put.out());
    assertThat(height.find()).isTrue();

    CliRun block = CliRun.run("block", "get", height.group(1), "--config", config);
    assertThat(block.exitCode()).as(block.toString()).isZero();
    assertThat(block.out()).contains("block " + height.group(1)).contains("certificate    view 0")
        .contains("success");

    CliRun delete = CliRun.run("tx", "submit", "delete", "--config", config, "--key-file",
        clientKey.toString(), "color");
    assertThat(delete.exitCode()).as(delete.toString()).isZero();

    CliRun missing = CliRun.run("block", "get", "999999", "--config", config);
    assertThat(missing.exitCode()).isEqualTo(ExitCode.FAILED);
    assertThat(missing.err()).contains("NOT_FOUND");
  }

  @Test
  void anUnregisteredSenderIsRefusedUntilAnAdminRegistersIt() {
    Path key = directory.resolve("newcomer.key.pem");
    assertThat(CliRun.run("keygen", "--out", key.toString()).exitCode()).isZero();
    CliRun refused = CliRun.run("tx", "submit", "put", "--config", config, "--key-file",
        key.toString(), "k", "v");
    assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCode.REJECTED);
    assertThat(refused.err()).contains("PERMISSION_DENIED");

    Path admin = directory.resolve("net/organizations/org1/admin.key.pem");
    CliRun register = CliRun.run("tx", "submit", "register-client", "--config", config,
        "--key-file", admin.toString(), "--organization", "org1", "--client-public-key",
        key + ".pub", "--label", "newcomer");
    assertThat(register.exitCode()).as(register.toString()).isZero();

    CliRun accepted = CliRun.run("tx", "submit", "put", "--config", config, "--key-file",
        key.toString(), "k", "v");
    assertThat(accepted.exitCode()).as(accepted.toString()).isZero();
  }

  @Test
  void wrongPortsAreNamed() {
    CliRun metrics = CliRun.run("status", "--node", node.metrics().toString());
    assertThat(metrics.exitCode()).isEqualTo(ExitCode.UNREACHABLE);
    assertThat(metrics.err()).contains("metrics port");

    CliRun p2p = CliRun.run("status", "--node", node.config().p2p().listen().toString());
    assertThat(p2p.exitCode()).isEqualTo(ExitCode.UNREACHABLE);
    assertThat(p2p.err()).as(p2p.toString()).contains("expects TLS").contains("p2p port");

    CliRun admin = CliRun.run("status", "--node", node.admin().toString());
    assertThat(admin.exitCode()).isEqualTo(ExitCode.UNREACHABLE);
    assertThat(admin.err()).contains("does not offer QueryService/GetStatus")
        .contains("not the admin port");
  }

  @Test
  void aMissingKeyFileSaysHowToGetOne() {
    CliRun run = CliRun.run("tx", "submit", "put", "--config", config, "--key-file",
        directory.resolve("nope.pem").toString(), "k", "v");
    assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(run.err()).contains("does not exist").contains("alliance keygen");
  }

  private static String transactionId(CliRun run) {
    Matcher matcher = TX_ID.matcher(run.out());
    assertThat(matcher.find()).as(run.out()).isTrue();
    return matcher.group(1);
  }
}
