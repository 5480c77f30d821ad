package org.alliancechain.node.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.alliancechain.node.admission.AdmissionOutcome;
import org.alliancechain.node.tx.InvalidTransactionException;
import org.alliancechain.node.tx.TestTransactions;
import org.alliancechain.p2p.PeerState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real nodes in one JVM: TLS on 127.0.0.1, RocksDB in temp directories, real signatures. */
class ClusterTest {
  private static final Duration COMMIT_TIMEOUT = Duration.ofSeconds(60);

  @TempDir
  Path directory;

  @Test
  void fourValidatorsCommitTransactionsIdentically() throws Exception {
    try (TestCluster cluster = new TestCluster(directory, 4, 0)) {
      List<AdmissionOutcome> outcomes = submit(cluster, cluster.nodes.get(1), 200, "a");

      awaitCommitted(cluster, cluster.nodes, outcomes);
      cluster.assertIdenticalChains(minHeight(cluster.nodes));
    }
  }

  @Test
  void othersGoOnAfterAViewChangeWhenThePrimaryStops() throws Exception {
    try (TestCluster cluster = new TestCluster(directory, 4, 0)) {
      awaitCommitted(cluster, cluster.nodes, submit(cluster, cluster.nodes.get(1), 20, "before"));
      cluster.nodes.get(0).close();
      List<Node> survivors = cluster.nodes.subList(1, 4);

      List<AdmissionOutcome> after = submit(cluster, cluster.nodes.get(2), 20, "after");
      awaitCommitted(cluster, survivors, after);

      assertThat(survivors).allSatisfy(node ->
          assertThat(node.consensus().orElseThrow().view()).isPositive());
      assertIdentical(survivors, cluster);
    }
  }

  @Test
  void aStoppedValidatorRestartsAndCatchesUpBySync() throws Exception {
    try (TestCluster cluster = new TestCluster(directory, 4, 0)) {
      awaitCommitted(cluster, cluster.nodes, submit(cluster, cluster.nodes.get(0), 10, "first"));
      cluster.nodes.get(3).close();
      List<AdmissionOutcome> whileDown = submit(cluster, cluster.nodes.get(0), 50, "down");
      awaitCommitted(cluster, cluster.nodes.subList(0, 3), whileDown);
      long target = TestCluster.height(cluster.nodes.get(0));

      Node restarted = cluster.start(3);
      TestCluster.await("the restarted validator to catch up", COMMIT_TIMEOUT,
          () -> TestCluster.height(restarted) >= target);

      awaitCommitted(cluster, cluster.nodes, submit(cluster, restarted, 10, "rejoined"));
      cluster.assertIdenticalChains(minHeight(cluster.nodes));
    }
  }

  @Test
  void anObserverFollowsByBlockSyncAndServesQueries() throws Exception {
    try (TestCluster cluster = new TestCluster(directory, 4, 1)) {
      Node observer = cluster.nodes.get(4);
      assertThat(observer.isValidator()).isFalse();
      List<AdmissionOutcome> outcomes = submit(cluster, observer, 30, "via-observer");

      awaitCommitted(cluster, cluster.nodes, outcomes);
      cluster.assertIdenticalChains(minHeight(cluster.nodes));
    }
  }

  @Test
  void transactionsAdmittedWhileNoValidatorIsLinkedReachThemOnceLinked() throws Exception {
    try (TestCluster cluster = new TestCluster(directory, 4, 1)) {
      Node observer = cluster.nodes.get(4);
      for (int i = 0; i < 4; i++) {
        cluster.nodes.get(i).close();
      }
      TestCluster.await("the observer to notice its links are down", COMMIT_TIMEOUT,
          () -> observer.peers().stream().noneMatch(p -> p.state() == PeerState.CONNECTED));
      List<AdmissionOutcome> offline = submit(cluster, observer, 25, "offline");

      for (int i = 0; i < 4; i++) {
        cluster.start(i);
      }
      awaitCommitted(cluster, cluster.nodes, offline);
      cluster.assertIdenticalChains(minHeight(cluster.nodes));
    }
  }

  @Test
  void replayedAndBadlySignedTransactionsAreRefusedWithTheirReason() throws Exception {
    try (TestCluster cluster = new TestCluster(directory, 4, 0)) {
      byte[] transaction = TestTransactions.put("test-chain", cluster.client, "default", "k", "v");
      List<AdmissionOutcome> first = cluster.nodes.get(0).submit(
          List.of(ByteString.copyFrom(transaction)));
      awaitCommitted(cluster, cluster.nodes, first);

      AdmissionOutcome replay = cluster.nodes.get(2)
          .submit(List.of(ByteString.copyFrom(transaction))).get(0);
      byte[] tampered = TestTransactions.put("test-chain", cluster.client, "default", "k", "w");
      tampered[tampered.length - 1] ^= 1;
      AdmissionOutcome forged = cluster.nodes.get(2)
          .submit(List.of(ByteString.copyFrom(tampered))).get(0);

      assertThat(replay.rejection()).isEqualTo(InvalidTransactionException.Reason.DUPLICATE);
      assertThat(forged.rejection()).isEqualTo(InvalidTransactionException.Reason.BAD_SIGNATURE);
      assertThat(forged.message()).contains("signature does not verify");
    }
  }

  private static List<AdmissionOutcome> submit(TestCluster cluster, Node node, int count,
      String prefix) {
    List<ByteString> transactions = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      transactions.add(ByteString.copyFrom(TestTransactions.put("test-chain", cluster.client,
          "default", prefix + "-" + i, "value-" + i)));
    }
    List<AdmissionOutcome> outcomes = node.submit(transactions);
    assertThat(outcomes).allMatch(AdmissionOutcome::accepted);
    return outcomes;
  }

  private static void awaitCommitted(TestCluster cluster, List<Node> nodes,
      List<AdmissionOutcome> outcomes) throws InterruptedException {
    TestCluster.await(outcomes.size() + " transactions committed on " + nodes.size() + " nodes",
        COMMIT_TIMEOUT, () -> nodes.stream().allMatch(node -> outcomes.stream()
            .allMatch(outcome -> node.awaitCommit(outcome.id()).isDone())));
  }

  private static long minHeight(List<Node> nodes) {
    return nodes.stream().mapToLong(TestCluster::height).min().orElseThrow();
  }

  private static void assertIdentical(List<Node> nodes, TestCluster cluster) throws Exception {
    long top = minHeight(nodes);
    for (long height = 1; height <= top; height++) {
      byte[] reference = nodes.get(0).storage().blocks().block(height).orElseThrow();
      for (Node node : nodes) {
        assertThat(node.storage().blocks().block(height).orElseThrow()).isEqualTo(reference);
      }
    }
  }
}
