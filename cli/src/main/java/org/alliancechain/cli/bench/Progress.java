package org.alliancechain.cli.bench;

import java.util.stream.Collectors;

/** The live progress line: one update per second, in place on a terminal. */
final class Progress {
  private final LoadGenerator load;
  private final CommitTracker commits;
  private final NodeSampler sampler;
  private final int total;
  private final boolean terminal = System.console() != null;
  private final long startNanos = System.nanoTime();
  private long lastCommitted;

  Progress(LoadGenerator load, CommitTracker commits, NodeSampler sampler, int total) {
    this.load = load;
    this.commits = commits;
    this.sampler = sampler;
    this.total = total;
  }

  synchronized void tick() {
    sampler.sample();
    long committed = commits.committed.get();
    String line = String.format("%6.1f s  accepted %d/%d  committed %d  %5d tx/s  refused %d"
            + "  mempools %s", (System.nanoTime() - startNanos) / 1e9, load.accepted.get(), total,
        committed, committed - lastCommitted, load.refused.get(),
        sampler.nodes().stream().map(node -> String.format("%.0f", node.mempoolTransactions))
            .collect(Collectors.joining("/")));
    lastCommitted = committed;
    if (terminal) {
      System.out.print("\r" + line + "   ");
    } else {
      System.out.println(line);
    }
    System.out.flush();
  }

  synchronized void finish() {
    if (terminal) {
      System.out.println();
    }
  }
}
