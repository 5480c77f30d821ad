package org.alliancechain.p2p;

import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.alliancechain.crypto.Certificates;
import org.alliancechain.crypto.CryptoException;
import org.alliancechain.crypto.NodeCertificateRequest;
import org.alliancechain.crypto.SignatureScheme;
import org.alliancechain.crypto.SigningKey;

/** Real certificates for tests, made by crypto's {@link Certificates}: P-256 CAs and nodes. */
final class TestPki {
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A member organization (or a stranger's): its id, CA key and self-signed CA certificate. */
  record Organization(String id, SigningKey caKey, X509Certificate ca) {
    TlsIdentity node(String nodeId) {
      Instant now = Instant.now();
      return node(nodeId, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(30)));
    }

    /** A node certificate valid only in [notBefore, notAfter]. */
    TlsIdentity node(String nodeId, Instant notBefore, Instant notAfter) {
      try {
        SigningKey key = SigningKey.generate(SignatureScheme.ECDSA_P256, RANDOM);
        X509Certificate certificate = Certificates.issueNodeCertificate(
            new NodeCertificateRequest(nodeId, id, key.publicKey(), List.of("localhost"),
                List.of("127.0.0.1"), notBefore, notAfter),
            ca, caKey);
        return new TlsIdentity(nodeId, key.toJcaPrivateKey(), List.of(certificate));
      } catch (CryptoException e) {
        throw new IllegalStateException(e);
      }
    }

    TlsIdentity expiredNode(String nodeId) {
      Instant now = Instant.now();
      return node(nodeId, now.minus(Duration.ofDays(10)), now.minus(Duration.ofDays(1)));
    }
  }

  private TestPki() {}

  static Organization organization(String id) {
    try {
      SigningKey caKey = SigningKey.generate(SignatureScheme.ECDSA_P256, RANDOM);
      Instant now = Instant.now();
      X509Certificate ca = Certificates.createOrganizationCa(id, caKey,
          now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)));
      return new Organization(id, caKey, ca);
    } catch (CryptoException e) {
      throw new IllegalStateException(e);
    }
  }
}
