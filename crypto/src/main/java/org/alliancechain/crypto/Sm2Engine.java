package org.alliancechain.crypto;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.PlainDSAEncoding;
import org.bouncycastle.crypto.signers.SM2Signer;

/**
 * SM2 signatures (GB/T 32918.2) over the recommended curve sm2p256v1 with SM3 and the standard
 * default user id {@code 1234567812345678}, signatures encoded as plain 64-byte r||s.
 */
final class Sm2Engine extends EcEngine {
  static final Sm2Engine INSTANCE = new Sm2Engine();

  /** GB/T 35276 default signer identity, used when the parties agree on no other. */
  static final byte[] DEFAULT_USER_ID = "1234567812345678".getBytes(StandardCharsets.US_ASCII);

  private static final SecureRandom RANDOM = new SecureRandom();

  private Sm2Engine() {
    // The custom curve (dedicated field arithmetic) verifies ~6x faster than the generic one.
    super(CustomNamedCurves.getByName("sm2p256v1"), "SM2");
  }

  @Override
  BigInteger maxPrivateScalar() {
    return domain.getN().subtract(BigInteger.TWO);
  }

  @Override
  public byte[] sign(Object privateKey, byte[] publicKey, byte[] message) {
    SM2Signer signer = new SM2Signer(PlainDSAEncoding.INSTANCE, new SM3Digest());
    signer.init(true, new ParametersWithID(
        new ParametersWithRandom((org.bouncycastle.crypto.params.ECPrivateKeyParameters) privateKey,
            RANDOM), DEFAULT_USER_ID));
    signer.update(message, 0, message.length);
    try {
      return signer.generateSignature();
    } catch (CryptoException e) {
      throw new IllegalStateException("SM2 signing failed with a valid key", e);
    }
  }

  @Override
  public boolean verify(Object publicKey, byte[] encodedPublicKey, byte[] message, byte[] signature) {
    if (signature == null || signature.length != 64 || message == null) {
      return false;
    }
    SM2Signer verifier = new SM2Signer(PlainDSAEncoding.INSTANCE, new SM3Digest());
    verifier.init(false, new ParametersWithID(
        (org.bouncycastle.crypto.params.ECPublicKeyParameters) publicKey, DEFAULT_USER_ID));
    verifier.update(message, 0, message.length);
    try {
      return verifier.verifySignature(signature);
    } catch (RuntimeException e) {
      return false;
    }
  }
}
