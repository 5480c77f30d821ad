package org.alliancechain.cli.bench;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/** The bench's final table: throughput, submit-to-commit latency, and each validator's cost. */
final class BenchReport {
  final long committed;
  final double sustainedPerSecond;
  final double overallPerSecond;
  final double offeredPerSecond;
  final long[] latencyMs;
  private double clientCpuSeconds;
  private long clientWallNanos;

  BenchReport(LoadGenerator load, CommitTracker commits, long submitEndNanos) {
    AtomicLongArray submitted = load.submitNanos;
    AtomicLongArray stamped = commits.commitNanos;
    int size = submitted.length();
    long[] commitTimes = new long[size];
    long[] latencies = new long[size];
    int count = 0;
    for (int i = 0; i < size; i++) {
      long submit = submitted.get(i);
      long commit = stamped.get(i);
      if (submit > 0 && commit > 0) {
        commitTimes[count] = commit;
        latencies[count] = Math.max(0, (commit - submit) / 1_000_000L);
        count++;
      }
    }
    committed = count;
    commitTimes = Arrays.copyOf(commitTimes, count);
    latencyMs = Arrays.copyOf(latencies, count);
    Arrays.sort(commitTimes);
    Arrays.sort(latencyMs);
    long start = load.startNanos();
    overallPerSecond = count == 0 ? 0 : count / seconds(commitTimes[count - 1] - start);
    offeredPerSecond = load.accepted.get() / seconds(submitEndNanos - start);
    int low = (int) (count * 0.1);
    int high = (int) Math.ceil(count * 0.9) - 1;
    sustainedPerSecond = high <= low ? overallPerSecond
        : (high - low) / seconds(commitTimes[high] - commitTimes[low]);
  }

  private static double seconds(long nanos) {
    return Math.max(1e-9, nanos / 1e9);
  }

  /** The load generator's own CPU time over the run, to show what it took from the machine. */
  BenchReport withClientCpu(double cpuSeconds, long wallNanos) {
    this.clientCpuSeconds = cpuSeconds;
    this.clientWallNanos = wallNanos;
    return this;
  }

  long percentile(double fraction) {
    if (latencyMs.length == 0) {
      return -1;
    }
    int index = (int) Math.ceil(fraction * latencyMs.length) - 1;
    return latencyMs[Math.max(0, Math.min(latencyMs.length - 1, index))];
  }

  void print(PrintStream out, String setup, LoadGenerator load, NodeSampler sampler) {
    out.println();
    out.println("Result: " + setup);
    out.printf("  submitted   %d accepted (%.0f tx/s offered), %d refused, %d resubmitted after"
        + " a full mempool or a failed call%n", load.accepted.get(), offeredPerSecond,
        load.refused.get(), load.retried.get());
    for (Map.Entry<String, String> example : load.refusalExamples.entrySet()) {
      out.printf("              %s x%d, e.g. %s%n", example.getKey(),
          load.refusalCounts.get(example.getKey()).get(), example.getValue());
    }
    out.printf("  committed   %d of %d accepted%n", committed, load.accepted.get());
    out.printf("  throughput  %.0f tx/s sustained (middle 80%% of commits), %.0f tx/s from first"
        + " submit to last commit%n", sustainedPerSecond, overallPerSecond);
    out.printf("  latency     submit→commit p50 %d ms, p90 %d ms, p99 %d ms, max %d ms%n",
        percentile(0.50), percentile(0.90), percentile(0.99), percentile(1.0));
    out.println();
    out.printf("  %-10s %10s %12s %22s %12s%n", "validator", "CPU cores", "CPU seconds",
        "heap used avg / max", "RSS max");
    double seconds = sampler.sampledSeconds();
    for (NodeSampler.NodeFigures node : sampler.nodes()) {
      double cpu = node.cpuSecondsEnd - node.cpuSecondsStart;
      out.printf("  %-10s %10.2f %12.1f %10.0f / %4.0f MiB %8.0f MiB%n", node.nodeId,
          seconds > 0 ? cpu / seconds : Double.NaN, cpu, node.heapBytesAverage() / 1048576.0,
          node.heapBytesMax / 1048576.0, node.residentBytesMax / 1048576.0);
    }
    out.printf("  %-10s %10.2f %12.1f   (this load generator, same machine)%n", "bench",
        clientCpuSeconds / seconds(clientWallNanos), clientCpuSeconds);
    out.printf("  (CPU over the %.1f s sampled; 1.00 = one core busy all the time)%n", seconds);
  }
}
