package org.alliancechain.crypto;

import java.math.BigInteger;
import java.security.SecureRandom;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.util.BigIntegers;

/** Key handling shared by the two Weierstrass-curve schemes, ECDSA P-256 and SM2. */
abstract class EcEngine implements SchemeEngine {
  private static final int SCALAR_LENGTH = 32;
  private static final int POINT_LENGTH = 65;

  final ECDomainParameters domain;
  private final String schemeName;

  EcEngine(X9ECParameters curve, String schemeName) {
    this.domain = new ECDomainParameters(curve);
    this.schemeName = schemeName;
  }

  @Override
  public Object decodePublic(byte[] encoded) throws CryptoException {
    if (encoded.length != POINT_LENGTH || encoded[0] != 0x04) {
      throw new CryptoException("not a valid " + schemeName + " public key: expected the "
          + POINT_LENGTH + "-byte uncompressed point 0x04||X||Y, got " + encoded.length
          + " bytes" + (encoded.length > 0 ? String.format(" starting 0x%02x", encoded[0]) : ""));
    }
    ECPoint point;
    try {
      point = domain.getCurve().decodePoint(encoded);
    } catch (RuntimeException e) {
      throw new CryptoException("not a valid " + schemeName + " public key: the point is not on"
          + " the curve", e);
    }
    if (point.isInfinity() || !point.isValid()) {
      throw new CryptoException("not a valid " + schemeName + " public key: the point is not a"
          + " valid curve point");
    }
    return new ECPublicKeyParameters(point, domain);
  }

  @Override
  public Object decodePrivate(byte[] encoded) throws CryptoException {
    if (encoded.length != SCALAR_LENGTH) {
      throw new CryptoException("not a valid " + schemeName + " private key: expected "
          + SCALAR_LENGTH + " bytes, got " + encoded.length);
    }
    BigInteger scalar = new BigInteger(1, encoded);
    if (scalar.signum() == 0 || scalar.compareTo(maxPrivateScalar()) > 0) {
      throw new CryptoException("not a valid " + schemeName + " private key: the scalar is out of"
          + " range [1, n-" + (maxPrivateScalar().equals(domain.getN().subtract(BigInteger.ONE))
          ? "1" : "2") + "]");
    }
    return new ECPrivateKeyParameters(scalar, domain);
  }

  /** The largest valid private scalar; SM2 excludes n-1 because it needs (1 + d) invertible. */
  BigInteger maxPrivateScalar() {
    return domain.getN().subtract(BigInteger.ONE);
  }

  @Override
  public byte[] generatePrivate(SecureRandom random) {
    BigInteger max = maxPrivateScalar();
    BigInteger scalar;
    do {
      scalar = BigIntegers.createRandomBigInteger(256, random);
    } while (scalar.signum() == 0 || scalar.compareTo(max) > 0);
    return BigIntegers.asUnsignedByteArray(SCALAR_LENGTH, scalar);
  }

  @Override
  public byte[] publicOf(Object privateKey) {
    BigInteger d = ((ECPrivateKeyParameters) privateKey).getD();
    return new FixedPointCombMultiplier().multiply(domain.getG(), d).normalize().getEncoded(false);
  }

  /** Splits a 64-byte r||s signature; null when the length is wrong. */
  static BigInteger[] splitSignature(byte[] signature) {
    if (signature == null || signature.length != 2 * SCALAR_LENGTH) {
      return null;
    }
    return new BigInteger[] {
      new BigInteger(1, java.util.Arrays.copyOfRange(signature, 0, SCALAR_LENGTH)),
      new BigInteger(1, java.util.Arrays.copyOfRange(signature, SCALAR_LENGTH, 2 * SCALAR_LENGTH))
    };
  }

  static byte[] joinSignature(BigInteger r, BigInteger s) {
    byte[] out = new byte[2 * SCALAR_LENGTH];
    BigIntegers.asUnsignedByteArray(r, out, 0, SCALAR_LENGTH);
    BigIntegers.asUnsignedByteArray(s, out, SCALAR_LENGTH, SCALAR_LENGTH);
    return out;
  }
}
