package org.alliancechain.cli.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.alliancechain.cli.CliRun;
import org.alliancechain.cli.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A node that cannot start says why, before binding anything. */
class NodeStartCommandTest {
  @TempDir
  Path directory;

  @Test
  void aMissingConfigurationSaysWhereConfigurationsAre() {
    CliRun run = CliRun.run("node", "start", "--config", directory.resolve("node.toml").toString());
    assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(run.err()).contains("no node configuration at").contains("nodes/<id>/node.toml");
  }

  @Test
  void aBrokenConfigurationListsItsProblems() throws Exception {
    Path out = directory.resolve("net");
    assertThat(CliRun.run("network", "init", "--validators", "1", "--out", out.toString())
        .exitCode()).isZero();
    Path toml = out.resolve("nodes/node1/node.toml");
    Files.writeString(toml, Files.readString(toml)
        .replace("proposal_delay_ms = 100", "proposal_delay_ms = -5")
        .replace("[mempool]", "[mempool]\nmax_transactionz = 3"));
    CliRun run = CliRun.run("node", "start", "--config", toml.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(run.err()).contains("proposal_delay_ms").contains("max_transactionz")
        .contains("config/README.md");
  }
}
