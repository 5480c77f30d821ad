package org.alliancechain.crypto;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;

/**
 * Signs certificates with this module's own ECDSA P-256 keys (ecdsa-with-SHA256, RFC 6979
 * nonces), so no JCA provider needs registering, and returns them as the JDK parses them.
 */
final class X509Signer {
  private X509Signer() {}

  static X509Certificate sign(X509v3CertificateBuilder builder, SigningKey issuerKey)
      throws CryptoException {
    X509CertificateHolder holder = builder.build(new P256ContentSigner(issuerKey));
    try {
      return parse(holder.getEncoded());
    } catch (IOException e) {
      throw new IllegalStateException("encoding a certificate failed", e);
    }
  }

  static X509Certificate parse(byte[] der) throws CryptoException {
    try {
      return (X509Certificate) CertificateFactory.getInstance("X.509")
          .generateCertificate(new ByteArrayInputStream(der));
    } catch (CertificateException | RuntimeException e) {
      throw new CryptoException("malformed X.509 certificate: " + e.getMessage(), e);
    }
  }

  /** Collects the to-be-signed bytes and signs them, DER-encoding r and s as X.509 wants. */
  private static final class P256ContentSigner implements ContentSigner {
    private static final int SCALAR_LENGTH = 32;
    private final SigningKey key;
    private final ByteArrayOutputStream tbs = new ByteArrayOutputStream();

    P256ContentSigner(SigningKey key) {
      this.key = key;
    }

    @Override
    public AlgorithmIdentifier getAlgorithmIdentifier() {
      return new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA256);
    }

    @Override
    public OutputStream getOutputStream() {
      return tbs;
    }

    @Override
    public byte[] getSignature() {
      byte[] raw = key.sign(tbs.toByteArray());
      BigInteger r = new BigInteger(1, Arrays.copyOfRange(raw, 0, SCALAR_LENGTH));
      BigInteger s = new BigInteger(1, Arrays.copyOfRange(raw, SCALAR_LENGTH, 2 * SCALAR_LENGTH));
      try {
        return new DERSequence(new ASN1Integer[] {new ASN1Integer(r), new ASN1Integer(s)})
            .getEncoded(ASN1Encoding.DER);
      } catch (IOException e) {
        throw new IllegalStateException("DER encoding of a signature failed", e);
      }
    }
  }
}
