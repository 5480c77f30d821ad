package org.alliancechain.cli.bench;

import java.util.ArrayList;
import java.util.List;
import org.alliancechain.cli.devnet.Readiness;
import org.alliancechain.config.HostPort;

/**
 * Samples each validator's /metrics during a run: CPU seconds (process_cpu_seconds_total),
 * used heap (jvm_memory_used_bytes{area="heap"}), resident memory and mempool size.
 */
final class NodeSampler {
  /** One validator's figures over the run. */
  static final class NodeFigures {
    final String nodeId;
    final HostPort metrics;
    double cpuSecondsStart = Double.NaN;
    double cpuSecondsEnd = Double.NaN;
    double heapBytesMax;
    double heapBytesSum;
    double residentBytesMax;
    int samples;
    volatile double mempoolTransactions;

    NodeFigures(String nodeId, HostPort metrics) {
      this.nodeId = nodeId;
      this.metrics = metrics;
    }

    double heapBytesAverage() {
      return samples == 0 ? Double.NaN : heapBytesSum / samples;
    }
  }

  private final List<NodeFigures> nodes = new ArrayList<>();
  private long firstSampleNanos;
  private long lastSampleNanos;

  NodeSampler(List<String> nodeIds, List<HostPort> metrics) {
    for (int i = 0; i < nodeIds.size(); i++) {
      nodes.add(new NodeFigures(nodeIds.get(i), metrics.get(i)));
    }
  }

  List<NodeFigures> nodes() {
    return nodes;
  }

  /** Seconds between the first and the last sample: what CPU seconds are divided by. */
  synchronized double sampledSeconds() {
    return (lastSampleNanos - firstSampleNanos) / 1e9;
  }

  /** Reads every node once; the first call sets the CPU baseline. */
  synchronized void sample() {
    long now = System.nanoTime();
    if (firstSampleNanos == 0) {
      firstSampleNanos = now;
    }
    lastSampleNanos = now;
    for (NodeFigures node : nodes) {
      String text = Readiness.metrics(node.metrics);
      if (text == null) {
        continue;
      }
      double cpu = PrometheusText.value(text, "process_cpu_seconds_total", "");
      if (Double.isNaN(node.cpuSecondsStart)) {
        node.cpuSecondsStart = cpu;
      }
      node.cpuSecondsEnd = cpu;
      double heap = PrometheusText.value(text, "jvm_memory_used_bytes", "area=\"heap\"");
      if (!Double.isNaN(heap)) {
        node.heapBytesMax = Math.max(node.heapBytesMax, heap);
        node.heapBytesSum += heap;
        node.samples++;
      }
      double resident = PrometheusText.value(text, "process_resident_memory_bytes", "");
      if (!Double.isNaN(resident)) {
        node.residentBytesMax = Math.max(node.residentBytesMax, resident);
      }
      node.mempoolTransactions = PrometheusText.value(text, "alliance_mempool_transactions", "");
    }
  }
}
