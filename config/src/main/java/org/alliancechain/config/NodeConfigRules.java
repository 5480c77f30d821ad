package org.alliancechain.config;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The node.toml rules that span keys. Each problem is reported at the key an operator would
 * change, and only if that key has no problem yet (a bad value was replaced by its default).
 */
final class NodeConfigRules {
  private NodeConfigRules() {}

  static void check(NodeConfig config, Problems problems) {
    ids(config, problems);
    listenPorts(config, problems);
    ApiConfig api = config.api();
    if (!api.adminAllowRemote() && !api.adminListen().isLoopback()) {
      report(problems, "api.admin_listen", Problems.quote(api.adminListen().toString()),
          "not a loopback address (expected 127.0.0.1, [::1] or localhost, or set"
              + " api.admin_allow_remote = true to expose the admin service)");
    } else if (!api.adminListen().isLoopback() && !api.tls()) {
      report(problems, "api.admin_listen", Problems.quote(api.adminListen().toString()),
          "an admin service off loopback needs api.tls = true (it would accept log-level and"
              + " other admin calls in plaintext)");
    }
    P2pConfig p2p = config.p2p();
    atLeast(problems, "p2p.reconnect_backoff_max_ms", p2p.reconnectBackoffMaxMs(),
        "p2p.reconnect_backoff_min_ms", p2p.reconnectBackoffMinMs());
    ConsensusTiming consensus = config.consensus();
    atLeast(problems, "consensus.view_change_timeout_max_ms", consensus.viewChangeTimeoutMaxMs(),
        "consensus.view_change_timeout_ms", consensus.viewChangeTimeoutMs());
    MempoolLimits mempool = config.mempool();
    if (mempool.perSenderMax() > mempool.transactionsMax()) {
      report(problems, "mempool.max_per_sender", String.valueOf(mempool.perSenderMax()),
          "expected at most mempool.max_transactions (" + mempool.transactionsMax() + ")");
    }
  }

  private static void ids(NodeConfig config, Problems problems) {
    String ownId = config.node().id();
    if (!ownId.isEmpty() && !Ids.valid(ownId)) {
      report(problems, "node.id", Problems.quote(ownId), Ids.EXPECTED);
    }
    Map<String, Integer> seen = new HashMap<>();
    List<Peer> peers = config.p2p().peers();
    for (int i = 0; i < peers.size(); i++) {
      String field = "p2p.peers[" + i + "].id";
      String id = peers.get(i).id();
      if (id.isEmpty() && problems.reported(field)) {
        continue;
      }
      Integer earlier = seen.putIfAbsent(id, i);
      if (!Ids.valid(id)) {
        report(problems, field, Problems.quote(id), Ids.EXPECTED);
      } else if (id.equals(ownId)) {
        report(problems, field, Problems.quote(id), "this is the node's own id (node.id); list only other nodes");
      } else if (earlier != null) {
        report(problems, field, Problems.quote(id), "duplicate peer (already p2p.peers[" + earlier + "])");
      }
    }
  }

  private static void listenPorts(NodeConfig config, Problems problems) {
    Map<String, HostPort> listens = new LinkedHashMap<>();
    listens.put("p2p.listen", config.p2p().listen());
    listens.put("api.grpc_listen", config.api().grpcListen());
    listens.put("api.admin_listen", config.api().adminListen());
    listens.put("api.metrics_listen", config.api().metricsListen());
    Map<Integer, String> owners = new HashMap<>();
    listens.forEach((field, address) -> {
      if (problems.reported(field)) {
        return; // a bad value was replaced by its default; its port means nothing
      }
      String owner = owners.putIfAbsent(address.port(), field);
      if (owner != null) {
        report(problems, field, Problems.quote(address.toString()),
            "port " + address.port() + " is already used by " + owner
                + " (expected a distinct port for each listen address)");
      }
    });
  }

  private static void atLeast(Problems problems, String field, long value, String lowerField, long lower) {
    if (value < lower && !problems.reported(lowerField)) {
      report(problems, field, String.valueOf(value), "expected at least " + lowerField + " (" + lower + ")");
    }
  }

  private static void report(Problems problems, String field, String value, String expected) {
    problems.addUnlessReported(new ConfigProblem(problems.file(), field, value, expected));
  }
}
