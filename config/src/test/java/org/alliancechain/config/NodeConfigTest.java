package org.alliancechain.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** node.toml: defaults, path resolution, and each rule with its exact message. */
class NodeConfigTest {
  private static final Path BASE = Path.of("/srv/alliance").toAbsolutePath();
  private static final String REQUIRED = """
      [node]
      id = "validator-a"
      key_file = "node.key.pem"
      tls_cert_file = "tls.crt.pem"
      tls_key_file = "tls.key.pem"
      """;

  private static NodeConfig parse(String toml) throws ConfigException {
    return NodeConfig.parse(toml, "node.toml", BASE);
  }

  private static List<String> problems(String toml) {
    return assertThrows(ConfigException.class, () -> parse(toml)).problems().stream()
        .map(ConfigProblem::line).toList();
  }

  @Test
  void requiredKeysAloneGiveTheDefaults() throws Exception {
    NodeConfig config = parse(REQUIRED);
    assertThat(config).isEqualTo(NodeConfig.defaults(NodeSection.inDirectory("validator-a", BASE)));
    assertThat(config.validate()).isEmpty();
  }

  @Test
  void defaultsAreTheDocumentedOnes() {
    P2pConfig p2p = P2pConfig.defaults();
    assertThat(p2p.listen()).hasToString("127.0.0.1:26656");
    assertThat(p2p.peers()).isEmpty();
    assertThat(p2p.frameBytesMax()).isEqualTo(16 * 1024 * 1024);
    assertThat(p2p.outboundQueueMessages()).isEqualTo(10_000);
    assertThat(p2p.idleTimeoutMs()).isEqualTo(30_000);
    assertThat(p2p.reconnectBackoffMinMs()).isEqualTo(200);
    assertThat(p2p.reconnectBackoffMaxMs()).isEqualTo(10_000);
    ApiConfig api = ApiConfig.defaults();
    assertThat(List.of(api.grpcListen(), api.adminListen(), api.metricsListen())).map(HostPort::toString)
        .containsExactly("127.0.0.1:50051", "127.0.0.1:50052", "127.0.0.1:9100");
    assertThat(api.adminAllowRemote()).isFalse();
    assertThat(api.messageBytesMax()).isEqualTo(4 * 1024 * 1024);
    assertThat(api.concurrentStreamsMax()).isEqualTo(100);
    assertThat(api.requestsPerSecondPerConnection()).isEqualTo(2000);
    assertThat(ConsensusTiming.defaults()).isEqualTo(new ConsensusTiming(2000, 30_000, 100, 0));
    assertThat(MempoolLimits.defaults()).isEqualTo(new MempoolLimits(100_000, 256L * 1024 * 1024, 10_000));
    assertThat(LoggingConfig.defaults()).isEqualTo(new LoggingConfig(LogLevel.INFO, Optional.empty(), false));
    NodeSection node = NodeSection.inDirectory("n", BASE);
    assertThat(node.dataDir()).isEqualTo(BASE.resolve("data"));
    assertThat(node.genesisFile()).isEqualTo(BASE.resolve("genesis.json"));
  }

  @Test
  void relativePathsResolveAgainstTheDirectoryOfNodeToml(@TempDir Path directory) throws Exception {
    Path conf = Files.createDirectories(directory.resolve("conf"));
    Files.writeString(conf.resolve("node.toml"), """
        [node]
        id = "validator-a"
        data_dir = "../var/data"
        key_file = "keys/node.key.pem"
        tls_cert_file = "/etc/alliance/tls.crt.pem"
        tls_key_file = "./tls.key.pem"
        [logging]
        file = "logs/node.log"
        """);
    NodeSection node = NodeConfig.load(conf.resolve("node.toml")).node();
    Path base = conf.toAbsolutePath();
    assertThat(node.dataDir()).isEqualTo(directory.toAbsolutePath().resolve("var/data"));
    assertThat(node.genesisFile()).isEqualTo(base.resolve("genesis.json"));
    assertThat(node.keyFile()).isEqualTo(base.resolve("keys/node.key.pem"));
    assertThat(node.tlsCertFile()).isEqualTo(Path.of("/etc/alliance/tls.crt.pem"));
    assertThat(node.tlsKeyFile()).isEqualTo(base.resolve("tls.key.pem"));
    assertThat(NodeConfig.load(conf.resolve("node.toml")).logging().file()).contains(base.resolve("logs/node.log"));
  }

  @Test
  void requiredKeysAreReportedTogether() {
    assertThat(problems("[node]\n")).containsExactly(
        "node.toml: node.id: missing, expected this node's id as listed in genesis.json",
        "node.toml: node.key_file: missing, expected the path of this node's PKCS#8 PEM signing key",
        "node.toml: node.tls_cert_file: missing, expected the path of this node's PEM TLS certificate",
        "node.toml: node.tls_key_file: missing, expected the path of this node's PKCS#8 PEM TLS key");
  }

  @Test
  void nodeIdIsSpeltLikeAGenesisId() {
    assertThat(problems(REQUIRED.replace("validator-a", "Validator A"))).containsExactly(
        "node.toml: node.id: expected 1..64 characters of a-z, 0-9, '.', '_', '-', got \"Validator A\"");
  }

  @Test
  void unknownKeysGetADidYouMean() {
    assertThat(problems(REQUIRED + "[p2p]\nlistn = \"127.0.0.1:1\"\nzzz = 1\n[mempol]\n")).containsExactly(
        "node.toml: mempol: unknown key (did you mean \"mempool\"?)",
        "node.toml: p2p.listn: unknown key (did you mean \"listen\"?)",
        "node.toml: p2p.zzz: unknown key (valid keys here: listen, peers, max_frame_bytes, outbound_queue_messages,"
            + " idle_timeout_ms, reconnect_backoff_min_ms, reconnect_backoff_max_ms)");
  }

  @Test
  void numbersMustBeIntegersInRange() {
    assertThat(problems(REQUIRED + """
        [p2p]
        max_frame_bytes = 1024
        idle_timeout_ms = "30s"
        outbound_queue_messages = 99999999999999999999
        [api]
        max_concurrent_streams = 1.5
        [mempool]
        max_bytes = 0
        """)).containsExactly(
        "node.toml: p2p.max_frame_bytes: expected an integer in 65536..268435456 (64 KiB..256 MiB), got 1024",
        "node.toml: p2p.outbound_queue_messages: expected an integer in 16..1000000, got 99999999999999999999",
        "node.toml: p2p.idle_timeout_ms: expected an integer in 1000..3600000, got \"30s\"",
        "node.toml: api.max_concurrent_streams: expected an integer in 1..100000, got 1.5",
        "node.toml: mempool.max_bytes: expected an integer in 1048576..68719476736 (1 MiB..64 GiB), got 0");
  }

  @Test
  void listenAddressesMustBeHostAndPort() {
    assertThat(problems(REQUIRED + """
        [p2p]
        listen = "localhost"
        [api]
        grpc_listen = "127.0.0.1:70000"
        admin_listen = "::1:50052"
        metrics_listen = "bad host:9100"
        """)).containsExactly(
        "node.toml: p2p.listen: expected host:port with port 1..65535 (the port is missing), got \"localhost\"",
        "node.toml: api.grpc_listen: expected host:port with port 1..65535 (the port \"70000\" is not in 1..65535),"
            + " got \"127.0.0.1:70000\"",
        "node.toml: api.admin_listen: expected host:port with port 1..65535 (write an IPv6 host in brackets,"
            + " e.g. [::1]:26656), got \"::1:50052\"",
        "node.toml: api.metrics_listen: expected host:port with port 1..65535 (\"bad host\" is not a host name"
            + " or IP address), got \"bad host:9100\"");
  }

  @Test
  void listenPortsMustBeDistinct() {
    assertThat(problems(REQUIRED + "[api]\ngrpc_listen = \"0.0.0.0:26656\"\nmetrics_listen = \"[::1]:26656\"\n"))
        .containsExactly(
            "node.toml: api.grpc_listen: port 26656 is already used by p2p.listen (expected a distinct port for"
                + " each listen address), got \"0.0.0.0:26656\"",
            "node.toml: api.metrics_listen: port 26656 is already used by p2p.listen (expected a distinct port for"
                + " each listen address), got \"[::1]:26656\"");
  }

  @Test
  void adminListensOnLoopbackUnlessAllowedRemote() throws Exception {
    assertThat(problems(REQUIRED + "[api]\nadmin_listen = \"0.0.0.0:50052\"\n")).containsExactly(
        "node.toml: api.admin_listen: not a loopback address (expected 127.0.0.1, [::1] or localhost, or set"
            + " api.admin_allow_remote = true to expose the admin service), got \"0.0.0.0:50052\"");
    assertThat(problems(REQUIRED
        + "[api]\nadmin_listen = \"0.0.0.0:50052\"\nadmin_allow_remote = true\n")).containsExactly(
        "node.toml: api.admin_listen: an admin service off loopback needs api.tls = true (it would accept"
            + " log-level and other admin calls in plaintext), got \"0.0.0.0:50052\"");
    NodeConfig remote = parse(REQUIRED
        + "[api]\nadmin_listen = \"0.0.0.0:50052\"\nadmin_allow_remote = true\ntls = true\n");
    assertThat(remote.api().adminListen().bindHost()).isEqualTo("0.0.0.0");
    assertThat(remote.api().tls()).isTrue();
    assertThat(parse(REQUIRED).api().tls()).as("plaintext by default (loopback)").isFalse();
    assertThat(parse(REQUIRED + "[api]\nadmin_listen = \"[::1]:50052\"\n").api().adminListen().bindHost()).isEqualTo("::1");
    assertThat(parse(REQUIRED + "[api]\nadmin_listen = \"localhost:50052\"\n").api().adminListen().isLoopback()).isTrue();
  }

  @Test
  void capsAreAtLeastTheirFloors() {
    assertThat(problems(REQUIRED + """
        [p2p]
        reconnect_backoff_min_ms = 5000
        reconnect_backoff_max_ms = 1000
        [consensus]
        view_change_timeout_ms = 4000
        view_change_timeout_max_ms = 3000
        [mempool]
        max_transactions = 100
        max_per_sender = 101
        """)).containsExactly(
        "node.toml: p2p.reconnect_backoff_max_ms: expected at least p2p.reconnect_backoff_min_ms (5000), got 1000",
        "node.toml: consensus.view_change_timeout_max_ms: expected at least consensus.view_change_timeout_ms (4000),"
            + " got 3000",
        "node.toml: mempool.max_per_sender: expected at most mempool.max_transactions (100), got 101");
  }

  @Test
  void peersAreOtherDistinctWellFormedNodes() {
    assertThat(problems(REQUIRED + """
        [[p2p.peers]]
        id = "validator-a"
        address = "127.0.0.1:26666"
        [[p2p.peers]]
        id = "validator-b"
        address = "127.0.0.1:26676"
        [[p2p.peers]]
        id = "validator-b"
        address = "127.0.0.1:26686"
        [[p2p.peers]]
        id = "Validator C"
        [[p2p.peers]]
        adress = "127.0.0.1:1"
        """)).containsExactly(
        "node.toml: p2p.peers[3].address: missing, expected the peer's p2p address as host:port",
        "node.toml: p2p.peers[4].adress: unknown key (did you mean \"address\"?)",
        "node.toml: p2p.peers[4].id: missing, expected the peer's id as listed in genesis.json",
        "node.toml: p2p.peers[4].address: missing, expected the peer's p2p address as host:port",
        "node.toml: p2p.peers[0].id: this is the node's own id (node.id); list only other nodes, got \"validator-a\"",
        "node.toml: p2p.peers[2].id: duplicate peer (already p2p.peers[1]), got \"validator-b\"",
        "node.toml: p2p.peers[3].id: expected 1..64 characters of a-z, 0-9, '.', '_', '-', got \"Validator C\"");
  }

  @Test
  void loggingIsChecked() throws Exception {
    assertThat(problems(REQUIRED + "[logging]\nlevel = \"verbose\"\njson = \"yes\"\nfile = \"\"\n")).containsExactly(
        "node.toml: logging.level: expected one of trace, debug, info, warn, error, got \"verbose\"",
        "node.toml: logging.file: expected a file path, got \"\"",
        "node.toml: logging.json: expected true or false, got \"yes\"");
    LoggingConfig logging = parse(REQUIRED + "[logging]\nlevel = \"debug\"\njson = true\n").logging();
    assertThat(logging).isEqualTo(new LoggingConfig(LogLevel.DEBUG, Optional.empty(), true));
  }

  @Test
  void wrongTypesAreReported() {
    assertThat(problems("node = 5\n[p2p]\npeers = \"none\"\n[api]\ngrpc_listen = 50051\n")).containsExactly(
        "node.toml: node: expected a table, got 5",
        "node.toml: node.id: missing, expected this node's id as listed in genesis.json",
        "node.toml: node.key_file: missing, expected the path of this node's PKCS#8 PEM signing key",
        "node.toml: node.tls_cert_file: missing, expected the path of this node's PEM TLS certificate",
        "node.toml: node.tls_key_file: missing, expected the path of this node's PKCS#8 PEM TLS key",
        "node.toml: p2p.peers: expected an array, got \"none\"",
        "node.toml: api.grpc_listen: expected a string, got 50051");
  }

  @Test
  void syntaxErrorsGiveLineAndColumn() {
    assertThat(assertThrows(ConfigException.class, () -> parse("[node]\nid = \n")).getMessage())
        .isEqualTo("node.toml: line 2, column 6: TOML syntax error: Newline not permitted here");
    assertThat(assertThrows(ConfigException.class, () -> parse("[node]\nid = \"a\"\nid = \"b\"\n")).getMessage())
        .isEqualTo("node.toml: line 4, column 1: TOML syntax error: Duplicate key");
  }

  @Test
  void missingFileSaysWhichPathWasTried(@TempDir Path directory) {
    Path file = directory.resolve("node.toml");
    assertThat(assertThrows(ConfigException.class, () -> NodeConfig.load(file)).getMessage())
        .isEqualTo(file + ": file not found (tried " + file.toAbsolutePath() + ")");
  }

  @Test
  void forTestsIsValidAndUsesFourPorts() {
    NodeConfig config = NodeConfig.forTests("validator-a", BASE, 40_000);
    assertThat(config.validate()).isEmpty();
    assertThat(List.of(config.p2p().listen(), config.api().grpcListen(), config.api().adminListen(),
        config.api().metricsListen())).extracting(HostPort::port).containsExactly(40_000, 40_001, 40_002, 40_003);
  }

  @Test
  void validateChecksConfigurationsBuiltInCode() {
    NodeConfig clash = NodeConfig.forTests("validator-a", BASE, 40_000)
        .withP2p(P2pConfig.defaults().withListen(new HostPort("127.0.0.1", 40_001))
            .withPeers(List.of(new Peer("validator-a", new HostPort("10.0.0.2", 26656)))));
    assertThat(clash.validate()).map(ConfigProblem::line).containsExactly(
        "node.toml: p2p.peers[0].id: this is the node's own id (node.id); list only other nodes, got \"validator-a\"",
        "node.toml: api.grpc_listen: port 40001 is already used by p2p.listen (expected a distinct port for each"
            + " listen address), got \"127.0.0.1:40001\"");
  }

  @Test
  void recordsRefuseOutOfRangeValues() {
    assertThat(assertThrows(IllegalArgumentException.class, () -> new MempoolLimits(0, 1 << 20, 1)))
        .hasMessage("max_transactions: expected an integer in 1..10000000, got 0");
    assertThat(assertThrows(IllegalArgumentException.class, () -> new HostPort("a b", 1)))
        .hasMessage("expected host:port with port 1..65535 (\"a b\" is not a host name or IP address)");
  }
}
