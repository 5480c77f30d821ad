package org.alliancechain.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrometheusTextTest {
  private static final String TEXT = String.join("\n",
      "# HELP process_cpu_seconds_total Total user and system CPU time spent in seconds.",
      "# TYPE process_cpu_seconds_total counter",
      "process_cpu_seconds_total 12.5",
      "jvm_memory_used_bytes{area=\"nonheap\"} 5.0E7",
      "jvm_memory_used_bytes{area=\"heap\"} 1.25E8",
      "jvm_memory_used_bytes_other 3",
      "");

  @Test
  void readsSamplesByNameAndLabel() {
    assertThat(PrometheusText.value(TEXT, "process_cpu_seconds_total", "")).isEqualTo(12.5);
    assertThat(PrometheusText.value(TEXT, "jvm_memory_used_bytes", "area=\"heap\""))
        .isEqualTo(1.25e8);
    assertThat(PrometheusText.value(TEXT, "jvm_memory_used_bytes", "area=\"nonheap\""))
        .isEqualTo(5.0e7);
    assertThat(PrometheusText.value(TEXT, "alliance_height", "")).isNaN();
    assertThat(PrometheusText.value(null, "x", "")).isNaN();
  }
}
