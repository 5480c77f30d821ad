package org.alliancechain.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Four validator processes under steady load survive, one at a time: a backup killed with
 * SIGKILL and restarted on its data, the primary killed and restarted, the primary frozen with
 * SIGSTOP until the others change view, then resumed. Afterwards every process holds the same
 * chain and state, and every acknowledged transaction is in it exactly once.
 */
class FaultToleranceTest {
  static final Duration RECOVERY = Duration.ofSeconds(60);

  @TempDir
  Path directory;

  @Test
  void crashesAndAPausedPrimaryLoseNothingAndSplitNothing() throws Exception {
    try (ProcessCluster cluster = ProcessCluster.start(directory, 4)) {
      Faults faults = new Faults(cluster);
      SteadyLoad load = new SteadyLoad(cluster, 6, cluster.maxHeight(cluster.ids()));
      try (load) {
        faults.awaitProgress(load, 10);

        String backup = faults.aBackup();
        faults.crashAndRestart(backup, load, Duration.ofSeconds(4));

        String primary = faults.primary();
        faults.crashAndRestart(primary, load, Duration.ofSeconds(1));

        faults.pauseUntilViewChange(faults.primary(), load);
        faults.awaitProgress(load, 10);
      }
      assertConsistent(cluster, load);
    }
  }

  /** Same chain everywhere; every acknowledged transaction exactly once, at its height. */
  static void assertConsistent(ProcessCluster cluster, SteadyLoad load) throws Exception {
    long top = cluster.awaitSameHeight(RECOVERY);
    List<ByteString> chain = cluster.assertIdenticalChains(top);
    Map<ByteString, Integer> occurrences = new HashMap<>();
    chain.forEach(id -> occurrences.merge(id, 1, Integer::sum));
    assertThat(occurrences.values()).as("no transaction is committed twice").allMatch(n -> n == 1);
    assertThat(load.acknowledgedCount()).as("acknowledged transactions").isGreaterThan(30);
    for (ByteString id : load.acknowledged.keySet()) {
      assertThat(occurrences.get(id)).as("acknowledged transaction %s", id).isEqualTo(1);
    }
    System.out.printf("e2e: %d heights identical on %d processes; %d acknowledged and %d"
        + " committed transactions, %d failed attempts retried%n", top, cluster.ids().size(),
        load.acknowledgedCount(), chain.size(), load.failedAttempts.get());
  }
}
