package org.alliancechain.crypto;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.SignatureException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/**
 * The alliance's X.509 certificates (docs/adr/0011-certificates-and-tls-keys.md): each member
 * organization has a self-signed CA certificate; each node has a TLS certificate issued by its
 * organization's CA, naming the node in a SAN URI {@code urn:alliance:node:<nodeId>} and in its
 * CN. Keys are ECDSA P-256 in both suites, because the JDK's TLS 1.3 has no SM2. All types in
 * and out are the JDK's; every failure is a {@link CryptoException} naming what failed.
 */
public final class Certificates {
  /** The SAN URI prefix that names a node. */
  public static final String NODE_URI_PREFIX = "urn:alliance:node:";
  private static final int SAN_URI = 6;
  private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
  private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
  private static final int KEY_USAGE_KEY_CERT_SIGN = 5;

  private Certificates() {}

  /**
   * A self-signed CA certificate for {@code organizationId} ({@code O=<id>, CN=<id> CA}):
   * basicConstraints CA with path length 0 (it issues node certificates only), keyCertSign.
   *
   * @param caKey an ECDSA P-256 key
   */
  public static X509Certificate createOrganizationCa(String organizationId, SigningKey caKey,
      Instant notBefore, Instant notAfter) throws CryptoException {
    return CertificateProfiles.organizationCa(organizationId, caKey, notBefore, notAfter);
  }

  /**
   * A node TLS certificate issued by {@code ca} (whose private key is {@code caKey}): subject
   * {@code CN=<nodeId>, O=<organizationId>}, SAN URI plus the requested DNS names and IP
   * addresses, EKU serverAuth and clientAuth, not a CA.
   */
  public static X509Certificate issueNodeCertificate(NodeCertificateRequest request,
      X509Certificate ca, SigningKey caKey) throws CryptoException {
    return CertificateProfiles.node(request, ca, caKey);
  }

  /**
   * Checks that {@code cert} was issued by {@code ca}: the CA is a CA, the issuer name matches,
   * the signature verifies with the CA's key, and both are within their validity at {@code now}.
   *
   * @throws CryptoException naming the first check that failed
   */
  public static void verifyIssuedBy(X509Certificate cert, X509Certificate ca, Instant now)
      throws CryptoException {
    requireCa(ca);
    String caName = ca.getSubjectX500Principal().getName();
    String certName = cert.getSubjectX500Principal().getName();
    if (!cert.getIssuerX500Principal().equals(ca.getSubjectX500Principal())) {
      throw new CryptoException("certificate " + certName + " is not issued by CA " + caName
          + ": its issuer is " + cert.getIssuerX500Principal().getName());
    }
    try {
      cert.verify(ca.getPublicKey());
    } catch (SignatureException | InvalidKeyException e) {
      throw new CryptoException("certificate " + certName + " is not issued by CA " + caName
          + ": its signature does not verify with the CA's key", e);
    } catch (GeneralSecurityException e) {
      throw new CryptoException("cannot check the signature of certificate " + certName
          + " (algorithm " + cert.getSigAlgName() + "): " + e.getMessage(), e);
    }
    requireValid(ca, "CA certificate", now);
    requireValid(cert, "certificate", now);
  }

  /**
   * Checks a peer's node certificate against its organization's CA: {@link #verifyIssuedBy},
   * not a CA itself, usable for TLS as server and client, same organization as the CA.
   *
   * @return the node id it certifies
   */
  public static String verifyNodeCertificate(X509Certificate cert, X509Certificate ca, Instant now)
      throws CryptoException {
    verifyIssuedBy(cert, ca, now);
    String name = cert.getSubjectX500Principal().getName();
    if (cert.getBasicConstraints() >= 0) {
      throw new CryptoException("certificate " + name + " is a CA certificate, not a node's");
    }
    List<String> usages;
    try {
      usages = cert.getExtendedKeyUsage();
    } catch (CertificateParsingException e) {
      throw new CryptoException("certificate " + name + " has a malformed extended key usage", e);
    }
    if (usages == null || !usages.contains(SERVER_AUTH) || !usages.contains(CLIENT_AUTH)) {
      throw new CryptoException("certificate " + name + " is not usable for TLS both ways: its"
          + " extended key usage must include serverAuth and clientAuth, got " + usages);
    }
    String organization = organizationIdOf(cert);
    if (!organization.equals(organizationIdOf(ca))) {
      throw new CryptoException("certificate " + name + " names organization '" + organization
          + "' but its CA belongs to '" + organizationIdOf(ca) + "'");
    }
    return nodeIdOf(cert);
  }

  /** The node id a certificate names: its SAN URI {@code urn:alliance:node:<id>}, else its CN. */
  public static String nodeIdOf(X509Certificate cert) throws CryptoException {
    Collection<List<?>> names;
    try {
      names = cert.getSubjectAlternativeNames();
    } catch (CertificateParsingException e) {
      throw new CryptoException("certificate " + cert.getSubjectX500Principal().getName()
          + " has a malformed subject alternative name", e);
    }
    if (names != null) {
      for (List<?> name : names) {
        if (name.size() == 2 && Integer.valueOf(SAN_URI).equals(name.get(0))
            && name.get(1) instanceof String uri && uri.startsWith(NODE_URI_PREFIX)) {
          String nodeId = uri.substring(NODE_URI_PREFIX.length());
          CertificateProfiles.requireIdentifier("node id in the SAN URI", nodeId);
          return nodeId;
        }
      }
    }
    return attribute(cert, BCStyle.CN, "common name (CN) or SAN URI " + NODE_URI_PREFIX + "...");
  }

  /** The organization id a certificate names in its subject O attribute. */
  public static String organizationIdOf(X509Certificate cert) throws CryptoException {
    return attribute(cert, BCStyle.O, "organization (O)");
  }

  /** The certificate's public key as this module's {@link PublicKey}. */
  public static PublicKey publicKeyOf(X509Certificate cert) throws CryptoException {
    return KeyPem.decodePublicDer(cert.getPublicKey().getEncoded());
  }

  /** Throws unless {@code ca} is a CA: basicConstraints cA, and keyCertSign if key usage is set. */
  static void requireCa(X509Certificate ca) throws CryptoException {
    String name = ca.getSubjectX500Principal().getName();
    if (ca.getBasicConstraints() < 0) {
      throw new CryptoException("CA is not a CA: certificate " + name + " lacks basicConstraints"
          + " cA=true");
    }
    boolean[] keyUsage = ca.getKeyUsage();
    if (keyUsage != null && (keyUsage.length <= KEY_USAGE_KEY_CERT_SIGN
        || !keyUsage[KEY_USAGE_KEY_CERT_SIGN])) {
      throw new CryptoException("CA is not a CA: certificate " + name + " may not sign"
          + " certificates (key usage lacks keyCertSign)");
    }
  }

  private static void requireValid(X509Certificate cert, String what, Instant now)
      throws CryptoException {
    Instant notBefore = cert.getNotBefore().toInstant();
    Instant notAfter = cert.getNotAfter().toInstant();
    String name = cert.getSubjectX500Principal().getName();
    if (now.isBefore(notBefore)) {
      throw new CryptoException(what + " " + name + " is not yet valid until " + notBefore);
    }
    if (now.isAfter(notAfter)) {
      throw new CryptoException(what + " " + name + " expired at " + notAfter);
    }
  }

  private static String attribute(X509Certificate cert, ASN1ObjectIdentifier type, String what)
      throws CryptoException {
    X500Name subject = X500Name.getInstance(cert.getSubjectX500Principal().getEncoded());
    RDN[] rdns = subject.getRDNs(type);
    if (rdns.length == 0) {
      throw new CryptoException("certificate " + cert.getSubjectX500Principal().getName()
          + " names no " + what);
    }
    return IETFUtils.valueToString(rdns[0].getFirst().getValue());
  }
}
