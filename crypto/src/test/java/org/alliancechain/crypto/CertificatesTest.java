package org.alliancechain.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.junit.jupiter.api.Test;

class CertificatesTest {
  static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  static final Instant YEAR_AGO = NOW.minus(Duration.ofDays(365));
  static final Instant IN_A_YEAR = NOW.plus(Duration.ofDays(365));

  static final SigningKey CA_KEY = TestKeys.key(SignatureScheme.ECDSA_P256, 100);
  static final SigningKey NODE_KEY = TestKeys.key(SignatureScheme.ECDSA_P256, 101);

  static X509Certificate ca() throws CryptoException {
    return Certificates.createOrganizationCa("bank-a", CA_KEY, YEAR_AGO, IN_A_YEAR.plus(Duration.ofDays(365)));
  }

  static NodeCertificateRequest request(Instant notBefore, Instant notAfter) {
    return new NodeCertificateRequest("node-1", "bank-a", NODE_KEY.publicKey(),
        List.of("node1.bank-a.example", "localhost"), List.of("127.0.0.1", "fd00::7"),
        notBefore, notAfter);
  }

  static X509Certificate node(X509Certificate ca) throws CryptoException {
    return Certificates.issueNodeCertificate(request(YEAR_AGO, IN_A_YEAR), ca, CA_KEY);
  }

  @Test
  void organizationCaIsASelfSignedCaForNodeCertificatesOnly() throws Exception {
    X509Certificate ca = ca();

    ca.verify(ca.getPublicKey());
    assertThat(ca.getSubjectX500Principal().getName()).isEqualTo("CN=bank-a CA,O=bank-a");
    assertThat(ca.getIssuerX500Principal()).isEqualTo(ca.getSubjectX500Principal());
    assertThat(ca.getBasicConstraints()).as("CA with path length 0").isZero();
    assertThat(ca.getKeyUsage()[5]).as("keyCertSign").isTrue();
    assertThat(ca.getCriticalExtensionOIDs()).contains("2.5.29.19", "2.5.29.15");
    assertThat(ca.getSigAlgName()).isEqualTo("SHA256withECDSA");
    assertThat(ca.getVersion()).isEqualTo(3);
    assertThat(ca.getNotBefore().toInstant()).isEqualTo(YEAR_AGO);
    assertThat(Certificates.publicKeyOf(ca)).isEqualTo(CA_KEY.publicKey());
    assertThat(Certificates.organizationIdOf(ca)).isEqualTo("bank-a");
  }

  @Test
  void nodeCertificateCarriesTheNodeIdentityAndTlsUsages() throws Exception {
    X509Certificate ca = ca();
    X509Certificate node = node(ca);

    node.verify(ca.getPublicKey());
    assertThat(node.getSubjectX500Principal().getName()).isEqualTo("CN=node-1,O=bank-a");
    assertThat(node.getIssuerX500Principal()).isEqualTo(ca.getSubjectX500Principal());
    assertThat(node.getBasicConstraints()).as("not a CA").isEqualTo(-1);
    assertThat(node.getKeyUsage()[0]).as("digitalSignature").isTrue();
    assertThat(node.getExtendedKeyUsage())
        .containsExactly("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2");
    assertThat(node.getSubjectAlternativeNames()).containsExactly(
        List.of(6, "urn:alliance:node:node-1"), List.of(2, "node1.bank-a.example"),
        List.of(2, "localhost"), List.of(7, "127.0.0.1"), List.of(7, "fd00:0:0:0:0:0:0:7"));
    assertThat(authorityKeyId(node)).isEqualTo(subjectKeyId(ca));
    assertThat(Certificates.nodeIdOf(node)).isEqualTo("node-1");
    assertThat(Certificates.publicKeyOf(node)).isEqualTo(NODE_KEY.publicKey());
    assertThat(Certificates.verifyNodeCertificate(node, ca, NOW)).isEqualTo("node-1");
    Certificates.verifyIssuedBy(node, ca, NOW);
  }

  @Test
  void verifyIssuedBySaysWhenTheCertificateOrTheCaIsOutOfItsValidity() throws Exception {
    X509Certificate ca = ca();
    X509Certificate node = node(ca);

    assertThatThrownBy(() -> Certificates.verifyIssuedBy(node, ca, IN_A_YEAR.plusSeconds(1)))
        .isInstanceOf(CryptoException.class)
        .hasMessage("certificate CN=node-1,O=bank-a expired at 2027-03-01T12:00:00Z");
    assertThatThrownBy(() -> Certificates.verifyIssuedBy(node, ca, YEAR_AGO.minusSeconds(1)))
        .hasMessageContaining("CA certificate CN=bank-a CA,O=bank-a is not yet valid until"
            + " 2025-03-01T12:00:00Z");
    X509Certificate future = Certificates.issueNodeCertificate(
        request(NOW.plusSeconds(60), IN_A_YEAR), ca, CA_KEY);
    assertThatThrownBy(() -> Certificates.verifyIssuedBy(future, ca, NOW))
        .hasMessage("certificate CN=node-1,O=bank-a is not yet valid until 2026-03-01T12:01:00Z");
    X509Certificate shortCa = Certificates.createOrganizationCa("bank-a", CA_KEY, YEAR_AGO, NOW);
    X509Certificate longNode = Certificates.issueNodeCertificate(request(YEAR_AGO, IN_A_YEAR),
        shortCa, CA_KEY);
    assertThatThrownBy(() -> Certificates.verifyIssuedBy(longNode, shortCa, NOW.plusSeconds(1)))
        .hasMessage("CA certificate CN=bank-a CA,O=bank-a expired at 2026-03-01T12:00:00Z");
  }

  @Test
  void verifyIssuedBySaysWhenAnotherCaIssuedIt() throws Exception {
    X509Certificate node = node(ca());
    SigningKey otherKey = TestKeys.key(SignatureScheme.ECDSA_P256, 102);
    X509Certificate otherOrg = Certificates.createOrganizationCa("bank-b", otherKey, YEAR_AGO,
        IN_A_YEAR);
    // Same name as the real CA, different key: only the signature check can tell.
    X509Certificate impostor = Certificates.createOrganizationCa("bank-a", otherKey, YEAR_AGO,
        IN_A_YEAR);

    assertThatThrownBy(() -> Certificates.verifyIssuedBy(node, otherOrg, NOW))
        .hasMessage("certificate CN=node-1,O=bank-a is not issued by CA CN=bank-b CA,O=bank-b:"
            + " its issuer is CN=bank-a CA,O=bank-a");
    assertThatThrownBy(() -> Certificates.verifyIssuedBy(node, impostor, NOW))
        .hasMessage("certificate CN=node-1,O=bank-a is not issued by CA CN=bank-a CA,O=bank-a:"
            + " its signature does not verify with the CA's key");
  }

  @Test
  void aNodeCertificateCannotActAsACa() throws Exception {
    X509Certificate ca = ca();
    X509Certificate node = node(ca);

    assertThatThrownBy(() -> Certificates.verifyIssuedBy(node, node, NOW))
        .hasMessage("CA is not a CA: certificate CN=node-1,O=bank-a lacks basicConstraints"
            + " cA=true");
    assertThatThrownBy(() -> Certificates.issueNodeCertificate(request(YEAR_AGO, IN_A_YEAR), node,
        NODE_KEY)).hasMessageStartingWith("CA is not a CA");
    assertThatThrownBy(() -> Certificates.verifyNodeCertificate(ca, ca, NOW))
        .hasMessage("certificate CN=bank-a CA,O=bank-a is a CA certificate, not a node's");
  }

  @Test
  void nodeCertificateOfAnotherOrganizationNameIsRejected() throws Exception {
    X509Certificate ca = ca();
    NodeCertificateRequest request = new NodeCertificateRequest("node-9", "bank-z",
        NODE_KEY.publicKey(), List.of(), List.of(), YEAR_AGO, IN_A_YEAR);
    X509Certificate node = Certificates.issueNodeCertificate(request, ca, CA_KEY);

    assertThatThrownBy(() -> Certificates.verifyNodeCertificate(node, ca, NOW))
        .hasMessage("certificate CN=node-9,O=bank-z names organization 'bank-z' but its CA"
            + " belongs to 'bank-a'");
  }

  @Test
  void nodeIdFallsBackToTheCommonName() throws Exception {
    X509Certificate ca = ca();
    X500Name issuer = X500Name.getInstance(ca.getSubjectX500Principal().getEncoded());
    X509v3CertificateBuilder builder = new X509v3CertificateBuilder(issuer, BigInteger.TEN,
        Date.from(YEAR_AGO), Date.from(IN_A_YEAR), new X500Name("CN=legacy-7,O=bank-a"),
        SubjectPublicKeyInfo.getInstance(KeyPem.encodePublicDer(NODE_KEY.publicKey())));
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
    X509Certificate legacy = X509Signer.sign(builder, CA_KEY);
    X509Certificate nameless = X509Signer.sign(new X509v3CertificateBuilder(issuer,
        BigInteger.TWO, Date.from(YEAR_AGO), Date.from(IN_A_YEAR), new X500Name("O=bank-a"),
        SubjectPublicKeyInfo.getInstance(KeyPem.encodePublicDer(NODE_KEY.publicKey()))), CA_KEY);

    assertThat(Certificates.nodeIdOf(legacy)).isEqualTo("legacy-7");
    assertThatThrownBy(() -> Certificates.verifyNodeCertificate(legacy, ca, NOW))
        .hasMessageContaining("must include serverAuth and clientAuth, got null");
    assertThatThrownBy(() -> Certificates.nodeIdOf(nameless))
        .hasMessage("certificate O=bank-a names no common name (CN) or SAN URI"
            + " urn:alliance:node:...");
  }

  @Test
  void issuingRejectsBadRequestsWithTheReason() throws Exception {
    X509Certificate ca = ca();
    PublicKey ed = TestKeys.key(SignatureScheme.ED25519, 103).publicKey();
    PublicKey sm2 = TestKeys.key(SignatureScheme.SM2, 104).publicKey();
    SigningKey wrongCaKey = TestKeys.key(SignatureScheme.ECDSA_P256, 105);

    assertThatThrownBy(() -> issue(ca, "node 1", List.of(), List.of(), NODE_KEY.publicKey()))
        .hasMessageContaining("not a valid node id: 'node 1'");
    assertThatThrownBy(() -> issue(ca, "node-1", List.of("bad_name!"), List.of(), NODE_KEY.publicKey()))
        .hasMessageContaining("not a valid DNS name for the certificate: 'bad_name!'");
    assertThatThrownBy(() -> issue(ca, "node-1", List.of(), List.of("10.0.0.300"), NODE_KEY.publicKey()))
        .hasMessageContaining("not an IP address literal for the certificate: '10.0.0.300'");
    assertThatThrownBy(() -> issue(ca, "node-1", List.of(), List.of("example.org"), NODE_KEY.publicKey()))
        .hasMessageContaining("'example.org'");
    assertThatThrownBy(() -> issue(ca, "node-1", List.of(), List.of(), ed))
        .hasMessage("wrong key type for the node TLS key: expected ecdsa-p256 (TLS and CA keys"
            + " are ECDSA P-256 in both suites, docs/adr/0011), got ed25519");
    assertThatThrownBy(() -> issue(ca, "node-1", List.of(), List.of(), sm2))
        .hasMessageContaining("got sm2");
    assertThatThrownBy(() -> Certificates.issueNodeCertificate(request(YEAR_AGO, IN_A_YEAR), ca,
        wrongCaKey)).hasMessage("the CA key does not belong to CA certificate CN=bank-a CA,O=bank-a");
    assertThatThrownBy(() -> Certificates.issueNodeCertificate(request(NOW, NOW), ca, CA_KEY))
        .hasMessageContaining("notBefore 2026-03-01T12:00:00Z must be before notAfter");
    assertThatThrownBy(() -> Certificates.createOrganizationCa("bank/a", CA_KEY, YEAR_AGO, NOW))
        .hasMessageContaining("not a valid organization id: 'bank/a'");
    assertThatThrownBy(() -> Certificates.createOrganizationCa("bank-a",
        TestKeys.key(SignatureScheme.SM2, 106), YEAR_AGO, NOW)).hasMessageContaining("CA key");
  }

  @Test
  void certificatesAndChainsRoundTripThroughPem() throws Exception {
    X509Certificate ca = ca();
    X509Certificate node = node(ca);

    String pem = CertificatePem.encode(node);
    String chain = CertificatePem.encodeChain(List.of(node, ca));

    assertThat(pem).startsWith("-----BEGIN CERTIFICATE-----\n");
    assertThat(CertificatePem.decode(pem)).isEqualTo(node);
    assertThat(CertificatePem.decodeChain(chain)).containsExactly(node, ca);
    assertThatThrownBy(() -> CertificatePem.decode(chain))
        .hasMessage("expected exactly one PEM block 'CERTIFICATE', found 2");
    assertThatThrownBy(() -> CertificatePem.decodeChain(
        pem + KeyPem.encodePublic(NODE_KEY.publicKey())))
        .hasMessage("PEM block 2 (line " + (pem.lines().count() + 1) + ") is 'PUBLIC KEY',"
            + " expected 'CERTIFICATE'");
    byte[] der = ca.getEncoded();
    String truncated = "-----BEGIN CERTIFICATE-----\n" + java.util.Base64.getEncoder()
        .encodeToString(java.util.Arrays.copyOf(der, der.length / 2)) + "\n-----END CERTIFICATE-----\n";
    assertThatThrownBy(() -> CertificatePem.decodeChain(pem + truncated))
        .isInstanceOf(CryptoException.class).hasMessageStartingWith("certificate 2 (line");
    assertThatThrownBy(() -> CertificatePem.decode("-----BEGIN CERTIFICATE-----\nAAAA\n"
        + "-----END CERTIFICATE-----")).hasMessageStartingWith("malformed X.509 certificate");
  }

  private static X509Certificate issue(X509Certificate ca, String nodeId, List<String> dns,
      List<String> ips, PublicKey key) throws CryptoException {
    return Certificates.issueNodeCertificate(new NodeCertificateRequest(nodeId, "bank-a", key,
        dns, ips, YEAR_AGO, IN_A_YEAR), ca, CA_KEY);
  }

  private static byte[] subjectKeyId(X509Certificate cert) {
    return org.bouncycastle.asn1.x509.SubjectKeyIdentifier.getInstance(
        org.bouncycastle.asn1.ASN1OctetString.getInstance(cert.getExtensionValue("2.5.29.14"))
            .getOctets()).getKeyIdentifier();
  }

  private static byte[] authorityKeyId(X509Certificate cert) {
    return org.bouncycastle.asn1.x509.AuthorityKeyIdentifier.getInstance(
        org.bouncycastle.asn1.ASN1OctetString.getInstance(cert.getExtensionValue("2.5.29.35"))
            .getOctets()).getKeyIdentifierObject().getOctets();
  }
}
