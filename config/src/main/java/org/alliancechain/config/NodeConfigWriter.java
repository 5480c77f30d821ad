package org.alliancechain.config;

import java.nio.file.Path;
import java.util.StringJoiner;

/**
 * Writes a {@link NodeConfig} as node.toml text: every key, in the order of the reference, so that
 * a generated file documents the defaults it runs with.
 */
final class NodeConfigWriter {
  private final StringBuilder out = new StringBuilder();
  private final Path baseDirectory;

  private NodeConfigWriter(Path baseDirectory) {
    this.baseDirectory = baseDirectory;
  }

  static String write(NodeConfig config, Path baseDirectory) {
    NodeConfigWriter writer = new NodeConfigWriter(baseDirectory);
    writer.out.append("# AllianceChain node configuration. Every key is described in config/README.md.\n");
    writer.node(config.node());
    writer.p2p(config.p2p());
    writer.api(config.api());
    writer.consensus(config.consensus());
    writer.mempool(config.mempool());
    writer.logging(config.logging());
    return writer.out.toString();
  }

  private void node(NodeSection node) {
    section("node");
    string("id", node.id());
    path("data_dir", node.dataDir());
    path("genesis_file", node.genesisFile());
    path("key_file", node.keyFile());
    path("tls_cert_file", node.tlsCertFile());
    path("tls_key_file", node.tlsKeyFile());
  }

  private void p2p(P2pConfig p2p) {
    section("p2p");
    string("listen", p2p.listen().toString());
    number("max_frame_bytes", p2p.frameBytesMax());
    number("outbound_queue_messages", p2p.outboundQueueMessages());
    number("idle_timeout_ms", p2p.idleTimeoutMs());
    number("reconnect_backoff_min_ms", p2p.reconnectBackoffMinMs());
    number("reconnect_backoff_max_ms", p2p.reconnectBackoffMaxMs());
    for (Peer peer : p2p.peers()) {
      out.append("\n[[p2p.peers]]\n");
      string("id", peer.id());
      string("address", peer.address().toString());
    }
  }

  private void api(ApiConfig api) {
    section("api");
    string("grpc_listen", api.grpcListen().toString());
    string("admin_listen", api.adminListen().toString());
    out.append("admin_allow_remote = ").append(api.adminAllowRemote()).append('\n');
    string("metrics_listen", api.metricsListen().toString());
    number("max_message_bytes", api.messageBytesMax());
    number("max_concurrent_streams", api.concurrentStreamsMax());
    number("requests_per_second_per_connection", api.requestsPerSecondPerConnection());
    out.append("tls = ").append(api.tls()).append('\n');
  }

  private void consensus(ConsensusTiming consensus) {
    section("consensus");
    number("view_change_timeout_ms", consensus.viewChangeTimeoutMs());
    number("view_change_timeout_max_ms", consensus.viewChangeTimeoutMaxMs());
    number("proposal_delay_ms", consensus.proposalDelayMs());
    number("heartbeat_interval_ms", consensus.heartbeatIntervalMs());
  }

  private void mempool(MempoolLimits mempool) {
    section("mempool");
    number("max_transactions", mempool.transactionsMax());
    number("max_bytes", mempool.bytesMax());
    number("max_per_sender", mempool.perSenderMax());
  }

  private void logging(LoggingConfig logging) {
    section("logging");
    string("level", logging.level().id());
    logging.file().ifPresent(file -> path("file", file));
    out.append("json = ").append(logging.json()).append('\n');
  }

  private void section(String name) {
    out.append('\n').append('[').append(name).append("]\n");
  }

  private void number(String key, long value) {
    out.append(key).append(" = ").append(value).append('\n');
  }

  private void string(String key, String value) {
    out.append(key).append(" = ").append(tomlString(value)).append('\n');
  }

  /** A path inside the base directory is written relative to it, with '/' on every platform. */
  private void path(String key, Path path) {
    if (path.startsWith(baseDirectory) && !path.equals(baseDirectory)) {
      StringJoiner relative = new StringJoiner("/");
      baseDirectory.relativize(path).forEach(part -> relative.add(part.toString()));
      string(key, relative.toString());
    } else {
      string(key, path.toString());
    }
  }

  /** A TOML basic string: quotes, backslashes and control characters escaped. */
  static String tomlString(String value) {
    StringBuilder quoted = new StringBuilder("\"");
    value.codePoints().forEach(c -> {
      switch (c) {
        case '"' -> quoted.append("\\\"");
        case '\\' -> quoted.append("\\\\");
        case '\n' -> quoted.append("\\n");
        case '\t' -> quoted.append("\\t");
        case '\r' -> quoted.append("\\r");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            quoted.append(String.format("\\u%04X", c));
          } else {
            quoted.appendCodePoint(c);
          }
        }
      }
    });
    return quoted.append('"').toString();
  }
}
