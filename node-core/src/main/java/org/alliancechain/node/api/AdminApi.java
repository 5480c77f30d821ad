package org.alliancechain.node.api;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import org.alliancechain.node.logging.LogSetup;
import org.alliancechain.p2p.P2pMetrics;
import org.alliancechain.p2p.PeerStatus;
import org.alliancechain.proto.v1.AdminServiceGrpc;
import org.alliancechain.proto.v1.ConsensusState;
import org.alliancechain.proto.v1.GetConsensusStateRequest;
import org.alliancechain.proto.v1.GetMempoolStatsRequest;
import org.alliancechain.proto.v1.ListPeersRequest;
import org.alliancechain.proto.v1.ListPeersResponse;
import org.alliancechain.proto.v1.MempoolStats;
import org.alliancechain.proto.v1.SetLogLevelRequest;
import org.alliancechain.proto.v1.SetLogLevelResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The operator's service: peers, consensus state, mempool, log level. */
final class AdminApi extends AdminServiceGrpc.AdminServiceImplBase {
  private static final Logger LOG = LoggerFactory.getLogger(AdminApi.class);

  private final NodeServices node;

  AdminApi(NodeServices node) {
    this.node = node;
  }

  @Override
  public void listPeers(ListPeersRequest request, StreamObserver<ListPeersResponse> responses) {
    ApiErrors.respond(responses, "ListPeers", () -> {
      P2pMetrics metrics = node.p2pMetrics();
      ListPeersResponse.Builder response = ListPeersResponse.newBuilder();
      for (PeerStatus peer : node.peers()) {
        response.addPeers(StatusReports.peerInfo(peer, metrics,
            node.peerHeight(peer.nodeId())));
      }
      return response.build();
    });
  }

  @Override
  public void getConsensusState(GetConsensusStateRequest request,
      StreamObserver<ConsensusState> responses) {
    ApiErrors.respond(responses, "GetConsensusState", () -> StatusReports.consensusState(node,
        node.consensus().orElseThrow(() -> Status.FAILED_PRECONDITION.withDescription("node "
            + node.nodeId() + " is an observer: it follows the chain by block sync and takes no"
            + " part in consensus").asRuntimeException())));
  }

  @Override
  public void getMempoolStats(GetMempoolStatsRequest request,
      StreamObserver<MempoolStats> responses) {
    ApiErrors.respond(responses, "GetMempoolStats", () -> StatusReports.mempoolStats(node));
  }

  @Override
  public void setLogLevel(SetLogLevelRequest request,
      StreamObserver<SetLogLevelResponse> responses) {
    ApiErrors.respond(responses, "SetLogLevel", () -> {
      String previous;
      try {
        previous = LogSetup.setLevel(request.getLogger(), request.getLevel());
      } catch (IllegalArgumentException e) {
        throw ApiErrors.invalidArgument(e.getMessage());
      }
      String logger = request.getLogger().isEmpty() ? "root" : request.getLogger();
      LOG.info("log level of {} set to {} (was {}) through the admin API", logger,
          request.getLevel(), previous);
      return SetLogLevelResponse.newBuilder().setPreviousLevel(previous).build();
    });
  }
}
