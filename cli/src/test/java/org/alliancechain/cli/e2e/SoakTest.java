package org.alliancechain.cli.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault-tolerance scenario for a configurable time: -Dsoak.minutes=N (default 10), faults
 * chosen by a seeded random (-Dsoak.seed to replay a sequence; the seed is printed). Outside
 * the default suite: ./mvnw -B -pl cli -am test -Dtests.excluded=none -Dtest=SoakTest
 * -Dsoak.minutes=30 -Dsurefire.failIfNoSpecifiedTests=false
 */
@Tag("long")
class SoakTest {
  @TempDir
  Path directory;

  @Test
  void survivesRandomCrashesAndPausesForTheWholeSoak() throws Exception {
    long minutes = Long.getLong("soak.minutes", 10);
    long seed = Long.getLong("soak.seed", System.nanoTime());
    Random random = new Random(seed);
    Faults.log("soak for " + minutes + " min, seed " + seed + " (replay with -Dsoak.seed=" + seed + ")");
    long deadline = System.nanoTime() + Duration.ofMinutes(minutes).toNanos();
    try (ProcessCluster cluster = ProcessCluster.start(directory, 4)) {
      Faults faults = new Faults(cluster);
      SteadyLoad load = new SteadyLoad(cluster, 6, cluster.maxHeight(cluster.ids()));
      int rounds = 0;
      try (load) {
        while (System.nanoTime() < deadline) {
          faults.awaitProgress(load, 20);
          inject(faults, cluster, load, random);
          rounds++;
        }
      }
      Faults.log(rounds + " fault rounds");
      FaultToleranceTest.assertConsistent(cluster, load);
    }
  }

  private static void inject(Faults faults, ProcessCluster cluster, SteadyLoad load,
      Random random) throws Exception {
    List<String> ids = cluster.ids();
    switch (random.nextInt(4)) {
      case 0 -> faults.crashAndRestart(faults.primary(), load,
          Duration.ofMillis(random.nextInt(5_000)));
      case 1 -> faults.crashAndRestart(faults.aBackup(), load,
          Duration.ofMillis(random.nextInt(10_000)));
      case 2 -> faults.pauseUntilViewChange(faults.primary(), load);
      default -> {
        String id = ids.get(random.nextInt(ids.size()));
        Faults.log("kill -STOP " + cluster.process(id) + " for a moment");
        cluster.process(id).pause();
        Thread.sleep(random.nextInt(3_000));
        cluster.process(id).resume();
        faults.awaitCaughtUp(id);
      }
    }
  }
}
