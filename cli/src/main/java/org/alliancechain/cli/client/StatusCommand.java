package org.alliancechain.cli.client;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.alliancechain.cli.CliException;
import org.alliancechain.cli.ExitCode;
import org.alliancechain.proto.v1.ConsensusState;
import org.alliancechain.proto.v1.GetConsensusStateRequest;
import org.alliancechain.proto.v1.GetMempoolStatsRequest;
import org.alliancechain.proto.v1.GetStatusRequest;
import org.alliancechain.proto.v1.InFlightHeight;
import org.alliancechain.proto.v1.MempoolStats;
import org.alliancechain.proto.v1.NodeStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code alliance status}: the node at a glance. */
@Command(name = "status", header = "Shows a node at a glance.",
    description = {
    "Shows a node at a glance: height, view and primary, peers, sync lag, readiness, mempool.",
    "Consensus and mempool details come from the admin API when it is reachable (same machine)."})
public final class StatusCommand implements Callable<Integer> {
  @Mixin
  ApiOptions api;

  @Option(names = "--json", description = "Print the public NodeStatus as JSON")
  boolean json;

  @Override
  public Integer call() throws CliException {
    try (NodeClient client = new NodeClient(api)) {
      NodeStatus status = client.query("GetStatus",
          stub -> stub.getStatus(GetStatusRequest.getDefaultInstance()));
      if (json) {
        System.out.println(Text.json(status));
        return ExitCode.OK;
      }
      printStatus(status);
      printAdmin(client, status.getRole().equals("validator"));
      return ExitCode.OK;
    }
  }

  private static void printStatus(NodeStatus status) {
    System.out.printf("%s  %s of chain '%s' (suite %s), version %s%n", status.getNodeId(),
        status.getRole(), status.getChainId(), status.getSuite(), status.getVersion());
    System.out.printf("  height      %d (block %s), executed %d%n", status.getHeight(),
        Text.shortHex(status.getTipHash()), status.getExecutedHeight());
    if (status.getRole().equals("validator")) {
      System.out.printf("  view        %d, primary %s%n", status.getView(), status.getPrimary());
    }
    System.out.printf("  peers       %d of %d connected%n", status.getPeersConnected(),
        status.getPeersConfigured());
    System.out.printf("  sync lag    %d heights%n", status.getSyncLag());
    System.out.printf("  ready       %s%n", status.getReady() ? "yes"
        : "no (catching up, or no peer connected: see `alliance peers`)");
    System.out.printf("  mempool     %d transactions waiting%n", status.getMempoolTransactions());
  }

  private static void printAdmin(NodeClient client, boolean validator) {
    try {
      MempoolStats mempool = client.admin("GetMempoolStats",
          stub -> stub.getMempoolStats(GetMempoolStatsRequest.getDefaultInstance()));
      System.out.printf("              %s of %s, %d senders; refused: %s%n",
          Text.bytes(mempool.getBytes()), Text.bytes(mempool.getMaxBytes()), mempool.getSenders(),
          rejections(mempool.getRejectionsMap()));
      if (!validator) {
        return; // an observer follows by block sync and has no consensus state
      }
      ConsensusState consensus = client.admin("GetConsensusState",
          stub -> stub.getConsensusState(GetConsensusStateRequest.getDefaultInstance()));
      System.out.printf("  consensus   committed %d, stable checkpoint %d, view changes %d%s%n",
          consensus.getCommittedHeight(), consensus.getStableCheckpoint(),
          consensus.getViewChangesTotal(), consensus.getViewChanging() ? ", CHANGING VIEW" : "");
      if (consensus.getInFlightCount() > 0) {
        System.out.println("  in flight   " + consensus.getInFlightList().stream()
            .map(StatusCommand::inFlight).collect(Collectors.joining(", ")));
      }
    } catch (CliException e) {
      if (e.exitCode() == ExitCode.UNREACHABLE) {
        System.out.println("  (admin API not reachable: " + e.getMessage() + ")");
      } else {
        System.out.println("  (admin API: " + e.getMessage() + ")");
      }
    }
  }

  private static String inFlight(InFlightHeight height) {
    return height.getHeight() + " " + height.getPhase();
  }

  private static String rejections(Map<String, Long> counts) {
    return counts.isEmpty() ? "none" : counts.entrySet().stream()
        .map(entry -> entry.getKey() + " " + entry.getValue())
        .collect(Collectors.joining(", "));
  }
}
