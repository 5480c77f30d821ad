package org.alliancechain.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns the parsed node.toml tree into a {@link NodeConfig}, reporting every bad, missing or
 * unknown key. A bad value is reported and replaced by its default (or a placeholder), so that
 * the cross-key rules still run and the operator sees every problem of the file at once; the
 * caller throws before such a record escapes.
 */
final class NodeConfigParser {
  private static final List<String> SECTIONS = List.of("node", "p2p", "api", "consensus", "mempool", "logging");
  private static final List<String> NODE_KEYS =
      List.of("id", "data_dir", "genesis_file", "key_file", "tls_cert_file", "tls_key_file");
  private static final List<String> P2P_KEYS = List.of("listen", "peers", "max_frame_bytes",
      "outbound_queue_messages", "idle_timeout_ms", "reconnect_backoff_min_ms", "reconnect_backoff_max_ms");
  private static final List<String> PEER_KEYS = List.of("id", "address");
  private static final List<String> API_KEYS = List.of("grpc_listen", "admin_listen", "admin_allow_remote",
      "metrics_listen", "max_message_bytes", "max_concurrent_streams", "requests_per_second_per_connection",
      "tls");
  private static final List<String> CONSENSUS_KEYS = List.of("view_change_timeout_ms",
      "view_change_timeout_max_ms", "proposal_delay_ms", "heartbeat_interval_ms");
  private static final List<String> MEMPOOL_KEYS = List.of("max_transactions", "max_bytes", "max_per_sender");
  private static final List<String> LOGGING_KEYS = List.of("level", "file", "json");
  // Stands in for a peer address that failed to parse; it never leaves the parser (see class doc).
  private static final HostPort PLACEHOLDER_ADDRESS = new HostPort("invalid", 1);

  private final Problems problems;
  private final Path baseDirectory;

  NodeConfigParser(Problems problems, Path baseDirectory) {
    this.problems = problems;
    this.baseDirectory = baseDirectory;
  }

  NodeConfig parse(JsonNode tree) {
    TreeReader root = TreeReader.root(tree, problems, Syntax.TOML);
    root.allowOnly(SECTIONS);
    return new NodeConfig(node(root.table("node")), p2p(root.table("p2p")), api(root.table("api")),
        consensus(root.table("consensus")), mempool(root.table("mempool")), logging(root.table("logging")));
  }

  private NodeSection node(TreeReader table) {
    table.allowOnly(NODE_KEYS);
    String id = table.requiredText("id", "this node's id as listed in genesis.json");
    return new NodeSection(id == null ? "" : id,
        pathOrDefault(table, "data_dir", NodeSection.DATA_DIR_DEFAULT),
        pathOrDefault(table, "genesis_file", NodeSection.GENESIS_FILE_DEFAULT),
        requiredPath(table, "key_file", "the path of this node's PKCS#8 PEM signing key"),
        requiredPath(table, "tls_cert_file", "the path of this node's PEM TLS certificate"),
        requiredPath(table, "tls_key_file", "the path of this node's PKCS#8 PEM TLS key"));
  }

  private P2pConfig p2p(TreeReader table) {
    table.allowOnly(P2P_KEYS);
    P2pConfig d = P2pConfig.defaults();
    return new P2pConfig(
        address(table, "listen", d.listen()),
        peers(table),
        table.integerInt("max_frame_bytes", P2pConfig.FRAME_BYTES, d.frameBytesMax()),
        table.integerInt("outbound_queue_messages", P2pConfig.OUTBOUND_QUEUE_MESSAGES, d.outboundQueueMessages()),
        table.integer("idle_timeout_ms", P2pConfig.IDLE_TIMEOUT_MS, d.idleTimeoutMs()),
        table.integer("reconnect_backoff_min_ms", P2pConfig.RECONNECT_BACKOFF_MS, d.reconnectBackoffMinMs()),
        table.integer("reconnect_backoff_max_ms", P2pConfig.RECONNECT_BACKOFF_MS, d.reconnectBackoffMaxMs()));
  }

  private List<Peer> peers(TreeReader p2p) {
    List<Peer> peers = new ArrayList<>();
    for (TreeReader peer : p2p.tables("peers")) {
      peer.allowOnly(PEER_KEYS);
      String id = peer.requiredText("id", "the peer's id as listed in genesis.json");
      HostPort address = peer.has("address")
          ? address(peer, "address", PLACEHOLDER_ADDRESS)
          : missingAddress(peer);
      peers.add(new Peer(id == null ? "" : id, address));
    }
    return peers;
  }

  private HostPort missingAddress(TreeReader peer) {
    peer.problems().missing(peer.field("address"), "the peer's p2p address as host:port");
    return PLACEHOLDER_ADDRESS;
  }

  private ApiConfig api(TreeReader table) {
    table.allowOnly(API_KEYS);
    ApiConfig d = ApiConfig.defaults();
    return new ApiConfig(
        address(table, "grpc_listen", d.grpcListen()),
        address(table, "admin_listen", d.adminListen()),
        table.bool("admin_allow_remote", d.adminAllowRemote()),
        address(table, "metrics_listen", d.metricsListen()),
        table.integerInt("max_message_bytes", ApiConfig.MESSAGE_BYTES, d.messageBytesMax()),
        table.integerInt("max_concurrent_streams", ApiConfig.CONCURRENT_STREAMS, d.concurrentStreamsMax()),
        table.integerInt("requests_per_second_per_connection", ApiConfig.REQUESTS_PER_SECOND,
            d.requestsPerSecondPerConnection()),
        table.bool("tls", d.tls()));
  }

  private ConsensusTiming consensus(TreeReader table) {
    table.allowOnly(CONSENSUS_KEYS);
    ConsensusTiming d = ConsensusTiming.defaults();
    return new ConsensusTiming(
        table.integer("view_change_timeout_ms", ConsensusTiming.VIEW_CHANGE_TIMEOUT_MS, d.viewChangeTimeoutMs()),
        table.integer("view_change_timeout_max_ms", ConsensusTiming.VIEW_CHANGE_TIMEOUT_MAX_MS,
            d.viewChangeTimeoutMaxMs()),
        table.integer("proposal_delay_ms", ConsensusTiming.PROPOSAL_DELAY_MS, d.proposalDelayMs()),
        table.integer("heartbeat_interval_ms", ConsensusTiming.HEARTBEAT_INTERVAL_MS, d.heartbeatIntervalMs()));
  }

  private MempoolLimits mempool(TreeReader table) {
    table.allowOnly(MEMPOOL_KEYS);
    MempoolLimits d = MempoolLimits.defaults();
    return new MempoolLimits(
        table.integerInt("max_transactions", MempoolLimits.TRANSACTIONS, d.transactionsMax()),
        table.integer("max_bytes", MempoolLimits.BYTES, d.bytesMax()),
        table.integerInt("max_per_sender", MempoolLimits.PER_SENDER, d.perSenderMax()));
  }

  private LoggingConfig logging(TreeReader table) {
    table.allowOnly(LOGGING_KEYS);
    LoggingConfig d = LoggingConfig.defaults();
    String levelText = table.text("level", d.level().id());
    Optional<LogLevel> level = LogLevel.fromId(levelText);
    if (level.isEmpty()) {
      problems.add(table.field("level"), Problems.quote(levelText), LogLevel.EXPECTED);
    }
    Optional<Path> file = table.has("file") ? Optional.ofNullable(path(table, "file", null)) : Optional.empty();
    return new LoggingConfig(level.orElse(d.level()), file, table.bool("json", d.json()));
  }

  private HostPort address(TreeReader table, String key, HostPort fallback) {
    String text = table.text(key, null);
    if (text == null) {
      return fallback;
    }
    try {
      return HostPort.parse(text);
    } catch (IllegalArgumentException e) {
      problems.add(table.field(key), Problems.quote(text), e.getMessage());
      return fallback;
    }
  }

  private Path pathOrDefault(TreeReader table, String key, String fallback) {
    Path path = path(table, key, fallback);
    return path == null ? baseDirectory.resolve(fallback) : path;
  }

  private Path requiredPath(TreeReader table, String key, String what) {
    if (!table.has(key)) {
      problems.missing(table.field(key), what);
      return baseDirectory;
    }
    Path path = path(table, key, null);
    return path == null ? baseDirectory : path;
  }

  /** The path at {@code key} resolved against the directory of node.toml; relative ones move with it. */
  private Path path(TreeReader table, String key, String fallback) {
    String text = table.text(key, fallback);
    if (text == null) {
      return null;
    }
    if (text.isBlank()) {
      problems.add(table.field(key), Problems.quote(text), "expected a file path");
      return null;
    }
    try {
      return baseDirectory.resolve(text).normalize();
    } catch (InvalidPathException e) {
      problems.add(table.field(key), Problems.quote(text), "expected a file path (" + e.getReason() + ")");
      return null;
    }
  }
}
