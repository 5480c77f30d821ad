package org.alliancechain.node.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.alliancechain.config.MempoolLimits;
import org.alliancechain.node.tx.TestTransactions;
import org.alliancechain.proto.v1.GetMempoolStatsRequest;
import org.junit.jupiter.api.Test;

class MempoolFullTest extends ApiTestBase {
  @Override
  MempoolLimits mempoolLimits() {
    return new MempoolLimits(2, 1 << 20, 100);
  }

  @Test
  void aFullMempoolIsResourceExhaustedWithItsOccupancy() {
    for (int i = 0; i < 2; i++) {
      transactions.submit(TransactionServiceTest.request(
          TestTransactions.put(TestGenesis.CHAIN_ID, chain.keys.client, "trade", "k" + i, "v")));
    }

    StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class,
        () -> transactions.submit(TransactionServiceTest.request(TestTransactions.put(
            TestGenesis.CHAIN_ID, chain.keys.client, "trade", "k3", "v"))));

    assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
    assertThat(refused.getStatus().getDescription())
        .startsWith("the mempool is full (2 transactions");
    assertThat(admin.getMempoolStats(GetMempoolStatsRequest.getDefaultInstance())
        .getRejectionsMap()).containsEntry("mempool_full", 1L);
  }
}
