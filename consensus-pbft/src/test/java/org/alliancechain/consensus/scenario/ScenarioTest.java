package org.alliancechain.consensus.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import org.alliancechain.consensus.RejectReason;
import org.alliancechain.consensus.sim.Misbehaviour;
import org.alliancechain.consensus.sim.SimCluster;
import org.alliancechain.consensus.sim.SimClusterBuilder;
import org.alliancechain.consensus.sim.SimNode;
import org.junit.jupiter.api.Test;

/** Named scenarios on the simulator; every checker runs in each of them. */
class ScenarioTest {
  private static SimCluster cluster(SimClusterBuilder builder) {
    return builder.build().start();
  }

  private static void assertNoViolations(SimCluster cluster) {
    assertThat(cluster.violations()).as("checker violations, seed " + cluster.seed()).isEmpty();
  }

  @Test
  void allReplicasCommitTheSameBlocksInOrder() {
    SimCluster cluster = cluster(SimClusterBuilder.cluster(4).seed(11));
    assertThat(cluster.runUntilHeight(30, 30_000)).isTrue();
    for (long height = 1; height <= 30; height++) {
      for (SimNode node : cluster.nodes()) {
        assertThat(node.storage().block(height).block().hash())
            .isEqualTo(cluster.checkers().decidedAt(height));
      }
    }
    assertNoViolations(cluster);
  }

  @Test
  void aSingleValidatorChainCommitsOnItsOwn() {
    SimCluster cluster = cluster(SimClusterBuilder.cluster(1).seed(12));
    assertThat(cluster.runUntilHeight(20, 20_000)).isTrue();
    assertNoViolations(cluster);
  }

  @Test
  void viewChangeSucceedsWhenPrimaryIsSilent() {
    SimCluster cluster = cluster(SimClusterBuilder.cluster(4).seed(13)
        .misbehaving(0, Misbehaviour.SILENT_PRIMARY));
    assertThat(cluster.runUntilHeight(10, 60_000)).isTrue();
    assertThat(cluster.node(1).replica().status().view()).isPositive();
    assertNoViolations(cluster);
  }

  @Test
  void equivocatingPrimaryCannotSplitCommits() {
    SimCluster cluster = cluster(SimClusterBuilder.cluster(4).seed(14)
        .misbehaving(0, Misbehaviour.EQUIVOCATING_PRIMARY));
    assertThat(cluster.runUntilHeight(10, 60_000)).isTrue();
    assertThat(cluster.stats().faults()).containsKey("equivocation");
    assertNoViolations(cluster);
  }

  @Test
  void replicaRestartedMidViewChangeDoesNotDoubleVote() {
    SimCluster cluster = cluster(SimClusterBuilder.cluster(4).seed(15)
        .misbehaving(0, Misbehaviour.SILENT_PRIMARY));
    SimNode node = cluster.node(2);
    // The silent primary makes everyone time out: stop when validator 2 has sent its
    // VIEW-CHANGE but not yet seen the NEW-VIEW, then crash and restart it.
    cluster.scheduler().runUntil(cluster.scheduler().nowMs() + 60_000,
        () -> node.replica().status().viewChanging());
    assertThat(node.replica().status().viewChanging()).isTrue();
    long view = node.replica().status().view();
    node.crash();
    cluster.runFor(5);
    node.restart();
    assertThat(node.replica().status().view()).isEqualTo(view);
    assertThat(node.replica().status().viewChanging()).isTrue();
    assertThat(cluster.runUntilHeight(8, 120_000)).isTrue();
    assertNoViolations(cluster);
  }

  @Test
  void badSignaturesWrongDigestsAndFloodsAreDroppedAndCounted() {
    SimCluster cluster = cluster(SimClusterBuilder.cluster(7).seed(16)
        .misbehaving(1, Misbehaviour.BAD_SIGNATURES).misbehaving(4, Misbehaviour.FAR_FUTURE));
    assertThat(cluster.runUntilHeight(10, 60_000)).isTrue();
    assertThat(cluster.stats().rejections()).containsKeys(RejectReason.BAD_SIGNATURE,
        RejectReason.FUTURE_HEIGHT);
    assertNoViolations(cluster);

    SimCluster digests = cluster(SimClusterBuilder.cluster(4).seed(17)
        .misbehaving(2, Misbehaviour.WRONG_DIGESTS));
    assertThat(digests.runUntilHeight(10, 60_000)).isTrue();
    assertThat(digests.stats().rejections()).containsKey(RejectReason.EQUIVOCATION);
    assertNoViolations(digests);
  }

  @Test
  void replayedOldMessagesChangeNothing() {
    SimCluster cluster = cluster(SimClusterBuilder.cluster(4).seed(18)
        .misbehaving(3, Misbehaviour.REPLAY));
    assertThat(cluster.runUntilHeight(20, 60_000)).isTrue();
    assertThat(cluster.stats().faults().get("replay")).isPositive();
    assertNoViolations(cluster);
  }

  @Test
  void twinsWithOneKeyCannotForkTheChain() {
    SimCluster cluster = cluster(SimClusterBuilder.cluster(4).seed(19)
        .misbehaving(1, Misbehaviour.TWIN));
    assertThat(cluster.runUntilHeight(15, 120_000)).isTrue();
    assertNoViolations(cluster);
  }

  @Test
  void aReplicaCutOffCatchesUpByBlockSync() {
    SimCluster cluster = cluster(SimClusterBuilder.cluster(4).seed(20));
    cluster.network().partition(new int[] {0, 0, 0, 1});
    cluster.runUntilHeight(0, 1);
    cluster.runFor(10_000);
    long ahead = cluster.node(0).storage().height();
    assertThat(cluster.node(3).storage().height()).isLessThan(ahead);
    cluster.network().heal();
    cluster.runFor(5_000);
    assertThat(cluster.node(3).storage().height()).isGreaterThanOrEqualTo(ahead);
    assertThat(cluster.stats().syncedBlocks()).isPositive();
    assertNoViolations(cluster);
  }

  @Test
  void stableCheckpointsKeepTheDurableLogSmall() {
    SimCluster cluster = cluster(SimClusterBuilder.cluster(4).seed(21));
    assertThat(cluster.runUntilHeight(200, 120_000)).isTrue();
    for (SimNode node : cluster.nodes()) {
      assertThat(node.replica().status().stableHeight()).isGreaterThan(180);
      assertThat(node.storage().logSize()).as("records of " + node).isLessThan(60);
    }
    assertNoViolations(cluster);
  }

  @Test
  void aReplicaWhoseExecutionDivergesHaltsAndTheOthersGoOn() {
    SimCluster cluster = cluster(SimClusterBuilder.cluster(4).seed(22).divergentExecution(3, 6));
    assertThat(cluster.runUntilHeight(30, 60_000)).isTrue();
    assertThat(cluster.node(3).replica().status().halted()).isTrue();
    assertThat(cluster.node(3).replica().status().haltReason()).contains("execution diverged");
    assertNoViolations(cluster);
  }

  @Test
  void anObserverFollowsTheChainWithoutVoting() {
    SimCluster cluster = cluster(SimClusterBuilder.cluster(4).seed(23).observers(1)
        .misbehaving(0, Misbehaviour.SILENT_PRIMARY));
    assertThat(cluster.runUntilHeight(15, 60_000)).isTrue();
    SimNode observer = cluster.nodes().get(cluster.nodes().size() - 1);
    cluster.runFor(2_000);
    assertThat(observer.storage().height()).isGreaterThanOrEqualTo(15);
    assertNoViolations(cluster);
  }

  @Test
  void aPartitionedMinorityRejoinsAfterTheHeal() {
    SimCluster cluster = cluster(SimClusterBuilder.cluster(7).seed(24));
    cluster.runFor(2_000);
    cluster.network().partition(new int[] {0, 0, 0, 0, 0, 1, 1});
    cluster.runFor(8_000);
    cluster.network().heal();
    cluster.checkLiveness(5, 60_000);
    cluster.runFor(2_000);
    assertThat(cluster.node(6).storage().height())
        .isGreaterThanOrEqualTo(cluster.node(0).storage().height() - cluster.parameters().window());
    assertNoViolations(cluster);
  }
}
