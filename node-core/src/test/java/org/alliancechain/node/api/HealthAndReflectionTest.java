package org.alliancechain.node.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.reflection.v1.ServiceResponse;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Stock gRPC tools work: the health service as probes use it, reflection as grpcurl does. */
class HealthAndReflectionTest extends ApiTestBase {
  @Test
  void healthFollowsTheNodesReadinessOnBothPorts() throws Exception {
    assertThat(health(channel, "")).isEqualTo(ServingStatus.SERVING);
    assertThat(health(channel, "alliance.v1.QueryService")).isEqualTo(ServingStatus.SERVING);
    assertThat(health(adminChannel, "alliance.v1.AdminService")).isEqualTo(ServingStatus.SERVING);

    node.ready.set(false);

    awaitTrue("the public health says NOT_SERVING",
        () -> health(channel, "") == ServingStatus.NOT_SERVING);
    awaitTrue("the admin health says NOT_SERVING",
        () -> health(adminChannel, "") == ServingStatus.NOT_SERVING);
    assertThat(health(channel, "alliance.v1.TransactionService"))
        .isEqualTo(ServingStatus.NOT_SERVING);
  }

  @Test
  void reflectionListsTheServicesAndDescribesThem() throws Exception {
    ServerReflectionResponse list = reflect(channel, ServerReflectionRequest.newBuilder()
        .setListServices("*").build());
    List<String> services = list.getListServicesResponse().getServiceList().stream()
        .map(ServiceResponse::getName).toList();
    assertThat(services).contains("alliance.v1.TransactionService", "alliance.v1.QueryService",
        "grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection")
        .doesNotContain("alliance.v1.AdminService");

    ServerReflectionResponse file = reflect(channel, ServerReflectionRequest.newBuilder()
        .setFileContainingSymbol("alliance.v1.QueryService").build());
    assertThat(file.getFileDescriptorResponse().getFileDescriptorProtoCount()).isPositive();

    List<String> adminServices = reflect(adminChannel, ServerReflectionRequest.newBuilder()
        .setListServices("*").build()).getListServicesResponse().getServiceList().stream()
        .map(ServiceResponse::getName).toList();
    assertThat(adminServices).contains("alliance.v1.AdminService")
        .doesNotContain("alliance.v1.QueryService");
  }

  private static ServingStatus health(ManagedChannel channel, String service) {
    return HealthGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
        .check(HealthCheckRequest.newBuilder().setService(service).build()).getStatus();
  }

  private static ServerReflectionResponse reflect(ManagedChannel channel,
      ServerReflectionRequest request) throws Exception {
    CompletableFuture<ServerReflectionResponse> answer = new CompletableFuture<>();
    StreamObserver<ServerReflectionRequest> requests = ServerReflectionGrpc.newStub(channel)
        .serverReflectionInfo(new StreamObserver<>() {
          @Override
          public void onNext(ServerReflectionResponse response) {
            answer.complete(response);
          }

          @Override
          public void onError(Throwable failure) {
            answer.completeExceptionally(failure);
          }

          @Override
          public void onCompleted() {}
        });
    requests.onNext(request);
    ServerReflectionResponse response = answer.get(10, TimeUnit.SECONDS);
    requests.onCompleted();
    return response;
  }
}
