package org.alliancechain.cli.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.alliancechain.cli.CliRun;
import org.alliancechain.cli.ExitCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Calls to the wrong kind of port end with exit code 4 and a message that names the mistake. */
class ErrorAdvisorTest {
  private final TestServers servers = new TestServers();

  @TempDir
  Path directory;

  @AfterEach
  void close() throws Exception {
    servers.close();
  }

  @Test
  void nothingListening() throws Exception {
    CliRun run = CliRun.run("status", "--node", "127.0.0.1:" + TestServers.closed());
    assertThat(run.exitCode()).isEqualTo(ExitCode.UNREACHABLE);
    assertThat(run.err()).contains("nothing listens on 127.0.0.1:").contains("fix:")
        .contains("grpc_listen");
  }

  @Test
  void aWebServerIsProbablyTheMetricsPort() throws Exception {
    CliRun run = CliRun.run("status", "--node", "127.0.0.1:" + servers.http());
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.UNREACHABLE);
    assertThat(run.err()).contains("serves plain HTTP, not gRPC").contains("metrics port");
  }

  @Test
  void plaintextAgainstTlsSaysTlsIsExpected() throws Exception {
    int port = servers.tls(directory.resolve("ca.pem"));
    CliRun run = CliRun.run("status", "--node", "127.0.0.1:" + port);
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.UNREACHABLE);
    assertThat(run.err()).contains("expects TLS").contains("--tls-ca");
  }

  @Test
  void tlsAgainstPlaintextSaysToDropTls() throws Exception {
    Path ca = directory.resolve("ca.pem");
    servers.tls(ca);
    int port = servers.grpcWithoutAllianceServices();
    CliRun run = CliRun.run("status", "--node", "127.0.0.1:" + port, "--tls-ca", ca.toString());
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.UNREACHABLE);
    assertThat(run.err()).contains("TLS mismatch").contains("drop --tls-ca");
  }

  @Test
  void anotherGrpcServerDoesNotOfferTheService() throws Exception {
    int port = servers.grpcWithoutAllianceServices();
    CliRun run = CliRun.run("status", "--node", "127.0.0.1:" + port);
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.UNREACHABLE);
    assertThat(run.err()).contains("does not offer QueryService/GetStatus");

    CliRun peers = CliRun.run("peers", "--admin", "127.0.0.1:" + port);
    assertThat(peers.exitCode()).isEqualTo(ExitCode.UNREACHABLE);
    assertThat(peers.err()).contains("AdminService/ListPeers").contains("admin_listen");
  }

  @Test
  void aPortThatNeverAnswersTimesOut() throws Exception {
    CliRun run = CliRun.run("status", "--node", "127.0.0.1:" + servers.silent(), "--timeout", "2");
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.UNREACHABLE);
    assertThat(run.err()).containsAnyOf("did not answer", "does not answer");
  }

  @Test
  void badAddressIsUsageOfTheOption() {
    CliRun run = CliRun.run("status", "--node", "localhost");
    assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(run.err()).contains("--node localhost").contains("port is missing");
  }
}
