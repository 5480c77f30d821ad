package org.alliancechain.cli.devnet;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.alliancechain.config.HostPort;

/** Asks a node's metrics port whether it is ready (caught up with its peers and taking part). */
public final class Readiness {
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(2)).build();

  private Readiness() {}

  /** Whether {@code /readyz} answers 200 now; false when it answers otherwise or not at all. */
  public static boolean isReady(HostPort metrics) {
    return get(metrics, "/readyz") == 200;
  }

  /**
   * Whether something accepts connections at {@code address}: the gRPC API starts after the
   * node (and its metrics port), so a ready node may not serve its API for a moment yet.
   */
  public static boolean accepts(HostPort address) {
    try (java.net.Socket socket = new java.net.Socket()) {
      socket.connect(new java.net.InetSocketAddress(address.bindHost(), address.port()), 1_000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** The HTTP status of {@code path}, or -1 when nothing answers. */
  public static int get(HostPort metrics, String path) {
    try {
      HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(
              URI.create("http://" + metrics + path)).timeout(Duration.ofSeconds(3)).GET().build(),
          HttpResponse.BodyHandlers.discarding());
      return response.statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** The body of {@code /metrics} (Prometheus text), or null when nothing answers. */
  public static String metrics(HostPort metrics) {
    try {
      HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
              URI.create("http://" + metrics + "/metrics")).timeout(Duration.ofSeconds(5)).GET()
              .build(),
          HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 ? response.body() : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
