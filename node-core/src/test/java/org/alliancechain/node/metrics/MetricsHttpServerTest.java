package org.alliancechain.node.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class MetricsHttpServerTest {
  private final HttpClient client = HttpClient.newHttpClient();

  @Test
  void servesMetricsAndHealthOnLoopback() throws Exception {
    NodeMetrics metrics = new NodeMetrics();
    metrics.height.set(42);
    metrics.mempoolRejections.labelValues("bad_signature").inc();
    metrics.gauge("alliance_mempool_transactions", "Waiting transactions", () -> 7);
    AtomicReference<String> notReady = new AtomicReference<>("syncing: 10 heights behind");
    HealthCheck health = new HealthCheck() {
      @Override
      public String unhealthyReason() {
        return null;
      }

      @Override
      public String notReadyReason() {
        return notReady.get();
      }
    };

    try (MetricsHttpServer server =
        MetricsHttpServer.start(new InetSocketAddress("127.0.0.1", 0), metrics, health)) {
      String base = "http://127.0.0.1:" + server.address().getPort();

      HttpResponse<String> scrape = get(base + "/metrics");
      assertThat(scrape.statusCode()).isEqualTo(200);
      assertThat(scrape.body()).contains("alliance_height 42.0")
          .contains("alliance_mempool_rejections_total{reason=\"bad_signature\"} 1.0")
          .contains("alliance_mempool_transactions 7.0")
          .contains("jvm_memory_used_bytes");

      assertThat(get(base + "/healthz").statusCode()).isEqualTo(200);
      HttpResponse<String> ready = get(base + "/readyz");
      assertThat(ready.statusCode()).isEqualTo(503);
      assertThat(ready.body()).contains("10 heights behind");
      notReady.set(null);
      assertThat(get(base + "/readyz").statusCode()).isEqualTo(200);
    }
  }

  private HttpResponse<String> get(String uri) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create(uri)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
