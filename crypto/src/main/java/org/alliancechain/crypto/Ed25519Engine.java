package org.alliancechain.crypto;

import java.security.SecureRandom;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/** Ed25519 (RFC 8032, pure mode, no context) with BouncyCastle's constant-time implementation. */
final class Ed25519Engine implements SchemeEngine {
  static final Ed25519Engine INSTANCE = new Ed25519Engine();

  private Ed25519Engine() {}

  @Override
  public Object decodePublic(byte[] encoded) throws CryptoException {
    if (encoded.length != Ed25519.PUBLIC_KEY_SIZE) {
      throw new CryptoException("not a valid Ed25519 public key: expected "
          + Ed25519.PUBLIC_KEY_SIZE + " bytes, got " + encoded.length);
    }
    // Decoded and checked once here; the kept point makes every later verify skip decoding.
    Ed25519.PublicPoint point = Ed25519.validatePublicKeyFullExport(encoded, 0);
    if (point == null) {
      throw new CryptoException("not a valid Ed25519 public key: the 32 bytes do not encode a"
          + " point of the prime-order subgroup");
    }
    return new Ed25519PublicKeyParameters(point);
  }

  @Override
  public Object decodePrivate(byte[] encoded) throws CryptoException {
    if (encoded.length != Ed25519.SECRET_KEY_SIZE) {
      throw new CryptoException("not a valid Ed25519 private key: expected "
          + Ed25519.SECRET_KEY_SIZE + " bytes, got " + encoded.length);
    }
    return new Ed25519PrivateKeyParameters(encoded, 0);
  }

  @Override
  public byte[] generatePrivate(SecureRandom random) {
    return new Ed25519PrivateKeyParameters(random).getEncoded();
  }

  @Override
  public byte[] publicOf(Object privateKey) {
    return ((Ed25519PrivateKeyParameters) privateKey).generatePublicKey().getEncoded();
  }

  @Override
  public byte[] sign(Object privateKey, byte[] publicKey, byte[] message) {
    byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
    ((Ed25519PrivateKeyParameters) privateKey)
        .sign(Ed25519.Algorithm.Ed25519, null, message, 0, message.length, signature, 0);
    return signature;
  }

  @Override
  public boolean verify(Object publicKey, byte[] encodedPublicKey, byte[] message, byte[] signature) {
    if (signature == null || signature.length != Ed25519.SIGNATURE_SIZE || message == null) {
      return false;
    }
    return ((Ed25519PublicKeyParameters) publicKey)
        .verify(Ed25519.Algorithm.Ed25519, null, message, 0, message.length, signature, 0);
  }
}
