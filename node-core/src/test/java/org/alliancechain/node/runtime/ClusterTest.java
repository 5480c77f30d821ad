package org.alliancechain.node.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.alliancechain.node.admission.AdmissionOutcome;
import org.alliancechain.node.tx.TestTransactions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterTest {
  @TempDir
  Path directory;

  @Test
  void fourValidatorsCommitTransactionsIdentically() throws Exception {
    try (TestCluster cluster = new TestCluster(directory, 4, 0)) {
      List<ByteString> transactions = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        transactions.add(ByteString.copyFrom(TestTransactions.put("test-chain", cluster.client,
            "default", "key-" + i, "value-" + i)));
      }
      List<AdmissionOutcome> outcomes = cluster.nodes.get(1).submit(transactions);
      assertThat(outcomes).allMatch(AdmissionOutcome::accepted);

      TestCluster.await("all transactions committed everywhere", Duration.ofSeconds(60), () ->
          cluster.nodes.stream().allMatch(node -> outcomes.stream().allMatch(outcome ->
              node.awaitCommit(outcome.id()).isDone())));
      long top = cluster.nodes.stream().mapToLong(TestCluster::height).min().orElseThrow();
      assertThat(top).isPositive();
      cluster.assertIdenticalChains(top);
    }
  }
}
