package org.alliancechain.cli.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.alliancechain.cli.CliRun;
import org.alliancechain.cli.ExitCode;
import org.alliancechain.config.ChainConfig;
import org.alliancechain.config.Peer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworkInitCommandTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @TempDir
  Path directory;

  @Test
  void writesANetworkWhoseNodeConfigsLoad() throws Exception {
    Path out = directory.resolve("net");
    CliRun run = CliRun.run("network", "init", "--validators", "4", "--observers", "1",
        "--chain-id", "test-chain", "--out", out.toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    NetworkDirectory network = NetworkDirectory.load(out);
    assertThat(network.genesis().chainId()).isEqualTo("test-chain");
    assertThat(network.validators()).extracting(NetworkDirectory.Member::id)
        .containsExactly("node1", "node2", "node3", "node4");
    assertThat(network.nodes()).hasSize(5);
    for (NetworkDirectory.Member node : network.nodes()) {
      assertThat(ChainConfig.load(node.nodeToml()).node().node().id()).isEqualTo(node.id());
    }
    assertThat(network.adminKeys()).hasSize(5);
    assertThat(network.clientKeyFile()).exists();
    assertThat(run.out()).contains("node1").contains("observer1").contains("alliance node start");
  }

  @Test
  void refusesToOverwriteANetwork() {
    Path out = directory.resolve("net");
    assertThat(CliRun.run("network", "init", "--validators", "1", "--out", out.toString())
        .exitCode()).isZero();
    CliRun again = CliRun.run("network", "init", "--validators", "1", "--out", out.toString());
    assertThat(again.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(again.err()).contains("already holds a network");
  }

  @Test
  void refusesAnUnknownSuite() {
    CliRun run = CliRun.run("network", "init", "--suite", "rsa", "--out",
        directory.resolve("n").toString());
    assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(run.err()).contains("unknown crypto suite 'rsa'");
  }

  @Test
  void composeFileNamesTheGeneratedFilesAndPorts() throws Exception {
    Path out = directory.resolve("net");
    CliRun run = CliRun.run("network", "init", "--validators", "4", "--compose", "--out",
        out.toString());
    assertThat(run.exitCode()).as(run.toString()).isZero();
    NetworkDirectory network = NetworkDirectory.load(out);
    JsonNode compose = YAML.readTree(out.resolve(DockerFiles.COMPOSE_FILE).toFile());
    JsonNode services = compose.get("services");

    for (NetworkDirectory.Member node : network.nodes()) {
      JsonNode service = services.get(node.id());
      assertThat(service).as(node.id()).isNotNull();
      assertThat(service.get("image").asText()).isEqualTo(DockerFiles.IMAGE);
      String[] volume = service.get("volumes").get(0).asText().split(":");
      Path mounted = out.resolve(volume[0]).normalize();
      assertThat(mounted).isEqualTo(node.nodeToml().getParent());
      assertThat(volume[1]).isEqualTo(DockerFiles.NODE_DIR);
      List<String> command = texts(service.get("command"));
      assertThat(command).containsExactly("node", "start", "--config",
          DockerFiles.NODE_DIR + "/" + DockerFiles.DOCKER_TOML);

      ChainConfig container = ChainConfig.load(mounted.resolve(DockerFiles.DOCKER_TOML));
      var api = container.node().api();
      assertThat(api.grpcListen().host()).isEqualTo("0.0.0.0");
      assertThat(api.adminListen().host()).isEqualTo("127.0.0.1");
      assertThat(api.tls()).as("an API on every interface speaks TLS").isTrue();
      assertThat(container.node().node().dataDir()).isEqualTo(mounted.resolve("data"));
      assertThat(texts(service.get("ports"))).containsExactly(
          "127.0.0.1:" + api.grpcListen().port() + ":" + api.grpcListen().port(),
          "127.0.0.1:" + api.metricsListen().port() + ":" + api.metricsListen().port());
      assertThat(service.get("environment").get("ALLIANCE_METRICS_PORT").asText())
          .isEqualTo(String.valueOf(api.metricsListen().port()));
      for (Peer peer : container.node().p2p().peers()) {
        var peerConfig = network.node(peer.id()).orElseThrow().config();
        assertThat(peer.address().host()).as("peers are dialled by service name")
            .isEqualTo(peer.id());
        assertThat(peer.address().port()).isEqualTo(peerConfig.p2p().listen().port());
        assertThat(services.has(peer.id())).isTrue();
      }
    }
    assertThat(compose.get("networks").has("alliance")).isTrue();
    JsonNode prometheus = YAML.readTree(out.resolve(DockerFiles.PROMETHEUS_FILE).toFile());
    assertThat(texts(prometheus.get("scrape_configs").get(0).get("static_configs").get(0)
        .get("targets"))).containsExactly("node1:26603", "node2:26607", "node3:26611",
        "node4:26615");
  }

  @Test
  void checkedInComposeFileMatchesWhatNetworkInitWritesForItsCommand() throws Exception {
    Path out = directory.resolve("network");
    assertThat(CliRun.run("network", "init", "--validators", "4", "--compose", "--out",
        out.toString()).exitCode()).isZero();
    Path docker = Path.of(System.getProperty("alliance.repo", "..")).resolve("docker");

    JsonNode generated = YAML.readTree(out.resolve(DockerFiles.COMPOSE_FILE).toFile());
    JsonNode checkedIn = YAML.readTree(docker.resolve("docker-compose.yml").toFile());
    String generatedText = generated.toString().replace("./nodes/", "./network/nodes/");
    assertThat(checkedIn.toString()).isEqualTo(generatedText);
    assertThat(YAML.readTree(docker.resolve("prometheus.yml").toFile()))
        .isEqualTo(YAML.readTree(out.resolve(DockerFiles.PROMETHEUS_FILE).toFile()));
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(item -> texts.add(item.asText()));
    return texts;
  }
}
