package org.alliancechain.crypto;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/** PEM files of X.509 certificates ({@code CERTIFICATE} blocks), one or a chain. */
public final class CertificatePem {
  private static final String LABEL = "CERTIFICATE";

  private CertificatePem() {}

  public static String encode(X509Certificate certificate) {
    return Pem.encode(LABEL, der(certificate));
  }

  /** The certificates one after another, leaf first by convention. */
  public static String encodeChain(List<X509Certificate> chain) {
    StringBuilder out = new StringBuilder();
    for (X509Certificate certificate : chain) {
      out.append(encode(certificate));
    }
    return out.toString();
  }

  /** The single certificate in {@code pem}. */
  public static X509Certificate decode(String pem) throws CryptoException {
    return X509Signer.parse(Pem.decodeOne(pem, LABEL));
  }

  /** Every certificate in {@code pem}, in order; at least one, and nothing but certificates. */
  public static List<X509Certificate> decodeChain(String pem) throws CryptoException {
    List<X509Certificate> chain = new ArrayList<>();
    List<Pem.Block> blocks = Pem.decodeAll(pem, LABEL);
    for (int i = 0; i < blocks.size(); i++) {
      Pem.Block block = blocks.get(i);
      if (!block.label().equals(LABEL)) {
        throw new CryptoException("PEM block " + (i + 1) + " (line " + block.line() + ") is '"
            + block.label() + "', expected '" + LABEL + "'");
      }
      try {
        chain.add(X509Signer.parse(block.der()));
      } catch (CryptoException e) {
        throw new CryptoException("certificate " + (i + 1) + " (line " + block.line() + "): "
            + e.getMessage(), e);
      }
    }
    return List.copyOf(chain);
  }

  private static byte[] der(X509Certificate certificate) {
    try {
      return certificate.getEncoded();
    } catch (CertificateEncodingException e) {
      throw new IllegalArgumentException("certificate cannot be encoded: " + e.getMessage(), e);
    }
  }
}
