package org.alliancechain.cli.client;

import java.util.concurrent.Callable;
import org.alliancechain.cli.CliException;
import org.alliancechain.cli.ExitCode;
import org.alliancechain.proto.v1.ListPeersRequest;
import org.alliancechain.proto.v1.ListPeersResponse;
import org.alliancechain.proto.v1.PeerInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code alliance peers}: the links to the other nodes. */
@Command(name = "peers", header = "Lists a node's peers and the state of each link.",
    description = {
    "Lists the node's configured peers and the state of each link (admin API)."})
public final class PeersCommand implements Callable<Integer> {
  @Mixin
  ApiOptions api;

  @Override
  public Integer call() throws CliException {
    try (NodeClient client = new NodeClient(api)) {
      ListPeersResponse peers = client.admin("ListPeers",
          stub -> stub.listPeers(ListPeersRequest.getDefaultInstance()));
      long now = System.currentTimeMillis();
      System.out.printf("%-12s %-10s %-22s %9s %8s %10s %10s %7s  %s%n", "peer", "link",
          "address", "up", "height", "in", "out", "drops", "last failure");
      for (PeerInfo peer : peers.getPeersList()) {
        String failure = peer.getLastError().isEmpty() ? "-"
            : peer.getConnected() ? "(before this link) " + peer.getLastError()
            : peer.getLastError();
        System.out.printf("%-12s %-10s %-22s %9s %8d %10s %10s %7d  %s%n", peer.getNodeId(),
            peer.getConnected() ? peer.getDirection() : "down",
            peer.getAddress().isEmpty() ? "-" : peer.getAddress(),
            peer.getConnectedSinceMs() == 0 ? "-"
                : Text.duration(Math.max(0, now - peer.getConnectedSinceMs())),
            peer.getHeight(), Text.bytes(peer.getBytesIn()), Text.bytes(peer.getBytesOut()),
            peer.getQueueDrops(), failure);
      }
      long connected = peers.getPeersList().stream().filter(PeerInfo::getConnected).count();
      System.out.println(connected + " of " + peers.getPeersCount() + " peers connected");
      return ExitCode.OK;
    }
  }
}
