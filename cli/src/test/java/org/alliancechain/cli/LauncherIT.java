package org.alliancechain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bin/alliance runs the packaged jar, and says how to build it when it is missing. */
class LauncherIT {
  private static final String LAUNCHER = Launched.repository().resolve("bin/alliance").toString();

  @TempDir
  Path directory;

  @Test
  void runsTheFatJar() throws Exception {
    assertThat(Launched.jar()).exists();
    Launched version = Launched.run(List.of(LAUNCHER, "--version"), Map.of(), 60);
    assertThat(version.exitCode()).as(version.output()).isZero();
    assertThat(version.output()).startsWith("alliance 0.1.0");

    Launched init = Launched.run(List.of(LAUNCHER, "network", "init", "--validators", "1",
        "--out", directory.resolve("net").toString()), Map.of(), 120);
    assertThat(init.exitCode()).as(init.output()).isZero();
    assertThat(directory.resolve("net/nodes/node1/node.toml")).exists();
  }

  @Test
  void followsASymbolicLink() throws Exception {
    Path link = Files.createSymbolicLink(directory.resolve("alliance"), Path.of(LAUNCHER));
    Launched help = Launched.run(List.of(link.toString(), "--help"), Map.of(), 60);
    assertThat(help.exitCode()).as(help.output()).isZero();
    assertThat(help.output()).contains("devnet");
  }

  @Test
  void saysHowToBuildTheJarWhenItIsMissing() throws Exception {
    Launched missing = Launched.run(List.of(LAUNCHER, "--help"),
        Map.of("ALLIANCE_JAR", directory.resolve("none.jar").toString()), 30);
    assertThat(missing.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(missing.output()).contains("is missing").contains("./mvnw -B -q package -DskipTests");
  }
}
