package org.alliancechain.node.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.util.concurrent.ListenableFuture;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsChannelCredentials;
import io.grpc.stub.StreamObserver;
import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.alliancechain.crypto.SignatureScheme;
import org.alliancechain.crypto.SigningKey;
import org.alliancechain.node.tx.TestTransactions;
import org.alliancechain.proto.v1.BlockEvent;
import org.alliancechain.proto.v1.GetStatusRequest;
import org.alliancechain.proto.v1.QueryServiceGrpc;
import org.alliancechain.proto.v1.StreamBlocksRequest;
import org.alliancechain.proto.v1.SubmitResponse;
import org.alliancechain.proto.v1.TransactionServiceGrpc;
import org.junit.jupiter.api.Test;

class ApiServerLifecycleTest extends ApiTestBase {
  @Test
  void closeEndsWaitsAndStreamsWithUnavailableAndStopsWithinTheGrace() throws Exception {
    ListenableFuture<SubmitResponse> waiting = TransactionServiceGrpc.newFutureStub(channel)
        .submit(TransactionServiceTest.request(TestTransactions.put(TestGenesis.CHAIN_ID,
            chain.keys.client, "trade", "k", "v")).toBuilder().setWaitForCommit(true).build());
    CompletableFuture<Status> stream = new CompletableFuture<>();
    QueryServiceGrpc.newStub(channel).streamBlocks(StreamBlocksRequest.getDefaultInstance(),
        endsWith(stream));
    awaitTrue("the wait and the stream are open",
        () -> chain.mempool.stats().transactions() == 1 && node.blockListeners() == 1);

    long started = System.nanoTime();
    server.close();
    long closedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

    Status streamEnd = stream.get(10, TimeUnit.SECONDS);
    assertThat(streamEnd.getCode()).isEqualTo(Status.Code.UNAVAILABLE);
    assertThat(streamEnd.getDescription()).contains("node v0 is shutting down")
        .contains("resume with from_height 1");
    assertThatThrownBy(() -> waiting.get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasMessageContaining("UNAVAILABLE: node v0 is shutting down")
        .hasMessageContaining("was admitted and may still commit");
    assertThat(closedMs).isLessThan(2_000);
    assertThat(node.blockListeners()).isZero();
  }

  @Test
  void tlsServesClientsThatTrustTheIssuerAndRefusesPlaintext() throws Exception {
    SigningKey tlsKey = SigningKey.generate(SignatureScheme.ECDSA_P256, new SecureRandom());
    ServerTls tls = new ServerTls(List.of(chain.keys.nodeCertificate("v0", tlsKey)),
        tlsKey.toJcaPrivateKey());
    try (ApiServer secure = new ApiServer(node, settings().withTls(tls)).start()) {
      InetSocketAddress address = secure.publicAddress();
      ManagedChannel trusted = Grpc.newChannelBuilderForAddress("127.0.0.1", address.getPort(),
          TlsChannelCredentials.newBuilder().trustManager(new ByteArrayInputStream(
              Pem.certificates(List.of(chain.keys.ca)))).build()).build();
      ManagedChannel plain = plaintext(address);
      try {
        assertThat(QueryServiceGrpc.newBlockingStub(trusted).withDeadlineAfter(10,
            TimeUnit.SECONDS).getStatus(GetStatusRequest.getDefaultInstance()).getNodeId())
            .isEqualTo("v0");
        assertThatThrownBy(() -> QueryServiceGrpc.newBlockingStub(plain).withDeadlineAfter(10,
            TimeUnit.SECONDS).getStatus(GetStatusRequest.getDefaultInstance()))
            .isInstanceOfSatisfying(StatusRuntimeException.class, refused ->
                assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE));
      } finally {
        trusted.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        plain.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void theAdminServiceStaysOnLoopbackUnlessAllowed() {
    ApiSettings defaults = ApiSettings.defaults();

    assertThatThrownBy(() -> defaults.withAddresses(defaults.publicAddress(),
        new InetSocketAddress("0.0.0.0", 50052)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the admin service must listen on a loopback address");
    assertThat(defaults.adminAddress().getAddress().isLoopbackAddress()).isTrue();
    assertThat(defaults.publicAddress().getPort()).isEqualTo(50051);
  }

  private static StreamObserver<BlockEvent> endsWith(CompletableFuture<Status> end) {
    return new StreamObserver<>() {
      @Override
      public void onNext(BlockEvent event) {}

      @Override
      public void onError(Throwable failure) {
        end.complete(Status.fromThrowable(failure));
      }

      @Override
      public void onCompleted() {
        end.complete(Status.OK);
      }
    };
  }
}
