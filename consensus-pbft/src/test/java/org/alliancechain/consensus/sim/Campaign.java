package org.alliancechain.consensus.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Runs many seeded plans and summarises: seeds run, faults injected by kind, violations. */
public final class Campaign {
  private final SimStats total = new SimStats();
  private final List<Simulation.Result> failures = new ArrayList<>();
  private int runs;
  private long blocks;
  private long messages;

  /** Runs seeds {@code first} .. {@code first + count − 1} for each validator count. */
  public Campaign run(long first, int count, int[] validatorCounts, boolean byzantine,
      Consumer<String> progress) {
    long started = System.nanoTime();
    for (long seed = first; seed < first + count; seed++) {
      for (int validators : validatorCounts) {
        Simulation.Result result = Simulation.run(FaultPlan.random(seed, validators, byzantine));
        runs++;
        blocks += result.height();
        messages += result.messages();
        result.stats().mergeInto(total);
        if (!result.passed()) {
          failures.add(result);
          progress.accept("FAILED " + result.describe());
        }
      }
      if ((seed - first + 1) % 500 == 0) {
        progress.accept((seed - first + 1) + " seeds, " + runs + " runs, " + failures.size()
            + " failing, " + (System.nanoTime() - started) / 1_000_000_000 + " s");
      }
    }
    return this;
  }

  public List<Simulation.Result> failures() {
    return failures;
  }

  public String summary() {
    return "runs " + runs + " (seeds x validator counts), committed blocks " + blocks
        + ", messages " + messages + ", violations " + failures.size() + "\n" + total;
  }
}
