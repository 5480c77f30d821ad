package org.alliancechain.consensus.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.alliancechain.consensus.ConsensusParameters;

/**
 * The faults of one seeded run: at most f Byzantine validators of random kinds, message loss,
 * duplication, delays (reordering), changing partitions and crash-restarts of honest validators
 * during a chaos phase; then the network heals.
 */
public record FaultPlan(long seed, int validators, Map<Integer, Misbehaviour> byzantine,
    double lossRate, double duplicateRate, long delayMaxMs, boolean partitions, int crashes,
    long chaosMs, long timeoutBaseMs, double commitLossRate) {

  private static final Misbehaviour[] KINDS = {
      Misbehaviour.EQUIVOCATING_PRIMARY, Misbehaviour.SILENT_PRIMARY, Misbehaviour.BAD_SIGNATURES,
      Misbehaviour.WRONG_DIGESTS, Misbehaviour.FAR_FUTURE, Misbehaviour.REPLAY, Misbehaviour.TWIN};

  /** A random plan for {@code seed}; with {@code byzantine} false, only benign faults. */
  public static FaultPlan random(long seed, int validators, boolean byzantine) {
    Random random = new Random(seed * 0x9E3779B97F4A7C15L + validators);
    int f = (validators - 1) / 3;
    Map<Integer, Misbehaviour> faulty = new TreeMap<>();
    int count = byzantine ? random.nextInt(f + 1) : 0;
    List<Integer> indices = new ArrayList<>();
    for (int i = 0; i < validators; i++) {
      indices.add(i);
    }
    java.util.Collections.shuffle(indices, random);
    for (int i = 0; i < count; i++) {
      faulty.put(indices.get(i), KINDS[random.nextInt(KINDS.length)]);
    }
    double loss = random.nextInt(3) == 0 ? 0 : random.nextDouble() * 0.15;
    double duplicate = random.nextBoolean() ? 0 : random.nextDouble() * 0.1;
    // Short timeouts make views change while commits are half delivered: the hard cases.
    long[] timeouts = {40, 80, 150, 400, 1_000};
    double commitLoss = random.nextBoolean() ? 0 : random.nextDouble() * 0.5;
    return new FaultPlan(seed, validators, faulty, loss, duplicate, 5 + random.nextInt(60),
        random.nextBoolean(), random.nextInt(3), 6_000, timeouts[random.nextInt(timeouts.length)],
        commitLoss);
  }

  /** The replicas' parameters: the test defaults with this plan's timeout base. */
  public ConsensusParameters parameters() {
    ConsensusParameters base = ConsensusParameters.forTests();
    return new ConsensusParameters(base.window(), base.checkpointInterval(), base.logHeightsMax(),
        timeoutBaseMs, timeoutBaseMs * 16, base.futureViewsMax(),
        base.futureMessagesPerSenderMax(), base.checkpointHeightsPerSenderMax());
  }

  public SimCluster build() {
    SimClusterBuilder builder = SimClusterBuilder.cluster(validators).seed(seed)
        .parameters(parameters());
    byzantine.forEach(builder::misbehaving);
    return builder.build();
  }

  @Override
  public String toString() {
    return "seed " + seed + ": n=" + validators + " byzantine=" + byzantine + " loss="
        + String.format("%.3f", lossRate) + " dup=" + String.format("%.3f", duplicateRate)
        + " delay<=" + delayMaxMs + "ms partitions=" + partitions + " crashes=" + crashes
        + " timeout=" + timeoutBaseMs + "ms commitLoss=" + String.format("%.2f", commitLossRate);
  }
}
