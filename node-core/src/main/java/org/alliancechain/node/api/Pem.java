package org.alliancechain.node.api;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;

/** PEM text of JDK keys and certificates, the form gRPC's TLS credentials read. */
final class Pem {
  private static final Base64.Encoder BASE64 =
      Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));

  private Pem() {}

  static byte[] certificates(List<X509Certificate> chain) {
    StringBuilder pem = new StringBuilder();
    for (X509Certificate certificate : chain) {
      try {
        pem.append(block("CERTIFICATE", certificate.getEncoded()));
      } catch (CertificateEncodingException e) {
        throw new IllegalArgumentException("certificate "
            + certificate.getSubjectX500Principal().getName() + " cannot be encoded", e);
      }
    }
    return pem.toString().getBytes(StandardCharsets.US_ASCII);
  }

  /** PKCS #8, which {@link PrivateKey#getEncoded()} gives for EC, EdDSA and RSA keys. */
  static byte[] privateKey(PrivateKey key) {
    if (!"PKCS#8".equals(key.getFormat())) {
      throw new IllegalArgumentException("the server TLS key must be PKCS#8-encodable, this "
          + key.getAlgorithm() + " key's format is " + key.getFormat());
    }
    return block("PRIVATE KEY", key.getEncoded()).getBytes(StandardCharsets.US_ASCII);
  }

  private static String block(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n" + BASE64.encodeToString(der) + "\n-----END " + type
        + "-----\n";
  }
}
