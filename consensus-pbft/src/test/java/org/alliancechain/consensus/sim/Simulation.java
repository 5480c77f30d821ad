package org.alliancechain.consensus.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.alliancechain.consensus.message.Phase;

/** Runs one {@link FaultPlan}: chaos, heal, liveness; returns what the checkers found. */
public final class Simulation {
  /** Liveness bound after the heal: covers back-off up to its cap through f faulty primaries. */
  public static final long LIVENESS_BOUND_MS = 180_000;

  private Simulation() {
  }

  /** The outcome of one run. */
  public record Result(FaultPlan plan, List<String> violations, SimStats stats, long height,
      long messages, long bytes) {
    public boolean passed() {
      return violations.isEmpty();
    }

    public String describe() {
      return plan + " -> height " + height + (passed() ? ", ok" : ", VIOLATIONS:\n  "
          + String.join("\n  ", violations)) + "\nreplay with -Dsim.seed=" + plan.seed()
          + " -Dsim.validators=" + plan.validators();
    }
  }

  /** The cluster of the last run on this thread, for debugging a seed. */
  static SimCluster lastCluster;

  public static Result run(FaultPlan plan) {
    SimCluster cluster = plan.build();
    lastCluster = cluster;
    try {
      return runChecked(plan, cluster);
    } catch (RuntimeException e) {
      List<String> violations = new ArrayList<>(cluster.violations());
      violations.add("simulation threw " + e);
      e.printStackTrace();
      return new Result(plan, violations, cluster.stats(), cluster.maxHonestHeight(),
          cluster.network().messages(), cluster.network().bytes());
    }
  }

  private static Result runChecked(FaultPlan plan, SimCluster cluster) {
    Random random = new Random(plan.seed() ^ 0xC0FFEEL);
    cluster.network().configure(plan.lossRate(), plan.duplicateRate(), 1, plan.delayMaxMs());
    if (plan.commitLossRate() > 0) {
      cluster.network().loseCommits(plan.commitLossRate(), envelope ->
          Misbehaviour.decode(envelope).message().phase() == Phase.COMMIT);
      cluster.stats().fault("commit loss");
    }
    cluster.start();
    plan.byzantine().values().forEach(kind -> cluster.stats().fault("byzantine " + kind));
    if (plan.lossRate() > 0) {
      cluster.stats().fault("lossy network");
    }
    if (plan.duplicateRate() > 0) {
      cluster.stats().fault("duplicating network");
    }
    if (plan.partitions()) {
      schedulePartitions(cluster, random, plan.chaosMs());
    }
    scheduleCrashes(cluster, random, plan);
    cluster.runFor(plan.chaosMs());
    cluster.network().heal();
    for (SimNode node : cluster.nodes()) {
      if (!node.up()) {
        node.restart();
      }
    }
    cluster.checkLiveness(3, LIVENESS_BOUND_MS);
    return new Result(plan, List.copyOf(cluster.violations()), cluster.stats(),
        cluster.maxHonestHeight(), cluster.network().messages(), cluster.network().bytes());
  }

  private static void schedulePartitions(SimCluster cluster, Random random, long chaosMs) {
    int endpoints = cluster.nodes().size();
    for (long at = 300 + random.nextInt(700); at < chaosMs; at += 300 + random.nextInt(1500)) {
      int[] groups = new int[endpoints];
      boolean split = random.nextInt(3) != 0;
      for (int e = 0; e < endpoints; e++) {
        groups[e] = split ? random.nextInt(2) : 0;
      }
      cluster.scheduler().at(at, () -> {
        cluster.network().partition(groups);
        if (split) {
          cluster.stats().fault("partition");
        }
      });
    }
  }

  private static void scheduleCrashes(SimCluster cluster, Random random, FaultPlan plan) {
    List<SimNode> honest = cluster.honestNodes();
    for (int i = 0; i < plan.crashes(); i++) {
      SimNode victim = honest.get(random.nextInt(honest.size()));
      long at = 200 + random.nextInt((int) plan.chaosMs() / 2);
      long downMs = 100 + random.nextInt(2_000);
      cluster.scheduler().at(at, () -> {
        if (victim.up()) {
          victim.crash();
          cluster.stats().fault("crash-restart");
          cluster.scheduler().after(downMs, () -> {
            if (!victim.up()) {
              victim.restart();
            }
          });
        }
      });
    }
  }
}
