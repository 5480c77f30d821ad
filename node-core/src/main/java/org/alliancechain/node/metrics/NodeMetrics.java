package org.alliancechain.node.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.function.DoubleSupplier;

/**
 * The node's Prometheus metrics, one registry per node (several nodes may share a JVM in tests).
 * Names follow Prometheus conventions: {@code alliance_} prefix, base units, {@code _total} for
 * counters.
 */
public final class NodeMetrics {
  private static final double[] LATENCY_BUCKETS_SECONDS = {
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10
  };

  private final PrometheusRegistry registry = new PrometheusRegistry();

  public final Gauge height = Gauge.builder().name("alliance_height")
      .help("Highest committed block height").register(registry);
  public final Gauge executedHeight = Gauge.builder().name("alliance_executed_height")
      .help("Highest executed and stored block height").register(registry);
  public final Gauge view = Gauge.builder().name("alliance_view")
      .help("Current PBFT view").register(registry);
  public final Counter viewChanges = Counter.builder().name("alliance_view_changes_total")
      .help("Views entered after the first").register(registry);
  public final Counter committedBlocks = Counter.builder().name("alliance_committed_blocks_total")
      .help("Blocks committed and stored").register(registry);
  public final Counter committedTransactions = Counter.builder()
      .name("alliance_committed_transactions_total")
      .help("Transactions committed, by result status").labelNames("status").register(registry);
  public final Histogram phaseLatency = Histogram.builder()
      .name("alliance_consensus_phase_seconds")
      .help("Time from one consensus phase to the next at this node, per height")
      .labelNames("phase").classicOnly().classicUpperBounds(LATENCY_BUCKETS_SECONDS)
      .register(registry);
  public final Histogram commitLatency = Histogram.builder()
      .name("alliance_submit_to_commit_seconds")
      .help("Time from admission of a transaction at this node to its block being stored")
      .classicOnly().classicUpperBounds(LATENCY_BUCKETS_SECONDS).register(registry);
  public final Counter mempoolRejections = Counter.builder()
      .name("alliance_mempool_rejections_total")
      .help("Transactions refused at admission, by reason").labelNames("reason")
      .register(registry);
  public final Counter consensusRejections = Counter.builder()
      .name("alliance_consensus_rejections_total")
      .help("Consensus messages dropped by validation, by reason").labelNames("reason")
      .register(registry);

  public NodeMetrics() {
    JvmMetrics.builder().register(registry);
  }

  /** Registers a gauge read from {@code value} at each scrape (mempool size, peers, disk). */
  public void gauge(String name, String help, DoubleSupplier value) {
    GaugeWithCallback.builder().name(name).help(help)
        .callback(callback -> callback.call(value.getAsDouble()))
        .register(registry);
  }

  public PrometheusRegistry registry() {
    return registry;
  }
}
