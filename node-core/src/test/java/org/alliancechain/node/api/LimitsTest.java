package org.alliancechain.node.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.List;
import org.alliancechain.node.tx.TestTransactions;
import org.alliancechain.proto.v1.GetStatusRequest;
import org.alliancechain.proto.v1.QueryServiceGrpc;
import org.junit.jupiter.api.Test;

class LimitsTest extends ApiTestBase {
  private static final int MESSAGE_BYTES_MAX = 16 * 1024;
  private static final int REQUESTS_PER_SECOND = 3;

  @Override
  ApiSettings settings() {
    return super.settings().withLimits(MESSAGE_BYTES_MAX, 10, REQUESTS_PER_SECOND);
  }

  @Test
  void aMessageOverTheLimitIsResourceExhausted() {
    byte[] large = TestTransactions.put(TestGenesis.CHAIN_ID, chain.keys.client, "trade", "k",
        "x".repeat(20_000));

    StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class,
        () -> transactions.submit(TransactionServiceTest.request(large)));

    assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
    assertThat(refused.getStatus().getDescription()).contains("exceeds maximum size 16384");
    assertThat(chain.mempool.stats().transactions()).isZero();
  }

  @Test
  void callsOverTheConnectionsRateAreResourceExhaustedWithTheLimit() {
    List<Status> statuses = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      try {
        queries.getStatus(GetStatusRequest.getDefaultInstance());
        statuses.add(Status.OK);
      } catch (StatusRuntimeException e) {
        statuses.add(e.getStatus());
      }
    }

    // A burst may use one second's worth; 20 calls in well under 5 s exceed it.
    assertThat(statuses.subList(0, REQUESTS_PER_SECOND))
        .allMatch(status -> status.getCode() == Status.Code.OK);
    Status refused = statuses.stream().filter(status -> !status.isOk()).findFirst().orElseThrow();
    assertThat(refused.getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
    assertThat(refused.getDescription()).contains("at most 3 requests per second");
  }

  @Test
  void anotherConnectionHasItsOwnAllowance() throws Exception {
    for (int i = 0; i < 10; i++) {
      try {
        queries.getStatus(GetStatusRequest.getDefaultInstance());
      } catch (StatusRuntimeException expected) {
        // this connection runs out
      }
    }
    var other = plaintext(server.publicAddress());
    try {
      assertThat(QueryServiceGrpc.newBlockingStub(other)
          .getStatus(GetStatusRequest.getDefaultInstance()).getNodeId()).isEqualTo("v0");
    } finally {
      other.shutdownNow();
    }
  }
}
