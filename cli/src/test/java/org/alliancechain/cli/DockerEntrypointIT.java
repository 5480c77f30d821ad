package org.alliancechain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No Docker engine runs here, so this runs what docker/Dockerfile's image would run, the same
 * way, from the packaged jar: its ENTRYPOINT and CMD (with the node directory that the compose
 * file mounts at /var/lib/alliance), then its HEALTHCHECK command against the node, which must
 * turn healthy; a client command from the jar then reads the node's status.
 */
class DockerEntrypointIT {
  private static final String CONTAINER_DIR = "/var/lib/alliance";

  @TempDir
  Path directory;

  @Test
  void theImageCommandsStartAHealthyNodeFromTheJar() throws Exception {
    Dockerfile docker = Dockerfile.read(Launched.repository().resolve("docker/Dockerfile"));
    assertThat(docker.entrypoint()).containsExactly("alliance");
    int base = freePortRange(4);
    Path network = directory.resolve("net");
    Launched init = Launched.run(List.of(launcher(), "network", "init", "--validators", "1",
        "--compose", "--base-port", String.valueOf(base), "--out", network.toString()),
        Map.of(), 120);
    assertThat(init.exitCode()).as(init.output()).isZero();
    Path nodeDir = network.resolve("nodes/node1");
    // Tests bind loopback only: the container's all-interfaces listeners become 127.0.0.1.
    Path toml = nodeDir.resolve("node.docker.toml");
    Files.writeString(toml, Files.readString(toml).replace("0.0.0.0", "127.0.0.1"));

    List<String> command = new ArrayList<>(List.of(launcher()));
    docker.cmd().forEach(arg -> command.add(arg.replace(CONTAINER_DIR, nodeDir.toString())));
    Map<String, String> environment = new HashMap<>(docker.env());
    environment.put("ALLIANCE_JAR", Launched.jar().toString());
    environment.put("ALLIANCE_METRICS_PORT", String.valueOf(base + 3));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(directory.resolve("node.out").toFile());
    builder.environment().putAll(environment);
    Process node = builder.start();
    try {
      awaitHealthy(docker.healthcheck(), environment, node);
      Launched status = Launched.run(List.of(launcher(), "status", "--config", toml.toString()),
          Map.of(), 60);
      assertThat(status.exitCode()).as(status.output()).isZero();
      assertThat(status.output()).contains("node1  validator").contains("ready       yes");
    } finally {
      node.destroy();
      assertThat(node.waitFor(30, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
    }
    assertThat(Files.readString(directory.resolve("node.out"))).contains("node1 stopped");
    assertThat(nodeDir.resolve("data/ledger")).isDirectory();
  }

  private void awaitHealthy(List<String> healthcheck, Map<String, String> environment,
      Process node) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    Launched last = null;
    while (System.nanoTime() < deadline) {
      assertThat(node.isAlive()).as("node process: %s",
          Files.readString(directory.resolve("node.out"))).isTrue();
      last = Launched.run(healthcheck, environment, 10);
      if (last.exitCode() == 0) {
        return;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("the HEALTHCHECK never passed: " + last);
  }

  private static String launcher() {
    return Launched.repository().resolve("bin/alliance").toString();
  }

  private static int freePortRange(int count) throws IOException {
    for (int attempt = 0; attempt < 50; attempt++) {
      int base;
      try (ServerSocket probe = new ServerSocket(0)) {
        base = probe.getLocalPort();
      }
      if (base + count < 65535 && allFree(base, count)) {
        return base;
      }
    }
    throw new IOException("no " + count + " consecutive free ports");
  }

  private static boolean allFree(int base, int count) {
    for (int port = base; port < base + count; port++) {
      try (ServerSocket socket = new ServerSocket(port, 1,
          java.net.InetAddress.getLoopbackAddress())) {
        socket.setReuseAddress(true);
      } catch (IOException e) {
        return false;
      }
    }
    return true;
  }

  /** The instructions of the Dockerfile this test needs, in their JSON (exec) form. */
  record Dockerfile(List<String> entrypoint, List<String> cmd, List<String> healthcheck,
      Map<String, String> env) {
    static Dockerfile read(Path file) throws IOException {
      String text = Files.readString(file, StandardCharsets.UTF_8).replace("\\\n", " ");
      List<String> entrypoint = null;
      List<String> cmd = null;
      List<String> healthcheck = null;
      Map<String, String> env = new HashMap<>();
      for (String line : text.split("\n")) {
        String trimmed = line.trim();
        if (trimmed.startsWith("ENTRYPOINT ")) {
          entrypoint = json(trimmed.substring("ENTRYPOINT ".length()));
        } else if (trimmed.startsWith("CMD ")) {
          cmd = json(trimmed.substring("CMD ".length()));
        } else if (trimmed.startsWith("HEALTHCHECK ")) {
          healthcheck = json(trimmed.substring(trimmed.indexOf(" CMD ") + " CMD ".length()));
        } else if (trimmed.startsWith("ENV ")) {
          env.putAll(environment(trimmed.substring("ENV ".length())));
        }
      }
      return new Dockerfile(entrypoint, cmd, healthcheck, env);
    }

    private static List<String> json(String array) throws IOException {
      return List.of(new ObjectMapper().readValue(array.trim(), String[].class));
    }

    private static Map<String, String> environment(String assignments) {
      Map<String, String> env = new HashMap<>();
      java.util.regex.Matcher matcher = java.util.regex.Pattern
          .compile("([A-Z_]+)=(\"[^\"]*\"|\\S+)").matcher(assignments);
      while (matcher.find()) {
        String value = matcher.group(2);
        env.put(matcher.group(1), value.startsWith("\"") ? value.substring(1, value.length() - 1)
            : value);
      }
      env.remove("PATH");
      return env;
    }
  }
}
