package org.alliancechain.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;

/**
 * The certificates and JDK keys of this module make a real mutually authenticated TLS 1.3
 * connection with the JDK's own TLS stack, on 127.0.0.1, as the p2p module will.
 */
class TlsHandshakeTest {
  private static final char[] PASSWORD = "unused".toCharArray();

  @Test
  void twoNodesOfAnOrganizationHandshakeAndIdentifyEachOther() throws Exception {
    Instant now = Instant.now();
    SigningKey caKey = TestKeys.key(SignatureScheme.ECDSA_P256, 200);
    X509Certificate ca = Certificates.createOrganizationCa("bank-a", caKey,
        now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)));
    SigningKey serverKey = TestKeys.key(SignatureScheme.ECDSA_P256, 201);
    SigningKey clientKey = TestKeys.key(SignatureScheme.ECDSA_P256, 202);
    X509Certificate serverCert = issue(ca, caKey, "node-1", serverKey, now);
    X509Certificate clientCert = issue(ca, caKey, "node-2", clientKey, now);
    SSLContext server = context(serverKey, serverCert, ca);
    SSLContext client = context(clientKey, clientCert, ca);
    ExecutorService executor = Executors.newSingleThreadExecutor();

    try (SSLServerSocket listener = (SSLServerSocket) server.getServerSocketFactory()
        .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      listener.setNeedClientAuth(true);
      listener.setEnabledProtocols(new String[] {"TLSv1.3"});
      listener.setSoTimeout(10_000);
      Future<String> serverSide = executor.submit(() -> {
        try (SSLSocket socket = (SSLSocket) listener.accept()) {
          socket.setSoTimeout(10_000);
          int request = socket.getInputStream().read();
          socket.getOutputStream().write(request + 1);
          socket.getOutputStream().flush();
          X509Certificate peer = (X509Certificate) socket.getSession().getPeerCertificates()[0];
          return Certificates.verifyNodeCertificate(peer, ca, Instant.now());
        }
      });
      try (SSLSocket socket = (SSLSocket) client.getSocketFactory()
          .createSocket(InetAddress.getLoopbackAddress(), listener.getLocalPort())) {
        socket.setSoTimeout(10_000);
        socket.setEnabledProtocols(new String[] {"TLSv1.3"});
        socket.getOutputStream().write(41);
        socket.getOutputStream().flush();

        assertThat(socket.getInputStream().read()).isEqualTo(42);
        assertThat(socket.getSession().getProtocol()).isEqualTo("TLSv1.3");
        X509Certificate peer = (X509Certificate) socket.getSession().getPeerCertificates()[0];
        assertThat(Certificates.verifyNodeCertificate(peer, ca, Instant.now())).isEqualTo("node-1");
      }
      assertThat(serverSide.get(10, TimeUnit.SECONDS)).isEqualTo("node-2");
    } finally {
      executor.shutdownNow();
    }
  }

  private static X509Certificate issue(X509Certificate ca, SigningKey caKey, String nodeId,
      SigningKey key, Instant now) throws CryptoException {
    return Certificates.issueNodeCertificate(new NodeCertificateRequest(nodeId, "bank-a",
        key.publicKey(), List.of("localhost"), List.of("127.0.0.1"), now.minus(Duration.ofHours(1)),
        now.plus(Duration.ofDays(7))), ca, caKey);
  }

  private static SSLContext context(SigningKey key, X509Certificate cert, X509Certificate ca)
      throws Exception {
    KeyStore keys = KeyStore.getInstance("PKCS12");
    keys.load(null, null);
    keys.setKeyEntry("node", key.toJcaPrivateKey(), PASSWORD, new Certificate[] {cert, ca});
    KeyManagerFactory keyManagers = KeyManagerFactory.getInstance("PKIX");
    keyManagers.init(keys, PASSWORD);
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("ca", ca);
    TrustManagerFactory trustManagers = TrustManagerFactory.getInstance("PKIX");
    trustManagers.init(trust);
    SSLContext context = SSLContext.getInstance("TLSv1.3");
    context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
    return context;
  }
}
