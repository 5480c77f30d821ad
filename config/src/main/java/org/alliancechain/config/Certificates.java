package org.alliancechain.config;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.security.NoSuchProviderException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;

/**
 * PEM X.509 certificates with the JDK's own parser and verifier (the JDK also runs the TLS links,
 * so a certificate it cannot read here would fail there too).
 */
final class Certificates {
  static final String BEGIN = "-----BEGIN CERTIFICATE-----";
  private static final String END = "-----END CERTIFICATE-----";

  private Certificates() {}

  /** The one certificate of {@code pem}; the exception message says what is wrong. */
  static X509Certificate parsePem(String pem) throws CertificateException {
    if (!pem.strip().startsWith(BEGIN) || !pem.strip().endsWith(END)) {
      throw new CertificateException("expected " + BEGIN + " ... " + END);
    }
    CertificateFactory factory = CertificateFactory.getInstance("X.509");
    Collection<? extends java.security.cert.Certificate> all =
        factory.generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    if (all.size() != 1) {
      throw new CertificateException("expected exactly one certificate, found " + all.size());
    }
    return (X509Certificate) all.iterator().next();
  }

  /** The PEM text of {@code certificate}: 64-character base64 lines, ending in a newline. */
  static String toPem(X509Certificate certificate) {
    try {
      String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
          .encodeToString(certificate.getEncoded());
      return BEGIN + "\n" + base64 + "\n" + END + "\n";
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException("a parsed certificate could not be encoded again", e);
    }
  }

  /** Why {@code certificate} is not valid at {@code time}, or {@code null} when it is. */
  static String validityProblem(X509Certificate certificate, Instant time) {
    try {
      certificate.checkValidity(Date.from(time));
      return null;
    } catch (CertificateExpiredException | CertificateNotYetValidException e) {
      return "not valid at genesisTime " + time + " (valid from "
          + certificate.getNotBefore().toInstant() + " to " + certificate.getNotAfter().toInstant() + ")";
    }
  }

  /** Why {@code certificate} was not signed by {@code issuer}'s key, or {@code null} when it was. */
  static String issuerProblem(X509Certificate certificate, X509Certificate issuer, String issuerName) {
    try {
      certificate.verify(issuer.getPublicKey());
      return null;
    } catch (NoSuchAlgorithmException | NoSuchProviderException e) {
      return "signed with " + certificate.getSigAlgName()
          + ", which the JDK cannot verify (expected e.g. SHA256withECDSA or Ed25519)";
    } catch (GeneralSecurityException e) {
      return "not issued by " + issuerName + " (the signature does not verify with its key)";
    }
  }

  /** A short name for messages: the subject's distinguished name. */
  static String describe(X509Certificate certificate) {
    return certificate.getSubjectX500Principal().getName();
  }
}
