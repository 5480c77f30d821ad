package org.alliancechain.node.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Serves {@code /metrics} (Prometheus text format), {@code /healthz} and {@code /readyz}. */
public final class MetricsHttpServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(MetricsHttpServer.class);

  private final HttpServer server;
  private final ExecutorService executor;

  private MetricsHttpServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Binds {@code address} and starts serving. */
  public static MetricsHttpServer start(InetSocketAddress address, NodeMetrics metrics,
      HealthCheck health) throws IOException {
    HttpServer server = HttpServer.create(address, 16);
    PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
    server.createContext("/metrics", exchange -> {
      ByteArrayOutputStream body = new ByteArrayOutputStream(16 * 1024);
      writer.write(body, metrics.registry().scrape());
      respond(exchange, 200, writer.getContentType(), body.toByteArray());
    });
    server.createContext("/healthz", exchange -> answer(exchange, health.unhealthyReason()));
    server.createContext("/readyz", exchange -> answer(exchange, health.notReadyReason()));
    ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
      Thread thread = new Thread(runnable, "metrics-http");
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(executor);
    server.start();
    log.info("metrics and health on http://{}:{}/metrics", address.getHostString(),
        server.getAddress().getPort());
    return new MetricsHttpServer(server, executor);
  }

  public InetSocketAddress address() {
    return server.getAddress();
  }

  private static void answer(HttpExchange exchange, String problem) throws IOException {
    byte[] body = (problem == null ? "ok\n" : problem + "\n").getBytes(StandardCharsets.UTF_8);
    respond(exchange, problem == null ? 200 : 503, "text/plain; charset=utf-8", body);
  }

  private static void respond(HttpExchange exchange, int status, String contentType, byte[] body)
      throws IOException {
    try (exchange) {
      exchange.getResponseHeaders().set("Content-Type", contentType);
      exchange.sendResponseHeaders(status, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
