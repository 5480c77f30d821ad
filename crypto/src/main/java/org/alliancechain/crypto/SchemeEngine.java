package org.alliancechain.crypto;

import java.security.SecureRandom;

/**
 * One signature scheme's operations on raw encodings. Decoded keys are opaque objects that the
 * engine made itself, so the public classes never expose BouncyCastle types.
 */
interface SchemeEngine {
  /** Decodes and validates a public key; throws with the reason if it is not a valid point. */
  Object decodePublic(byte[] encoded) throws CryptoException;

  /** Decodes and validates a private key; throws with the reason if it is out of range. */
  Object decodePrivate(byte[] encoded) throws CryptoException;

  /** A fresh private key encoding drawn from {@code random}. */
  byte[] generatePrivate(SecureRandom random);

  /** The public key encoding of a decoded private key. */
  byte[] publicOf(Object privateKey);

  /** Signs {@code message}; deterministic for Ed25519 and ECDSA (RFC 6979). */
  byte[] sign(Object privateKey, byte[] publicKey, byte[] message);

  /** Verifies; never throws, any malformed input is simply {@code false}. */
  boolean verify(Object publicKey, byte[] encodedPublicKey, byte[] message, byte[] signature);
}
