package org.alliancechain.crypto;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.signers.PlainDSAEncoding;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.util.BigIntegers;

/**
 * SM2 signatures (GB/T 32918.2) over the recommended curve sm2p256v1 with SM3 and the standard
 * default user id {@code 1234567812345678}, signatures encoded as plain 64-byte r||s.
 *
 * <p>Signing follows GB/T 32918.2 section 6.1 on BouncyCastle's curve arithmetic rather than its
 * {@code SM2Signer}, which recomputes the public point (a full scalar multiplication) every time
 * it is initialised for signing; verification uses {@code SM2Signer}.
 */
final class Sm2Engine extends EcEngine {
  /** GB/T 35276 default signer identity, used when the parties agree on no other. */
  static final byte[] DEFAULT_USER_ID = "1234567812345678".getBytes(StandardCharsets.US_ASCII);

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int COORDINATE_LENGTH = 32;
  /** Last among the statics: the constructor reads DEFAULT_USER_ID. */
  static final Sm2Engine INSTANCE = new Sm2Engine();

  private final byte[] userId;
  /** SM3 over ENTL || ID || a || b || xG || yG: the part of Z that is the same for every key. */
  private final SM3Digest userIdPrefix;

  private Sm2Engine() {
    // The custom curve (dedicated field arithmetic) verifies ~6x faster than the generic one.
    this(CustomNamedCurves.getByName("sm2p256v1"), DEFAULT_USER_ID);
  }

  /** Another curve or user id: only for the standard's worked examples, which use both. */
  Sm2Engine(X9ECParameters curve, byte[] userId) {
    super(curve, "SM2");
    this.userId = userId.clone();
    userIdPrefix = new SM3Digest();
    int idBits = userId.length * 8;
    userIdPrefix.update((byte) (idBits >>> 8));
    userIdPrefix.update((byte) idBits);
    update(userIdPrefix, userId);
    update(userIdPrefix, domain.getCurve().getA().getEncoded());
    update(userIdPrefix, domain.getCurve().getB().getEncoded());
    update(userIdPrefix, domain.getG().getAffineXCoord().getEncoded());
    update(userIdPrefix, domain.getG().getAffineYCoord().getEncoded());
  }

  @Override
  BigInteger maxPrivateScalar() {
    return domain.getN().subtract(BigInteger.TWO);
  }

  @Override
  public byte[] sign(Object privateKey, byte[] publicKey, byte[] message) {
    BigInteger d = ((ECPrivateKeyParameters) privateKey).getD();
    BigInteger n = domain.getN();
    while (true) {
      BigInteger k = BigIntegers.createRandomInRange(BigInteger.ONE, n.subtract(BigInteger.ONE),
          RANDOM);
      byte[] signature = signWithNonce(d, publicKey, message, k);
      if (signature != null) {
        return signature;
      }
    }
  }

  /**
   * Steps A1 to A7 of GB/T 32918.2 section 6.1 with nonce {@code k}; null when the standard says
   * to draw another k (r = 0, r + k = n or s = 0).
   */
  byte[] signWithNonce(BigInteger d, byte[] publicKey, byte[] message, BigInteger k) {
    BigInteger n = domain.getN();
    BigInteger e = new BigInteger(1, messageDigest(publicKey, message));
    ECPoint kg = new FixedPointCombMultiplier().multiply(domain.getG(), k).normalize();
    BigInteger r = e.add(kg.getAffineXCoord().toBigInteger()).mod(n);
    if (r.signum() == 0 || r.add(k).equals(n)) {
      return null;
    }
    BigInteger inverse = BigIntegers.modOddInverse(n, d.add(BigInteger.ONE));
    // BouncyCastle's modular helpers take the modulus first.
    BigInteger s = BigIntegers.modMult(n, inverse,
        BigIntegers.modSubtract(n, k, BigIntegers.modMult(n, r, d)));
    return s.signum() == 0 ? null : joinSignature(r, s);
  }

  /** SM3(Z || M), Z = SM3(ENTL || ID || a || b || xG || yG || xA || yA) (steps A1, A2). */
  private byte[] messageDigest(byte[] publicKey, byte[] message) {
    SM3Digest digest = new SM3Digest(userIdPrefix);
    digest.update(publicKey, 1, 2 * COORDINATE_LENGTH);
    byte[] z = new byte[COORDINATE_LENGTH];
    digest.doFinal(z, 0);
    digest.update(z, 0, z.length);
    digest.update(message, 0, message.length);
    byte[] e = new byte[COORDINATE_LENGTH];
    digest.doFinal(e, 0);
    return e;
  }

  @Override
  public boolean verify(Object publicKey, byte[] encodedPublicKey, byte[] message,
      byte[] signature) {
    if (signature == null || signature.length != 64 || message == null) {
      return false;
    }
    SM2Signer verifier = new SM2Signer(PlainDSAEncoding.INSTANCE, new SM3Digest());
    verifier.init(false, new ParametersWithID((ECPublicKeyParameters) publicKey, userId));
    verifier.update(message, 0, message.length);
    try {
      return verifier.verifySignature(signature);
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static void update(SM3Digest digest, byte[] data) {
    digest.update(data, 0, data.length);
  }
}
