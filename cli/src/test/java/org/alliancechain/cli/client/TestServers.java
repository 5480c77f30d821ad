package org.alliancechain.cli.client;

import com.sun.net.httpserver.HttpServer;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import org.alliancechain.crypto.CertificatePem;
import org.alliancechain.crypto.Certificates;
import org.alliancechain.crypto.SignatureScheme;
import org.alliancechain.crypto.SigningKey;

/**
 * Real servers on 127.0.0.1 that are not an AllianceChain API, for the error messages: a web
 * server, a TLS server, a gRPC server with other services, a port that accepts and says
 * nothing. All close with {@link #close}.
 */
final class TestServers implements AutoCloseable {
  private final List<AutoCloseable> open = new ArrayList<>();

  int http() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
    server.createContext("/", exchange -> {
      byte[] body = "not found".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(404, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    open.add(() -> server.stop(0));
    return server.getAddress().getPort();
  }

  /** A TLS server with a self-signed certificate; returns its port and writes the cert to {@code ca}. */
  int tls(Path ca) throws Exception {
    SigningKey key = SigningKey.generate(SignatureScheme.ECDSA_P256, new SecureRandom());
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    X509Certificate certificate = Certificates.createOrganizationCa("test", key,
        now.minus(1, ChronoUnit.HOURS), now.plus(1, ChronoUnit.DAYS));
    Files.writeString(ca, CertificatePem.encode(certificate));
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry("server", key.toJcaPrivateKey(), new char[0],
        new X509Certificate[] {certificate});
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, new char[0]);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), null, null);
    SSLServerSocket server = (SSLServerSocket) context.getServerSocketFactory()
        .createServerSocket(0, 8, InetAddress.getLoopbackAddress());
    open.add(server);
    Thread acceptor = new Thread(() -> {
      while (!server.isClosed()) {
        try (Socket socket = server.accept()) {
          socket.setSoTimeout(5_000);
          socket.getInputStream().read();
        } catch (IOException e) {
          // handshake failures are the point of this server
        }
      }
    }, "tls-test-server");
    acceptor.setDaemon(true);
    acceptor.start();
    return server.getLocalPort();
  }

  /** A plaintext gRPC server with only the health service. */
  int grpcWithoutAllianceServices() throws IOException {
    Server server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
        .addService(new HealthStatusManager().getHealthService()).build().start();
    open.add(() -> server.shutdownNow().awaitTermination());
    return server.getPort();
  }

  /** Accepts connections and never writes a byte. */
  int silent() throws IOException {
    ServerSocket server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
    open.add(server);
    List<Socket> held = new ArrayList<>();
    Thread acceptor = new Thread(() -> {
      while (!server.isClosed()) {
        try {
          Socket socket = server.accept();
          synchronized (held) {
            held.add(socket);
          }
          InputStream ignored = socket.getInputStream();
        } catch (IOException e) {
          return;
        }
      }
    }, "silent-test-server");
    acceptor.setDaemon(true);
    acceptor.start();
    open.add(() -> {
      synchronized (held) {
        for (Socket socket : held) {
          socket.close();
        }
      }
    });
    return server.getLocalPort();
  }

  /** A port nothing listens on (bound, then released). */
  static int closed() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() throws Exception {
    for (AutoCloseable closeable : open) {
      closeable.close();
    }
  }
}
