package org.alliancechain.bench.p2p;

import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.alliancechain.crypto.Certificates;
import org.alliancechain.crypto.CryptoException;
import org.alliancechain.crypto.NodeCertificateRequest;
import org.alliancechain.crypto.SignatureScheme;
import org.alliancechain.crypto.SigningKey;
import org.alliancechain.p2p.Member;
import org.alliancechain.p2p.MemberRole;
import org.alliancechain.p2p.MembershipSnapshot;
import org.alliancechain.p2p.TlsIdentity;

/** Two organizations, one node each, with real certificates from crypto. */
final class BenchPki {
  private static final SecureRandom RANDOM = new SecureRandom();
  final TlsIdentity first;
  final TlsIdentity second;
  final MembershipSnapshot membership;

  BenchPki() throws CryptoException {
    Instant now = Instant.now();
    SigningKey caKeyA = SigningKey.generate(SignatureScheme.ECDSA_P256, RANDOM);
    SigningKey caKeyB = SigningKey.generate(SignatureScheme.ECDSA_P256, RANDOM);
    X509Certificate caA = Certificates.createOrganizationCa("org-a", caKeyA,
        now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)));
    X509Certificate caB = Certificates.createOrganizationCa("org-b", caKeyB,
        now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)));
    first = node("bench-1", "org-a", caA, caKeyA, now);
    second = node("bench-2", "org-b", caB, caKeyB, now);
    membership = new MembershipSnapshot(Map.of("org-a", caA, "org-b", caB), Map.of(
        "bench-1", Member.of("bench-1", "org-a", MemberRole.VALIDATOR),
        "bench-2", Member.of("bench-2", "org-b", MemberRole.VALIDATOR)));
  }

  private static TlsIdentity node(String nodeId, String orgId, X509Certificate ca,
      SigningKey caKey, Instant now) throws CryptoException {
    SigningKey key = SigningKey.generate(SignatureScheme.ECDSA_P256, RANDOM);
    X509Certificate certificate = Certificates.issueNodeCertificate(new NodeCertificateRequest(
        nodeId, orgId, key.publicKey(), List.of("localhost"), List.of("127.0.0.1"),
        now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(30))), ca, caKey);
    return new TlsIdentity(nodeId, key.toJcaPrivateKey(), List.of(certificate));
  }
}
