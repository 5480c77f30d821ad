package org.alliancechain.consensus.sim;

import java.util.Map;
import org.alliancechain.consensus.ConsensusParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Messages and bytes per committed block for n = 4, 7, 10, 16 with the production parameters
 * (W = 2, K = 16), no faults, a steady client load. Prints a table for docs/performance.md:
 * {@code ./mvnw -q -B -pl consensus-pbft -am test -Dtest=MessageCostReport -Dsim.cost=true
 * -Dsurefire.failIfNoSpecifiedTests=false}
 */
@EnabledIfSystemProperty(named = "sim.cost", matches = "true")
class MessageCostReport {
  @Test
  void messagesPerCommittedBlock() {
    System.out.println("| n | blocks | messages/block | bytes/block | PRE-PREPARE | PREPARE"
        + " | COMMIT | CHECKPOINT |");
    System.out.println("|---|---|---|---|---|---|---|---|");
    for (int n : new int[] {4, 7, 10, 16}) {
      SimCluster cluster = SimClusterBuilder.cluster(n).seed(2026)
          .parameters(ConsensusParameters.defaults()).build().transactionEveryMs(20);
      cluster.network().configure(0, 0, 1, 5);
      cluster.network().tallyBy(envelope -> Misbehaviour.decode(envelope).message().phase().name());
      cluster.start();
      cluster.runFor(2_000);
      long messagesBefore = cluster.network().messages();
      long bytesBefore = cluster.network().bytes();
      Map<String, long[]> before = copy(cluster.network().byKind());
      long heightBefore = cluster.minHonestHeight();
      cluster.runFor(20_000);
      long blocks = cluster.minHonestHeight() - heightBefore;
      if (!cluster.violations().isEmpty()) {
        throw new AssertionError(cluster.violations().toString());
      }
      Map<String, long[]> after = cluster.network().byKind();
      StringBuilder row = new StringBuilder(String.format("| %d | %d | %.1f | %.0f |", n, blocks,
          (cluster.network().messages() - messagesBefore) / (double) blocks,
          (cluster.network().bytes() - bytesBefore) / (double) blocks));
      for (String kind : new String[] {"PRE_PREPARE", "PREPARE", "COMMIT", "CHECKPOINT"}) {
        long count = delta(after, before, kind, 0);
        long bytes = delta(after, before, kind, 1);
        row.append(String.format(" %.2f × %d B |", count / (double) blocks,
            count == 0 ? 0 : bytes / count));
      }
      System.out.println(row);
    }
  }

  private static Map<String, long[]> copy(Map<String, long[]> tally) {
    Map<String, long[]> out = new java.util.TreeMap<>();
    tally.forEach((kind, counts) -> out.put(kind, counts.clone()));
    return out;
  }

  private static long delta(Map<String, long[]> after, Map<String, long[]> before, String kind,
      int index) {
    return after.getOrDefault(kind, new long[2])[index]
        - before.getOrDefault(kind, new long[2])[index];
  }
}
