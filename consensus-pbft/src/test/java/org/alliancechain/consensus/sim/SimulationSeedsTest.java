package org.alliancechain.consensus.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A few hundred random fault plans (Byzantine validators, loss, duplication, reordering,
 * partitions, crash-restarts, short timeouts) for n = 4 and n = 7; every checker must stay
 * silent. A failing seed prints its plan and replays alone with
 * {@code -Dsim.seed=<seed> -Dsim.validators=<n>}.
 */
class SimulationSeedsTest {
  @Test
  void randomFaultPlansKeepEveryInvariant() {
    String only = System.getProperty("sim.seed");
    if (only != null) {
      Simulation.Result result = Simulation.run(FaultPlan.random(Long.parseLong(only),
          Integer.getInteger("sim.validators", 4), true));
      System.out.println(result.describe());
      System.out.println(result.stats());
      assertThat(result.violations()).isEmpty();
      return;
    }
    Campaign campaign = new Campaign()
        .run(1, Integer.getInteger("sim.defaultSeeds4", 150), new int[] {4}, true,
            System.out::println)
        .run(1, Integer.getInteger("sim.defaultSeeds7", 100), new int[] {7}, true,
            System.out::println);
    System.out.println(campaign.summary());
    assertThat(campaign.failures()).as("failing seeds (see output above)").isEmpty();
  }

  @Test
  void aSeedReplaysExactly() {
    FaultPlan plan = FaultPlan.random(42, 7, true);
    Simulation.Result first = Simulation.run(plan);
    SimCluster firstCluster = Simulation.lastCluster;
    Simulation.Result second = Simulation.run(plan);
    assertThat(second.messages()).isEqualTo(first.messages());
    assertThat(second.bytes()).isEqualTo(first.bytes());
    assertThat(second.height()).isEqualTo(first.height());
    for (long height = 1; height <= first.height(); height++) {
      assertThat(Simulation.lastCluster.checkers().decidedAt(height))
          .isEqualTo(firstCluster.checkers().decidedAt(height));
    }
  }
}
