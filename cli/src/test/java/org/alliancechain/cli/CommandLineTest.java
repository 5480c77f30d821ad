package org.alliancechain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CommandLineTest {

  @Test
  void everyCommandHasHelpThatExitsZero() {
    List<List<String>> paths = new ArrayList<>();
    collect(Alliance.commandLine(), new ArrayList<>(), paths);
    assertThat(paths).hasSizeGreaterThan(15);
    for (List<String> path : paths) {
      List<String> args = new ArrayList<>(path);
      args.add("--help");
      CliRun run = CliRun.run(args.toArray(String[]::new));
      assertThat(run.exitCode()).as("%s --help", path).isZero();
      assertThat(run.out()).as("%s --help", path).contains("Usage: alliance")
          .contains("Exit codes:");
    }
  }

  private static void collect(CommandLine line, List<String> prefix, List<List<String>> out) {
    out.add(prefix);
    for (var entry : line.getSubcommands().entrySet()) {
      List<String> path = new ArrayList<>(prefix);
      path.add(entry.getKey());
      collect(entry.getValue(), path, out);
    }
  }

  @Test
  void wrongUsageExitsTwoAndSaysWhat() {
    CliRun unknown = CliRun.run("status", "--no-such-option");
    assertThat(unknown.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(unknown.err()).contains("Unknown option: '--no-such-option'");

    CliRun missing = CliRun.run("verify", "--receipt", "r.bin");
    assertThat(missing.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(missing.err()).contains("--genesis");

    CliRun group = CliRun.run("tx", "submit");
    assertThat(group.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(group.err()).contains("Missing subcommand: put, delete, anchor, register-client");

    CliRun bare = CliRun.run();
    assertThat(bare.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(bare.err()).contains("alliance devnet");
  }

  @Test
  void completionScriptCoversTheCommands() {
    CliRun run = CliRun.run("completion");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("complete -F").contains("devnet").contains("bench")
        .contains("register-client");
  }

  @Test
  void versionNamesTheProgram() {
    CliRun run = CliRun.run("--version");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("alliance ");
  }
}
