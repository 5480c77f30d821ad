package org.alliancechain.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** node.toml against genesis.json and the files node.toml names, on a copy of the examples. */
class ChainConfigTest {
  private static final String MEMBERS = "validator-a, validator-b, validator-c, validator-d, observer-regulator";
  @TempDir Path directory;
  private Path nodeToml;

  @BeforeEach
  void copyExamples() throws IOException {
    try (Stream<Path> files = Files.walk(ExampleFiles.DIR)) {
      for (Path source : files.toList()) {
        Path target = directory.resolve(ExampleFiles.DIR.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    }
    nodeToml = directory.resolve("node.toml");
  }

  private void edit(String from, String to) throws IOException {
    String text = Files.readString(nodeToml);
    assertThat(text).contains(from);
    Files.writeString(nodeToml, text.replace(from, to));
  }

  private List<String> problems() {
    return assertThrows(ConfigException.class, () -> ChainConfig.load(nodeToml)).problems().stream()
        .map(ConfigProblem::line).toList();
  }

  @Test
  void copiedExamplesLoad() throws Exception {
    ChainConfig chain = ChainConfig.load(nodeToml);
    assertThat(chain.node().node().genesisFile()).isEqualTo(directory.toAbsolutePath().resolve("genesis.json"));
  }

  @Test
  void nodeAndPeersMustBeMembersOfTheChain() throws Exception {
    edit("id = \"validator-a\"", "id = \"validator-x\"");
    edit("id = \"validator-c\"", "id = \"validator-z\"");
    assertThat(problems()).containsExactly(
        nodeToml + ": node.id: not a validator or observer of genesis.json (expected one of " + MEMBERS
            + "), got \"validator-x\"",
        nodeToml + ": p2p.peers[1].id: not a validator or observer of genesis.json (expected one of " + MEMBERS
            + "), got \"validator-z\"");
  }

  @Test
  void framesAndRequestsMustFitTheGenesisLimits() throws Exception {
    edit("max_frame_bytes = 16777216", "max_frame_bytes = 4194304");
    edit("max_message_bytes = 4194304", "max_message_bytes = 65536");
    assertThat(problems()).containsExactly(
        nodeToml + ": p2p.max_frame_bytes: too small for blocks of genesis consensus.maxBlockBytes (expected at"
            + " least 4259840: the block plus 65536 bytes of envelope), got 4194304",
        nodeToml + ": api.max_message_bytes: too small for transactions of genesis consensus.maxTransactionBytes"
            + " (expected at least 66560: the transaction plus 1024 bytes of request), got 65536");
  }

  @Test
  void filesNamedByNodeTomlMustExist() throws Exception {
    Files.delete(directory.resolve("keys/validator-a.key.pem"));
    Files.delete(directory.resolve("tls/validator-a.key.pem"));
    Files.delete(directory.resolve("tls/validator-a.crt.pem"));
    Path abs = directory.toAbsolutePath();
    assertThat(problems()).containsExactly(
        nodeToml + ": node.key_file: file not found (tried " + abs.resolve("keys/validator-a.key.pem") + ")",
        nodeToml + ": node.tls_key_file: file not found (tried " + abs.resolve("tls/validator-a.key.pem") + ")",
        nodeToml + ": node.tls_cert_file: file not found (tried " + abs.resolve("tls/validator-a.crt.pem") + ")");
  }

  @Test
  void missingGenesisIsReportedAtTheKeyThatNamesIt() throws Exception {
    edit("genesis_file = \"genesis.json\"", "genesis_file = \"chain/genesis.json\"");
    assertThat(problems()).containsExactly(nodeToml + ": node.genesis_file: file not found (tried "
        + directory.toAbsolutePath().resolve("chain/genesis.json") + ")");
  }

  @Test
  void tlsCertificateFileMustBeTheOneGenesisLists() throws Exception {
    edit("tls_cert_file = \"tls/validator-a.crt.pem\"", "tls_cert_file = \"tls/validator-b.crt.pem\"");
    assertThat(problems()).containsExactly(nodeToml + ": node.tls_cert_file: not the TLS certificate genesis.json"
        + " lists for validator-a (expected \"CN=validator-a,O=Bank A\"), got \"CN=validator-b,O=Bank B\"");
  }

  @Test
  void genesisProblemsAreReportedWithTheGenesisPath() throws Exception {
    Path genesis = directory.resolve("genesis.json");
    Files.writeString(genesis, Files.readString(genesis).replace("\"window\": 2", "\"window\": 0"));
    assertThat(problems()).containsExactly(directory.toAbsolutePath().resolve("genesis.json")
        + ": consensus.window: expected an integer in 1..16, got 0");
  }

  @Test
  void brokenNodeTomlIsReportedAlone() throws Exception {
    edit("[mempool]", "[mempol]");
    assertThat(problems()).containsExactly(nodeToml + ": mempol: unknown key (did you mean \"mempool\"?)");
  }
}
