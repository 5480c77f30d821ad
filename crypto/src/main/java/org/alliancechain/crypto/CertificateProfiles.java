package org.alliancechain.crypto;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.bc.BcX509ExtensionUtils;
import org.bouncycastle.util.IPAddress;

/** The two certificate profiles of docs/adr/0011: organization CA and node TLS certificate. */
final class CertificateProfiles {
  /** Node and organization ids: what fits a URN, a CN and a file name without escaping. */
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final Pattern DNS_NAME = Pattern.compile(
      "(\\*\\.)?[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}"
          + "[A-Za-z0-9])?)*");
  private static final int DNS_NAME_LENGTH_MAX = 253;
  private static final int SERIAL_BYTES = 16;
  private static final SecureRandom RANDOM = new SecureRandom();

  private CertificateProfiles() {}

  static X509Certificate organizationCa(String organizationId, SigningKey caKey,
      Instant notBefore, Instant notAfter) throws CryptoException {
    requireIdentifier("organization id", organizationId);
    requireP256("CA key", caKey.scheme());
    X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
        .addRDN(BCStyle.O, organizationId).addRDN(BCStyle.CN, organizationId + " CA").build();
    SubjectPublicKeyInfo spki = spki(caKey.publicKey());
    X509v3CertificateBuilder builder = builder(subject, subject, spki, notBefore, notAfter);
    try {
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
          .addExtension(Extension.keyUsage, true,
              new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
          .addExtension(Extension.subjectKeyIdentifier, false,
              new BcX509ExtensionUtils().createSubjectKeyIdentifier(spki));
    } catch (CertIOException e) {
      throw new IllegalStateException("encoding CA certificate extensions failed", e);
    }
    return X509Signer.sign(builder, caKey);
  }

  static X509Certificate node(NodeCertificateRequest request, X509Certificate ca,
      SigningKey caKey) throws CryptoException {
    requireIdentifier("node id", request.nodeId());
    requireIdentifier("organization id", request.organizationId());
    requireP256("node TLS key", request.tlsKey().scheme());
    requireP256("CA key", caKey.scheme());
    Certificates.requireCa(ca);
    if (!Certificates.publicKeyOf(ca).equals(caKey.publicKey())) {
      throw new CryptoException("the CA key does not belong to CA certificate "
          + ca.getSubjectX500Principal().getName());
    }
    X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
        .addRDN(BCStyle.O, request.organizationId()).addRDN(BCStyle.CN, request.nodeId()).build();
    X500Name issuer = X500Name.getInstance(ca.getSubjectX500Principal().getEncoded());
    SubjectPublicKeyInfo spki = spki(request.tlsKey());
    X509v3CertificateBuilder builder =
        builder(issuer, subject, spki, request.notBefore(), request.notAfter());
    try {
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
          .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
          .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
              new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}))
          .addExtension(Extension.subjectAlternativeName, false, subjectAltNames(request))
          .addExtension(Extension.subjectKeyIdentifier, false,
              new BcX509ExtensionUtils().createSubjectKeyIdentifier(spki))
          .addExtension(Extension.authorityKeyIdentifier, false, authorityKeyId(ca));
    } catch (CertIOException e) {
      throw new IllegalStateException("encoding node certificate extensions failed", e);
    }
    return X509Signer.sign(builder, caKey);
  }

  private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject,
      SubjectPublicKeyInfo spki, Instant notBefore, Instant notAfter) throws CryptoException {
    // X.509 times have whole seconds (RFC 5280 forbids fractions).
    Instant from = notBefore.truncatedTo(ChronoUnit.SECONDS);
    Instant until = notAfter.truncatedTo(ChronoUnit.SECONDS);
    if (!from.isBefore(until)) {
      throw new CryptoException("invalid validity window: notBefore " + from
          + " must be before notAfter " + until);
    }
    return new X509v3CertificateBuilder(issuer, serialNumber(), Date.from(from), Date.from(until),
        subject, spki);
  }

  private static GeneralNames subjectAltNames(NodeCertificateRequest request)
      throws CryptoException {
    List<GeneralName> names = new ArrayList<>();
    names.add(new GeneralName(GeneralName.uniformResourceIdentifier,
        Certificates.NODE_URI_PREFIX + request.nodeId()));
    for (String dns : request.dnsNames()) {
      if (dns == null || dns.length() > DNS_NAME_LENGTH_MAX || !DNS_NAME.matcher(dns).matches()) {
        throw new CryptoException("not a valid DNS name for the certificate: '" + dns
            + "' (expected dot-separated labels of letters, digits and hyphens, e.g."
            + " node1.example.org)");
      }
      names.add(new GeneralName(GeneralName.dNSName, dns));
    }
    for (String ip : request.ipAddresses()) {
      if (ip == null || !IPAddress.isValid(ip)) {
        throw new CryptoException("not an IP address literal for the certificate: '" + ip
            + "' (expected e.g. 10.0.0.7 or fd00::7)");
      }
      names.add(new GeneralName(GeneralName.iPAddress, ip));
    }
    return new GeneralNames(names.toArray(new GeneralName[0]));
  }

  /** The CA's own key identifier, so the two match byte for byte even for an external CA. */
  private static AuthorityKeyIdentifier authorityKeyId(X509Certificate ca) throws CryptoException {
    byte[] extension = ca.getExtensionValue(Extension.subjectKeyIdentifier.getId());
    if (extension != null) {
      byte[] keyId = ASN1OctetString.getInstance(
          ASN1OctetString.getInstance(extension).getOctets()).getOctets();
      return new AuthorityKeyIdentifier(keyId);
    }
    return new BcX509ExtensionUtils()
        .createAuthorityKeyIdentifier(spki(Certificates.publicKeyOf(ca)));
  }

  private static SubjectPublicKeyInfo spki(PublicKey key) {
    return SubjectPublicKeyInfo.getInstance(KeyDer.encodePublic(key));
  }

  /** 127 random bits: unique without coordination, positive as RFC 5280 requires. */
  private static BigInteger serialNumber() {
    byte[] bytes = new byte[SERIAL_BYTES];
    RANDOM.nextBytes(bytes);
    bytes[0] &= 0x7f;
    bytes[0] |= 0x40;
    return new BigInteger(1, bytes);
  }

  static void requireIdentifier(String what, String value) throws CryptoException {
    if (value == null || !IDENTIFIER.matcher(value).matches()) {
      throw new CryptoException("not a valid " + what + ": '" + value + "' (expected 1 to 64"
          + " letters, digits, '.', '_' or '-', starting with a letter or digit)");
    }
  }

  private static void requireP256(String what, SignatureScheme scheme) throws CryptoException {
    if (scheme != SignatureScheme.ECDSA_P256) {
      throw new CryptoException("wrong key type for the " + what + ": expected ecdsa-p256 (TLS"
          + " and CA keys are ECDSA P-256 in both suites, docs/adr/0011), got " + scheme.id());
    }
  }
}
