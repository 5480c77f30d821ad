package org.alliancechain.consensus.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A long campaign, run only on request:
 * {@code ./mvnw -q -B -pl consensus-pbft -am test -Dtest=SimulationCampaign
 * -Dsim.seeds=10000 -Dsurefire.failIfNoSpecifiedTests=false} (optionally
 * {@code -Dsim.firstSeed=…} and {@code -Dsim.validatorCounts=4,7}). Prints seeds run, faults
 * injected by kind, rejections by reason and every violation with its replay command.
 */
@EnabledIfSystemProperty(named = "sim.seeds", matches = "\\d+")
class SimulationCampaign {
  @Test
  void campaign() {
    int seeds = Integer.getInteger("sim.seeds");
    long first = Long.getLong("sim.firstSeed", 1_000_000L);
    int[] counts = Arrays.stream(System.getProperty("sim.validatorCounts", "4,7").split(","))
        .mapToInt(Integer::parseInt).toArray();
    long started = System.nanoTime();
    Campaign campaign = new Campaign().run(first, seeds, counts, true, System.out::println);
    System.out.println("campaign: seeds " + first + ".." + (first + seeds - 1) + " for n="
        + Arrays.toString(counts) + " in " + (System.nanoTime() - started) / 1_000_000_000 + " s");
    System.out.println(campaign.summary());
    assertThat(campaign.failures()).isEmpty();
  }
}
