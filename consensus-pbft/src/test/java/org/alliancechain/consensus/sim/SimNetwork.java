package org.alliancechain.consensus.sim;

import java.util.Arrays;
import java.util.Random;
import java.util.function.BiConsumer;

/**
 * The simulated network between endpoints: seeded loss, duplication, delay with jitter (which
 * reorders), partitions that change over time, and twin links (a twin reaches only the
 * endpoints on its side). Counts messages and bytes.
 */
public final class SimNetwork {
  private final Scheduler scheduler;
  private final Random random;
  private final BiConsumer<Integer, byte[]> deliver;
  private double lossRate;
  private double duplicateRate;
  private double commitLossRate;
  private java.util.function.Predicate<byte[]> isCommit = payload -> false;
  private long delayMinMs = 1;
  private long delayMaxMs = 10;
  private int[] partitionOf;
  private boolean[][] blocked;
  private java.util.function.Function<byte[], String> classifier;
  private final java.util.Map<String, long[]> byKind = new java.util.TreeMap<>();
  private long messages;
  private long bytes;
  private long dropped;

  /** {@code deliver} receives (destination endpoint, bytes). */
  public SimNetwork(Scheduler scheduler, Random random, int endpoints,
      BiConsumer<Integer, byte[]> deliver) {
    this.scheduler = scheduler;
    this.random = random;
    this.deliver = deliver;
    this.partitionOf = new int[endpoints];
    this.blocked = new boolean[endpoints][endpoints];
  }

  public void configure(double loss, double duplicate, long delayMin, long delayMax) {
    this.lossRate = loss;
    this.duplicateRate = duplicate;
    this.delayMinMs = delayMin;
    this.delayMaxMs = Math.max(delayMin, delayMax);
  }

  /** Drops this share of COMMIT messages besides the general loss (some replicas commit, some not). */
  public void loseCommits(double rate, java.util.function.Predicate<byte[]> commitTest) {
    this.commitLossRate = rate;
    this.isCommit = commitTest;
  }

  /** Endpoints in different groups cannot reach each other. */
  public void partition(int[] groupOfEndpoint) {
    this.partitionOf = groupOfEndpoint.clone();
  }

  public void heal() {
    Arrays.fill(partitionOf, 0);
    lossRate = 0;
    duplicateRate = 0;
    commitLossRate = 0;
  }

  /** Permanently cuts the link between two endpoints (twins: each sees only its side). */
  public void cut(int a, int b) {
    blocked[a][b] = true;
    blocked[b][a] = true;
  }

  public boolean reachable(int from, int to) {
    return partitionOf[from] == partitionOf[to] && !blocked[from][to];
  }

  /** Tallies messages and bytes by the kind {@code classify} names (for cost reports). */
  public void tallyBy(java.util.function.Function<byte[], String> classify) {
    this.classifier = classify;
  }

  /** Messages and bytes sent per kind, when {@link #tallyBy} was set. */
  public java.util.Map<String, long[]> byKind() {
    return byKind;
  }

  public void send(int from, int to, byte[] payload) {
    messages++;
    bytes += payload.length;
    if (classifier != null) {
      long[] tally = byKind.computeIfAbsent(classifier.apply(payload), kind -> new long[2]);
      tally[0]++;
      tally[1] += payload.length;
    }
    if (!reachable(from, to) || random.nextDouble() < lossRate
        || (commitLossRate > 0 && random.nextDouble() < commitLossRate && isCommit.test(payload))) {
      dropped++;
      return;
    }
    schedule(from, to, payload);
    if (random.nextDouble() < duplicateRate) {
      schedule(from, to, payload);
    }
  }

  private void schedule(int from, int to, byte[] payload) {
    long delay = delayMinMs + (long) (random.nextDouble() * (delayMaxMs - delayMinMs + 1));
    scheduler.after(delay, () -> {
      if (reachable(from, to)) {
        deliver.accept(to, payload);
      }
    });
  }

  public long messages() {
    return messages;
  }

  public long bytes() {
    return bytes;
  }

  public long dropped() {
    return dropped;
  }
}
